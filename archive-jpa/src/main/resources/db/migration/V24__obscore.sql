-- ObsCore 1.1 (ObsTAP): the table ivoa.obscore, a view the archive generates over the published tables
-- the operators map to the ObsCore columns (org.voarchive.obscore). The view is the owner role's, as every
-- science relation, so the query roles read its columns by the grants archive.sync_query_grants gives
-- from the metadata (V21, V22): the archive describes the view in archive.schemas/tables/columns itself.
CREATE SCHEMA ivoa;
COMMENT ON SCHEMA ivoa IS 'IVOA data-model tables the archive generates (ObsCore)';

-- One row per mapped source table. columns: the ObsCore column name -> where its values come from, one of
-- {"column": name[, "factor": number]}, {"value": literal}, {"datalink": name}, {"mjd": name}, {"ivoid": name}
-- (ObsCoreMapping validates it; no SQL is ever stored). Names, not ids, so that a mapping whose source
-- table left the metadata is still shown to the operator, and drops out of the view (ObsCoreView).
-- Part of the metadata: changes move its generation on, like archive.examples.
CREATE TABLE archive.obscore_mappings (
    id          bigserial PRIMARY KEY,
    schema_name text NOT NULL,
    table_name  text NOT NULL,
    columns     jsonb NOT NULL CHECK (jsonb_typeof(columns) = 'object'),
    created     timestamptz NOT NULL DEFAULT now(),
    updated     timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 0,
    UNIQUE (schema_name, table_name)
);

CREATE TRIGGER metadata_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.obscore_mappings
    FOR EACH STATEMENT EXECUTE FUNCTION archive.next_metadata_generation();

-- The access rule of ivoa.obscore, in one place: a mapped table's rows are in the view only while the table
-- and its schema are published with PUBLIC data and metadata and every column the mapping reads has PUBLIC
-- data and metadata. Each branch of the view calls it with constants, so PostgreSQL evaluates it once per
-- query (a one-time filter), at query time: a table made INTERNAL or PRIVATE, or withdrawn, leaves the
-- view at once, whoever changed it. The view runs with its owner's privileges (the query roles' grants on
-- the source tables do not apply), hence this rule. SECURITY DEFINER: the query roles that call it through
-- the view cannot read archive.*; it answers a yes or no about public metadata, nothing else. A function
-- body (not the view) reads archive.*, so that deploy/restore, which drops and restores the schema
-- archive, does not drop the view with it.
CREATE FUNCTION ivoa.obscore_source_readable(schema_name text, table_name text, source_columns text[])
    RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (
        SELECT FROM archive.schemas s JOIN archive.tables t ON t.schema_id = s.id
         WHERE s.name = schema_name AND t.name = table_name
           AND s.published AND t.published
           AND s.data_access = 'PUBLIC' AND s.metadata_access = 'PUBLIC'
           AND t.data_access = 'PUBLIC' AND t.metadata_access = 'PUBLIC'
           AND (SELECT count(DISTINCT c.name) FROM archive.columns c
                 WHERE c.table_id = t.id AND c.name = ANY (source_columns)
                   AND c.data_access = 'PUBLIC' AND c.metadata_access = 'PUBLIC')
               = (SELECT count(DISTINCT n) FROM unnest(source_columns) AS n))
$$;
REVOKE ALL ON FUNCTION ivoa.obscore_source_readable(text, text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ivoa.obscore_source_readable(text, text, text[]) TO ${query_role}, ${query_public_role};
