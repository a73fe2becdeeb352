-- A kept result's table is made the first time it is read (issue #21): making a table (CREATE TABLE, COPY,
-- its key, ANALYZE, GRANT) and dropping it with its job cost more than the whole of a trivial async job, and
-- most results are never read again. Until then the rows wait in a file of the job's (PostgreSQL's COPY text of
-- every value, so that the table gets exactly what the cursor gave), whose bytes count as the job's table_bytes;
-- the record is written as before, when the job completes. Rows already kept have their tables.
ALTER TABLE archive.kept_results ADD COLUMN made boolean NOT NULL DEFAULT true;
ALTER TABLE archive.kept_results ALTER COLUMN made SET DEFAULT false;
