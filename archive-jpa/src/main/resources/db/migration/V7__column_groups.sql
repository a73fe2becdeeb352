-- Groups per column: a PRIVATE column may be for fewer (or other) groups than
-- its table. A column without groups of its own takes its table's, as before.
CREATE TABLE archive.column_groups (
    column_id     bigint NOT NULL REFERENCES archive.columns (id) ON DELETE CASCADE,
    group_id      bigint NOT NULL REFERENCES archive.groups (id) ON DELETE CASCADE,
    PRIMARY KEY (column_id, group_id)
);

CREATE VIEW archive.column_group_names AS
SELECT c.id AS column_id,
       COALESCE(NULLIF(COALESCE(array_agg(g.name) FILTER (WHERE g.name IS NOT NULL), '{}'), '{}'), tg.groups) AS groups
  FROM archive.columns c JOIN archive.table_group_names tg ON tg.table_id = c.table_id
  LEFT JOIN archive.column_groups cg ON cg.column_id = c.id
  LEFT JOIN archive.groups g ON g.id = cg.group_id
 GROUP BY c.id, tg.groups;

CREATE OR REPLACE VIEW archive.visible_columns AS
SELECT c.* FROM archive.columns c JOIN archive.column_group_names cg ON cg.column_id = c.id
 WHERE c.table_id IN (SELECT id FROM archive.visible_tables)
   AND archive.visible(c.metadata_access, cg.groups, archive.caller_authenticated(), archive.caller_groups());
