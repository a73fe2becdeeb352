-- The archive's metadata: the single source of truth about what it publishes.
-- TAP_SCHEMA, VOSI tables, ADQL checking, result FIELDs, cone search, datalink,
-- DataCite and OAI-PMH all read these tables; nothing keeps a copy.
--
-- Types (datatype, arraysize, xtype) are facts discovered from the database and
-- refreshed on every discovery; descriptions, units, UCDs and the rest are
-- curated and never overwritten by discovery once set.
-- Access levels: PUBLIC (anyone), INTERNAL (any authenticated user), PRIVATE
-- (listed groups); data and metadata separately.

CREATE TABLE archive.schemas (
    id               bigserial PRIMARY KEY,
    name             text NOT NULL UNIQUE,
    title            text,
    description      text,
    long_description text,
    utype            text,
    doi              text,
    license_spdx     text,
    license_label    text,
    license_url      text,
    published        boolean NOT NULL DEFAULT false,
    data_access      text NOT NULL DEFAULT 'PUBLIC' CHECK (data_access IN ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    metadata_access  text NOT NULL DEFAULT 'PUBLIC' CHECK (metadata_access IN ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    schema_index     integer,
    created          timestamptz NOT NULL DEFAULT now(),
    updated          timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0
);

CREATE TABLE archive.tables (
    id               bigserial PRIMARY KEY,
    schema_id        bigint NOT NULL REFERENCES archive.schemas (id) ON DELETE CASCADE,
    name             text NOT NULL,
    table_type       text NOT NULL DEFAULT 'table' CHECK (table_type IN ('table', 'view')),
    title            text,
    description      text,
    long_description text,
    utype            text,
    doi              text,
    license_spdx     text,
    license_label    text,
    license_url      text,
    nrows            bigint,
    size_bytes       bigint,
    published        boolean NOT NULL DEFAULT false,
    data_access      text NOT NULL DEFAULT 'PUBLIC' CHECK (data_access IN ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    metadata_access  text NOT NULL DEFAULT 'PUBLIC' CHECK (metadata_access IN ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    table_index      integer,
    created          timestamptz NOT NULL DEFAULT now(),
    updated          timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0,
    UNIQUE (schema_id, name)
);

CREATE TABLE archive.columns (
    id               bigserial PRIMARY KEY,
    table_id         bigint NOT NULL REFERENCES archive.tables (id) ON DELETE CASCADE,
    name             text NOT NULL,
    description      text,
    unit             text,
    ucd              text,
    utype            text,
    datatype         text NOT NULL,
    arraysize        text,
    xtype            text,
    principal        boolean NOT NULL DEFAULT false,
    indexed          boolean NOT NULL DEFAULT false,
    std              boolean NOT NULL DEFAULT false,
    column_index     integer,
    data_access      text NOT NULL DEFAULT 'PUBLIC' CHECK (data_access IN ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    metadata_access  text NOT NULL DEFAULT 'PUBLIC' CHECK (metadata_access IN ('PUBLIC', 'INTERNAL', 'PRIVATE')),
    created          timestamptz NOT NULL DEFAULT now(),
    updated          timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0,
    UNIQUE (table_id, name)
);

CREATE TABLE archive.foreign_keys (
    id               bigserial PRIMARY KEY,
    key_id           text NOT NULL UNIQUE,
    from_table_id    bigint NOT NULL REFERENCES archive.tables (id) ON DELETE CASCADE,
    target_table_id  bigint NOT NULL REFERENCES archive.tables (id) ON DELETE CASCADE,
    utype            text,
    description      text
);

CREATE TABLE archive.foreign_key_columns (
    foreign_key_id   bigint NOT NULL REFERENCES archive.foreign_keys (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    from_column      text NOT NULL,
    target_column    text NOT NULL,
    PRIMARY KEY (foreign_key_id, position)
);

-- TAP_SCHEMA 1.1 (TAP 1.1 section 4), derived from the metadata so it can never
-- disagree with it. Only published metadata; access filtering by caller is
-- applied on top by the query service.
CREATE SCHEMA tap_schema;

CREATE VIEW tap_schema.schemas AS
SELECT s.name AS schema_name, s.utype, s.description, s.schema_index
  FROM archive.schemas s
 WHERE s.published;

CREATE VIEW tap_schema.tables AS
SELECT s.name AS schema_name, s.name || '.' || t.name AS table_name, t.table_type, t.utype, t.description,
       t.table_index
  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
 WHERE s.published AND t.published;

CREATE VIEW tap_schema.columns AS
SELECT s.name || '.' || t.name AS table_name, c.name AS column_name, c.utype, c.ucd, c.unit, c.description,
       c.datatype, c.arraysize, c.xtype,
       -- "size" is deprecated in TAP 1.1: the fixed array length where there is one
       CASE WHEN c.arraysize ~ '^[0-9]+$' THEN CAST(c.arraysize AS integer) END AS "size",
       CAST(c.principal AS integer) AS principal, CAST(c.indexed AS integer) AS indexed,
       CAST(c.std AS integer) AS std, c.column_index
  FROM archive.columns c JOIN archive.tables t ON t.id = c.table_id JOIN archive.schemas s ON s.id = t.schema_id
 WHERE s.published AND t.published;

CREATE VIEW tap_schema.keys AS
SELECT k.key_id, fs.name || '.' || f.name AS from_table, ts.name || '.' || t.name AS target_table, k.utype, k.description
  FROM archive.foreign_keys k
  JOIN archive.tables f ON f.id = k.from_table_id JOIN archive.schemas fs ON fs.id = f.schema_id
  JOIN archive.tables t ON t.id = k.target_table_id JOIN archive.schemas ts ON ts.id = t.schema_id
 WHERE fs.published AND f.published AND ts.published AND t.published;

CREATE VIEW tap_schema.key_columns AS
SELECT k.key_id, kc.from_column, kc.target_column
  FROM archive.foreign_key_columns kc JOIN archive.foreign_keys k ON k.id = kc.foreign_key_id
 WHERE k.key_id IN (SELECT key_id FROM tap_schema.keys);

GRANT USAGE ON SCHEMA tap_schema TO ${query_role}, ${app_role};
GRANT SELECT ON ALL TABLES IN SCHEMA tap_schema TO ${query_role}, ${app_role};

-- TAP_SCHEMA describes itself (TAP 1.1 section 4).
INSERT INTO archive.schemas (name, description, published, schema_index)
VALUES ('tap_schema', 'Metadata of the tables this service publishes (TAP 1.1, section 4)', true, 100000);

INSERT INTO archive.tables (schema_id, name, table_type, description, published, table_index)
SELECT s.id, v.name, 'view', v.description, true, v.idx
  FROM archive.schemas s, (VALUES
    ('schemas', 'The schemas of this service', 1),
    ('tables', 'The tables of this service', 2),
    ('columns', 'The columns of the tables of this service', 3),
    ('keys', 'Foreign keys between tables', 4),
    ('key_columns', 'The columns of the foreign keys', 5)) AS v (name, description, idx)
 WHERE s.name = 'tap_schema';

INSERT INTO archive.columns (table_id, name, description, datatype, arraysize, principal, std, column_index)
SELECT t.id, v.name, v.description, v.datatype, v.arraysize, true, true, v.idx
  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id, (VALUES
    ('schemas', 'schema_name', 'Schema name, as used in queries', 'char', '*', 1),
    ('schemas', 'utype', 'Utype of the schema', 'char', '*', 2),
    ('schemas', 'description', 'Description of the schema', 'char', '*', 3),
    ('schemas', 'schema_index', 'Suggested order of schemas', 'int', NULL, 4),
    ('tables', 'schema_name', 'Name of the schema containing the table', 'char', '*', 1),
    ('tables', 'table_name', 'Fully qualified table name, as used in queries', 'char', '*', 2),
    ('tables', 'table_type', 'table or view', 'char', '*', 3),
    ('tables', 'utype', 'Utype of the table', 'char', '*', 4),
    ('tables', 'description', 'Description of the table', 'char', '*', 5),
    ('tables', 'table_index', 'Suggested order of tables', 'int', NULL, 6),
    ('columns', 'table_name', 'Fully qualified name of the table containing the column', 'char', '*', 1),
    ('columns', 'column_name', 'Column name, as used in queries', 'char', '*', 2),
    ('columns', 'utype', 'Utype of the column', 'char', '*', 3),
    ('columns', 'ucd', 'Unified Content Descriptor of the column', 'char', '*', 4),
    ('columns', 'unit', 'Unit of the column (VOUnit)', 'char', '*', 5),
    ('columns', 'description', 'Description of the column', 'char', '*', 6),
    ('columns', 'datatype', 'VOTable datatype of the column', 'char', '*', 7),
    ('columns', 'arraysize', 'VOTable arraysize of the column', 'char', '*', 8),
    ('columns', 'xtype', 'VOTable xtype of the column', 'char', '*', 9),
    ('columns', 'size', 'Deprecated: fixed length of the column', 'int', NULL, 10),
    ('columns', 'principal', '1 if the column is of principal interest, else 0', 'int', NULL, 11),
    ('columns', 'indexed', '1 if the column is indexed, else 0', 'int', NULL, 12),
    ('columns', 'std', '1 if the column is defined by a standard, else 0', 'int', NULL, 13),
    ('columns', 'column_index', 'Suggested order of columns', 'int', NULL, 14),
    ('keys', 'key_id', 'Identifier of the foreign key', 'char', '*', 1),
    ('keys', 'from_table', 'Fully qualified name of the table holding the key', 'char', '*', 2),
    ('keys', 'target_table', 'Fully qualified name of the table the key points to', 'char', '*', 3),
    ('keys', 'utype', 'Utype of the key', 'char', '*', 4),
    ('keys', 'description', 'Description of the key', 'char', '*', 5),
    ('key_columns', 'key_id', 'Identifier of the foreign key', 'char', '*', 1),
    ('key_columns', 'from_column', 'Column of the key in the from_table', 'char', '*', 2),
    ('key_columns', 'target_column', 'Column in the target_table', 'char', '*', 3)) AS v (tab, name, description, datatype, arraysize, idx)
 WHERE s.name = 'tap_schema' AND t.name = v.tab;
