-- Columns whose values are Datalink IDs: query results with such a column carry
-- a service descriptor of the {links} endpoint that refers to it (DataLink 1.1
-- section 4), so clients (pyvo's iter_datalinks) find each row's links.
ALTER TABLE archive.columns ADD COLUMN datalink boolean NOT NULL DEFAULT false;

-- the visibility view lists the columns the table had when it was made (V7): add the new one
CREATE OR REPLACE VIEW archive.visible_columns AS
SELECT c.* FROM archive.columns c JOIN archive.column_group_names cg ON cg.column_id = c.id
 WHERE c.table_id IN (SELECT id FROM archive.visible_tables)
   AND archive.visible(c.metadata_access, cg.groups, archive.caller_authenticated(), archive.caller_groups());
