-- A table's creators, contributors and related identifiers (DataCite kernel 4.5
-- terms), as the admin API validated them: one JSON document, versioned with
-- the table (archive.tables.version).
ALTER TABLE archive.tables
    ADD COLUMN credits jsonb NOT NULL DEFAULT '{"creators": [], "contributors": [], "relatedIdentifiers": []}';
