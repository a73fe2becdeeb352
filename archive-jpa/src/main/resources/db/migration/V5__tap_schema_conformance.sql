-- TAP 1.1 details that taplint checks.
--
-- 1. Column names that are not ADQL regular identifiers (reserved words such as
--    "size", or names with other characters) appear in TAP_SCHEMA delimited, the
--    way a query must write them (TAP 1.1 section 4.3). The word list is ADQL 2.1
--    section 2.1.3's, the same as org.voarchive.adql.ReservedWords (a test keeps
--    the two equal).
-- 2. TAP_SCHEMA describes its own foreign keys (TAP 1.1 section 4.4).
-- 3. Text columns are unicodeChar: PostgreSQL text is UTF-8, while VOTable's char
--    is ASCII and clients (astropy) refuse other bytes in binary serializations.

CREATE FUNCTION archive.adql_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN name ~ '^[A-Za-z][A-Za-z0-9_]*$' AND NOT lower(name) = ANY (ARRAY[
        'abs', 'absolute', 'acos', 'action', 'add', 'all', 'allocate', 'alter', 'and', 'any', 'are', 'area',
        'as', 'asc', 'asin', 'assertion', 'at', 'atan', 'atan2', 'authorization', 'avg', 'begin', 'between',
        'bigint', 'bit', 'bit_length', 'both', 'box', 'by', 'cascade', 'cascaded', 'case', 'cast', 'catalog',
        'ceiling', 'centroid', 'char', 'char_length', 'character', 'character_length', 'check', 'circle',
        'close', 'coalesce', 'collate', 'collation', 'column', 'commit', 'connect', 'connection', 'constraint',
        'constraints', 'contains', 'continue', 'convert', 'coord1', 'coord2', 'coordsys', 'corresponding', 'cos',
        'cot', 'count', 'create', 'cross', 'current', 'current_date', 'current_time', 'current_timestamp',
        'current_user', 'cursor', 'date', 'day', 'deallocate', 'decimal', 'declare', 'default', 'deferrable',
        'deferred', 'degrees', 'delete', 'desc', 'describe', 'descriptor', 'diagnostics', 'disconnect',
        'distance', 'distinct', 'domain', 'double', 'drop', 'else', 'end', 'end-exec', 'escape', 'except',
        'exception', 'exec', 'execute', 'exists', 'exp', 'external', 'extract', 'false', 'fetch', 'first',
        'float', 'floor', 'for', 'foreign', 'found', 'from', 'full', 'get', 'global', 'go', 'goto', 'grant',
        'group', 'having', 'hour', 'identity', 'ilike', 'immediate', 'in', 'in_unit', 'indicator', 'initially',
        'inner', 'input', 'insensitive', 'insert', 'int', 'integer', 'intersect', 'intersects', 'interval',
        'into', 'is', 'isolation', 'join', 'key', 'language', 'last', 'leading', 'left', 'level', 'like',
        'local', 'log', 'log10', 'lower', 'match', 'max', 'min', 'minute', 'mod', 'module', 'month', 'names',
        'national', 'natural', 'nchar', 'next', 'no', 'not', 'null', 'nullif', 'numeric', 'octet_length', 'of',
        'offset', 'on', 'only', 'open', 'option', 'or', 'order', 'outer', 'output', 'overlaps', 'pad', 'partial',
        'pi', 'point', 'polygon', 'position', 'power', 'precision', 'prepare', 'preserve', 'primary', 'prior',
        'privileges', 'procedure', 'public', 'radians', 'rand', 'read', 'real', 'references', 'region',
        'relative', 'restrict', 'revoke', 'right', 'rollback', 'round', 'rows', 'schema', 'scroll', 'second',
        'section', 'select', 'session', 'session_user', 'set', 'sin', 'size', 'smallint', 'some', 'space', 'sql',
        'sqlcode', 'sqlerror', 'sqlstate', 'sqrt', 'substring', 'sum', 'system_user', 'table', 'tan',
        'temporary', 'then', 'time', 'timestamp', 'timezone_hour', 'timezone_minute', 'to', 'top', 'trailing',
        'transaction', 'translate', 'translation', 'trim', 'true', 'truncate', 'union', 'unique', 'unknown',
        'update', 'upper', 'usage', 'user', 'using', 'value', 'values', 'varchar', 'varying', 'view', 'when',
        'whenever', 'where', 'with', 'work', 'write', 'year', 'zone'
    ])
            THEN name ELSE '"' || replace(name, '"', '""') || '"' END
$$;


CREATE OR REPLACE VIEW tap_schema.columns AS
SELECT s.name || '.' || t.name AS table_name, archive.adql_name(c.name) AS column_name, c.utype, c.ucd, c.unit,
       c.description, c.datatype, c.arraysize, c.xtype,
       CASE WHEN c.arraysize ~ '^[0-9]+$' THEN CAST(c.arraysize AS integer) END AS "size",
       CAST(c.principal AS integer) AS principal, CAST(c.indexed AS integer) AS indexed,
       CAST(c.std AS integer) AS std, c.column_index
  FROM archive.visible_columns c JOIN archive.tables t ON t.id = c.table_id JOIN archive.schemas s ON s.id = t.schema_id;

CREATE OR REPLACE VIEW tap_schema.key_columns AS
SELECT k.key_id, archive.adql_name(kc.from_column) AS from_column, archive.adql_name(kc.target_column) AS target_column
  FROM archive.foreign_key_columns kc JOIN archive.foreign_keys k ON k.id = kc.foreign_key_id
 WHERE k.key_id IN (SELECT key_id FROM tap_schema.keys);

-- called from the TAP_SCHEMA views, so as the reading role: the body names nothing in schema archive
GRANT EXECUTE ON FUNCTION archive.adql_name(text) TO ${query_role}, ${app_role};

WITH keys (key_id, from_table, target_table, from_column, target_column, description) AS (VALUES
    ('tap_schema_tables_schema', 'tables', 'schemas', 'schema_name', 'schema_name', 'The schema of a table'),
    ('tap_schema_columns_table', 'columns', 'tables', 'table_name', 'table_name', 'The table of a column'),
    ('tap_schema_keys_from', 'keys', 'tables', 'from_table', 'table_name', 'The table a foreign key is defined on'),
    ('tap_schema_keys_target', 'keys', 'tables', 'target_table', 'table_name', 'The table a foreign key refers to'),
    ('tap_schema_key_columns_key', 'key_columns', 'keys', 'key_id', 'key_id', 'The foreign key a column pair belongs to')),
tap AS (SELECT t.id, t.name FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id WHERE s.name = 'tap_schema'),
inserted AS (
    INSERT INTO archive.foreign_keys (key_id, from_table_id, target_table_id, description)
    SELECT k.key_id, f.id, t.id, k.description FROM keys k JOIN tap f ON f.name = k.from_table JOIN tap t ON t.name = k.target_table
    RETURNING id, key_id)
INSERT INTO archive.foreign_key_columns (foreign_key_id, position, from_column, target_column)
SELECT i.id, 1, k.from_column, k.target_column FROM inserted i JOIN keys k ON k.key_id = i.key_id;

UPDATE archive.columns SET datatype = 'unicodeChar' WHERE datatype = 'char' AND xtype IS NULL;
