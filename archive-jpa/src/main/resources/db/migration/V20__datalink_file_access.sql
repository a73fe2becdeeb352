-- The archive's files (/files/...) are served at the data access level of the
-- tables whose datalink rows point at them (org.voarchive.datalink.ArchiveFiles):
-- each request looks up the rows of exactly its path. A hash index, since an
-- access_url may be longer than a btree entry may be, and only over the rows
-- that link such files; the query repeats the predicate so the planner uses it.
-- archive.datalinks.table_name now means: the table whose DATA access level the
-- row follows (citations, #doi and #documentation elsewhere, its METADATA level).
CREATE INDEX datalinks_file ON archive.datalinks USING hash (access_url) WHERE access_url LIKE '/files/%';
