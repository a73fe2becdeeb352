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
