-- Access levels applied everywhere metadata is read. One SQL function decides
-- visibility; the TAP_SCHEMA views use it with the caller of the current
-- transaction (settings archive.caller_authenticated and archive.caller_groups,
-- set with set_config(..., true) by the service before a query). With nothing
-- set the caller is anonymous: PUBLIC only.

CREATE FUNCTION archive.visible(level text, object_groups text[], authenticated boolean, caller_groups text[])
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT level = 'PUBLIC'
        OR (level = 'INTERNAL' AND authenticated)
        OR (authenticated AND 'admin' = ANY (caller_groups))
        OR (level = 'PRIVATE' AND authenticated AND object_groups && caller_groups)
$$;

CREATE FUNCTION archive.caller_authenticated() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT COALESCE(current_setting('archive.caller_authenticated', true), '') = 'true'
$$;

CREATE FUNCTION archive.caller_groups() RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT string_to_array(NULLIF(current_setting('archive.caller_groups', true), ''), ',')
$$;

-- the groups that may see a PRIVATE schema or table
CREATE VIEW archive.schema_group_names AS
SELECT s.id AS schema_id, COALESCE(array_agg(g.name) FILTER (WHERE g.name IS NOT NULL), '{}') AS groups
  FROM archive.schemas s LEFT JOIN archive.schema_groups sg ON sg.schema_id = s.id
  LEFT JOIN archive.groups g ON g.id = sg.group_id GROUP BY s.id;

CREATE VIEW archive.table_group_names AS
SELECT t.id AS table_id, COALESCE(array_agg(g.name) FILTER (WHERE g.name IS NOT NULL), '{}') AS groups
  FROM archive.tables t LEFT JOIN archive.table_groups tg ON tg.table_id = t.id
  LEFT JOIN archive.groups g ON g.id = tg.group_id GROUP BY t.id;

-- what the current caller may see of the published metadata
CREATE VIEW archive.visible_schemas AS
SELECT s.* FROM archive.schemas s JOIN archive.schema_group_names sg ON sg.schema_id = s.id
 WHERE s.published
   AND archive.visible(s.metadata_access, sg.groups, archive.caller_authenticated(), archive.caller_groups());

CREATE VIEW archive.visible_tables AS
SELECT t.* FROM archive.tables t JOIN archive.table_group_names tg ON tg.table_id = t.id
 WHERE t.published AND t.schema_id IN (SELECT id FROM archive.visible_schemas)
   AND archive.visible(t.metadata_access, tg.groups, archive.caller_authenticated(), archive.caller_groups());

CREATE VIEW archive.visible_columns AS
SELECT c.* FROM archive.columns c JOIN archive.table_group_names tg ON tg.table_id = c.table_id
 WHERE c.table_id IN (SELECT id FROM archive.visible_tables)
   AND archive.visible(c.metadata_access, tg.groups, archive.caller_authenticated(), archive.caller_groups());

CREATE OR REPLACE VIEW tap_schema.schemas AS
SELECT s.name AS schema_name, s.utype, s.description, s.schema_index
  FROM archive.visible_schemas s;

CREATE OR REPLACE VIEW tap_schema.tables AS
SELECT s.name AS schema_name, s.name || '.' || t.name AS table_name, t.table_type, t.utype, t.description,
       t.table_index
  FROM archive.visible_tables t JOIN archive.schemas s ON s.id = t.schema_id;

CREATE OR REPLACE VIEW tap_schema.columns AS
SELECT s.name || '.' || t.name AS table_name, c.name AS column_name, c.utype, c.ucd, c.unit, c.description,
       c.datatype, c.arraysize, c.xtype,
       CASE WHEN c.arraysize ~ '^[0-9]+$' THEN CAST(c.arraysize AS integer) END AS "size",
       CAST(c.principal AS integer) AS principal, CAST(c.indexed AS integer) AS indexed,
       CAST(c.std AS integer) AS std, c.column_index
  FROM archive.visible_columns c JOIN archive.tables t ON t.id = c.table_id JOIN archive.schemas s ON s.id = t.schema_id;

CREATE OR REPLACE VIEW tap_schema.keys AS
SELECT k.key_id, fs.name || '.' || f.name AS from_table, ts.name || '.' || t.name AS target_table, k.utype, k.description
  FROM archive.foreign_keys k
  JOIN archive.visible_tables f ON f.id = k.from_table_id JOIN archive.schemas fs ON fs.id = f.schema_id
  JOIN archive.visible_tables t ON t.id = k.target_table_id JOIN archive.schemas ts ON ts.id = t.schema_id;

GRANT SELECT ON archive.visible_schemas, archive.visible_tables, archive.visible_columns,
    archive.schema_group_names, archive.table_group_names TO ${app_role};
