-- Completed async TAP results kept as database tables (as Daiquiri does): the portal pages and sorts them on
-- the server, and a signed-in owner queries them again in ADQL (SELECT ... FROM user_<name>.job_<id>). The
-- job still writes its result file as before; while the rows stream from the cursor they are also copied into
-- a table (tap.KeptResults), committed with its row here before the job becomes COMPLETED, and dropped with
-- the job. These tables are never published data: they are in no archive.schemas row (so TAP_SCHEMA, VOSI and
-- archive.sync_query_grants never see them), and metadata discovery refuses their schemas.
--
-- Where they live: a signed-in owner's in the owner's own schema user_<name> (tap.KeptSchemas names it),
-- created on demand through archive.kept_results_schema below, which the query role may use (the owner's
-- ADQL reads their tables as the query role; the ADQL checker offers a table to its owner only); an anonymous
-- owner's in anonymous_results, which no query role may use (anonymous jobs are anyone's who holds their id,
-- so their tables are read through the portal's endpoints only). The application role creates, reads and
-- drops the tables: it owns them.

-- Bytes of database tables kept for a job (its result kept as a table, with the indexes sorting it builds):
-- they count in the owner's storage quota with the job's files, and go with the job.
ALTER TABLE archive.uws_job ADD COLUMN table_bytes bigint NOT NULL DEFAULT 0 CHECK (table_bytes >= 0);

-- One row per kept table, written in the transaction that fills the table: a table without its row is an
-- orphan (a crash between the drop and the delete), which a maintenance task drops.
CREATE TABLE archive.kept_results (
    job_id        text PRIMARY KEY REFERENCES archive.uws_job ON DELETE CASCADE,
    -- the job's owner; null for an anonymous job
    owner         text,
    schema_name   text NOT NULL,
    table_name    text NOT NULL,
    -- the result's columns in order, each an object of name (the table's column), datatype, arraysize, xtype,
    -- unit, ucd, utype, description, datalink (its values are Datalink IDs), sql_type (the database type of
    -- the column) and source (the published column it copies, schema.table.column, or null)
    columns       jsonb NOT NULL CHECK (jsonb_typeof(columns) = 'array'),
    row_count     bigint NOT NULL CHECK (row_count >= 0),
    -- MAXREC cut the result: the query has more rows than were kept
    overflow      boolean NOT NULL,
    -- the published tables the query read (schema.table), as the result's source_table INFOs name them
    source_tables text[] NOT NULL,
    query         text NOT NULL,
    created       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (schema_name, table_name)
);
CREATE INDEX kept_results_owner ON archive.kept_results (owner);

CREATE SCHEMA anonymous_results;
COMMENT ON SCHEMA anonymous_results IS 'Results of anonymous async TAP jobs kept as tables (archive.kept_results)';
GRANT USAGE, CREATE ON SCHEMA anonymous_results TO ${app_role};

-- A signed-in owner's schema of kept results, created if it is not there yet (by the owner role, which may
-- create schemas; the application role may not), with CREATE for the application role (it makes the tables)
-- and USAGE for the query role (the owner's ADQL). Never for the anonymous callers' role: the query role's
-- membership in it gives it nothing of the query role's own. A schema of that name that is published data, or
-- that another role made, is refused.
CREATE FUNCTION archive.kept_results_schema(schema_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    owner_oid CONSTANT oid := CAST(current_user AS regrole); -- the function's owner
    found_owner oid;
BEGIN
    IF schema_name !~ '^user_[a-z0-9_]+$' OR octet_length(schema_name) > 63 THEN
        RAISE EXCEPTION 'not the name of a schema of kept results: %', schema_name;
    END IF;
    -- one caller at a time per schema: a user's first two results may arrive together
    PERFORM pg_advisory_xact_lock(hashtext('archive.kept_results_schema ' || schema_name));
    IF EXISTS (SELECT FROM archive.schemas s WHERE s.name = schema_name) THEN
        RAISE EXCEPTION 'the schema % is described in the metadata: it is not one of kept results', schema_name;
    END IF;
    SELECT n.nspowner INTO found_owner FROM pg_namespace n WHERE n.nspname = schema_name;
    IF found_owner IS NULL THEN
        EXECUTE format('CREATE SCHEMA %I', schema_name);
        EXECUTE format('COMMENT ON SCHEMA %I IS %L', schema_name,
            'Results of a user''s async TAP jobs kept as tables (archive.kept_results)');
    ELSIF found_owner <> owner_oid THEN
        RAISE EXCEPTION 'the schema % was not made by the archive: it is not one of kept results', schema_name;
    END IF;
    IF NOT has_schema_privilege('${app_role}', schema_name, 'CREATE') THEN
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', schema_name, '${app_role}');
    END IF;
    IF NOT has_schema_privilege('${query_role}', schema_name, 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, '${query_role}');
    END IF;
END
$$;
REVOKE ALL ON FUNCTION archive.kept_results_schema(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION archive.kept_results_schema(text) TO ${app_role};
