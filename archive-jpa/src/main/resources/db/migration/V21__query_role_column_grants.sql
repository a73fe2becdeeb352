-- Defence in depth for column-level access: the read-only query role that runs
-- every user query may read only the published columns (those the metadata
-- describes) of published tables of published schemas, whatever SQL reaches it.
-- The ADQL checker already keeps queries to the columns the caller may see; if
-- it or the translator ever erred, PostgreSQL refuses (permission denied)
-- instead of returning what was never published. Columns published for some
-- groups only (PRIVATE) stay readable: their members query through this role.
--
-- One function brings the query role's privileges in step with the metadata
-- (archive.sync_query_grants), run by the owner role (only a table's owner may
-- GRANT and REVOKE on it) at the end of every transaction that changed which
-- schemas, tables or columns are published, whoever made the change (admin
-- API, discovery, ingest, import, deletions), and by the table loader.

-- The schemas whose science tables the query role's privileges are kept in
-- step for: every schema the metadata has described, remembered after its
-- metadata is deleted so that its tables lose their privileges too. Schemas
-- the archive never described (an operator's helper tables for user-defined
-- functions, say) keep whatever privileges an operator gave.
CREATE TABLE archive.query_grant_schemas (
    name text PRIMARY KEY
);
-- only the owner's function writes here (the archive schema's default privileges would let the application)
REVOKE ALL ON archive.query_grant_schemas FROM ${app_role};

-- Brings the query role's SELECT privileges on the science relations the owner role owns, in the schemas
-- above, to exactly the published columns: table-level SELECT (and any to PUBLIC, which includes the
-- query role) goes, published columns are granted, others revoked; only differences are applied, so an
-- edit that publishes nothing new changes no privilege. Schema USAGE is granted for published schemas
-- (never revoked: it shows names, no data). TAP_SCHEMA keeps its view grants (V1); TAP uploads are the
-- query role's own temporary tables; relations another role owns cannot be changed by the owner and are left
-- as they are. Returns the number of relations whose privileges changed.
CREATE FUNCTION archive.sync_query_grants() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    query_role CONSTANT text := '${query_role}';
    query_oid CONSTANT oid := CAST('${query_role}' AS regrole);
    owner_oid CONSTANT oid := CAST(current_user AS regrole); -- the function's owner
    changed integer := 0;
    r record;
BEGIN
    -- one at a time: concurrent GRANTs on one table fail with "tuple concurrently updated"
    PERFORM pg_advisory_xact_lock(hashtext('archive.sync_query_grants'));
    -- the archive's own schema and TAP_SCHEMA (described in the metadata since V1) are never science
    -- schemas; discovery refuses the other system schemas (MetadataDiscovery.refuseSystemSchema)
    INSERT INTO archive.query_grant_schemas (name)
    SELECT s.name FROM archive.schemas s WHERE s.name NOT IN ('archive', 'tap_schema')
    ON CONFLICT DO NOTHING;
    DELETE FROM archive.query_grant_schemas g WHERE NOT EXISTS (SELECT FROM pg_namespace n WHERE n.nspname = g.name);

    FOR r IN
        SELECT n.nspname
          FROM archive.schemas s JOIN archive.query_grant_schemas g ON g.name = s.name
          JOIN pg_namespace n ON n.nspname = s.name
         WHERE s.published AND n.nspowner = owner_oid AND NOT has_schema_privilege(query_oid, n.oid, 'USAGE')
    LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', r.nspname, query_role);
    END LOOP;

    FOR r IN
        WITH relations AS (
            SELECT c.oid, n.nspname, c.relname,
                   -- table-level SELECT for the role or PUBLIC, or column-level SELECT for PUBLIC: start afresh
                   EXISTS (SELECT FROM aclexplode(c.relacl) x
                            WHERE x.grantee IN (query_oid, 0) AND x.privilege_type = 'SELECT')
                   OR EXISTS (SELECT FROM pg_attribute a, aclexplode(a.attacl) x
                               WHERE a.attrelid = c.oid AND x.grantee = 0 AND x.privilege_type = 'SELECT') AS reset
              FROM archive.query_grant_schemas g JOIN pg_namespace n ON n.nspname = g.name
              JOIN pg_class c ON c.relnamespace = n.oid
             WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND c.relowner = owner_oid
        ), published AS (
            SELECT s.name AS nspname, t.name AS relname, mc.name AS attname
              FROM archive.schemas s JOIN archive.tables t ON t.schema_id = s.id JOIN archive.columns mc ON mc.table_id = t.id
             WHERE s.published AND t.published
        ), columns AS (
            SELECT rel.oid, a.attname, p.attname IS NOT NULL AS wanted,
                   EXISTS (SELECT FROM aclexplode(a.attacl) x
                            WHERE x.grantee = query_oid AND x.privilege_type = 'SELECT') AS granted
              FROM relations rel JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN published p ON p.nspname = rel.nspname AND p.relname = rel.relname AND p.attname = a.attname
        )
        SELECT rel.nspname, rel.relname, rel.reset,
               array_agg(col.attname ORDER BY col.attname) FILTER (WHERE col.wanted AND (rel.reset OR NOT col.granted)) AS grant_columns,
               array_agg(col.attname ORDER BY col.attname) FILTER (WHERE col.granted AND NOT col.wanted AND NOT rel.reset) AS revoke_columns
          FROM relations rel JOIN columns col ON col.oid = rel.oid
         GROUP BY rel.oid, rel.nspname, rel.relname, rel.reset
        HAVING rel.reset OR bool_or(col.wanted <> col.granted)
    LOOP
        IF r.reset THEN
            -- also revokes every column-level SELECT of both
            EXECUTE format('REVOKE SELECT ON %I.%I FROM %I, PUBLIC', r.nspname, r.relname, query_role);
        END IF;
        IF r.revoke_columns IS NOT NULL THEN
            EXECUTE format('REVOKE SELECT (%s) ON %I.%I FROM %I',
                (SELECT string_agg(quote_ident(a), ', ') FROM unnest(r.revoke_columns) a), r.nspname, r.relname, query_role);
        END IF;
        IF r.grant_columns IS NOT NULL THEN
            EXECUTE format('GRANT SELECT (%s) ON %I.%I TO %I',
                (SELECT string_agg(quote_ident(a), ', ') FROM unnest(r.grant_columns) a), r.nspname, r.relname, query_role);
        END IF;
        changed := changed + 1;
    END LOOP;
    RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION archive.sync_query_grants() FROM PUBLIC;
-- the application role edits the metadata; the triggers below run as the role that made the change
GRANT EXECUTE ON FUNCTION archive.sync_query_grants() TO ${app_role};

-- Runs the function once a transaction has made its changes (a discovery changes thousands of rows): the
-- triggers are deferred to the commit, and the first of them syncs for the metadata generation the
-- transaction reached (V12). Changes after an earlier sync in the same transaction (SET CONSTRAINTS ...
-- IMMEDIATE) move the generation on and sync again. TRUNCATE has no row triggers: it syncs at once.
CREATE FUNCTION archive.query_grants_follow_metadata() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reached text := (SELECT g.generation FROM archive.metadata_generation g)::text;
BEGIN
    IF current_setting('archive.query_grants_generation', true) IS DISTINCT FROM reached THEN
        PERFORM archive.sync_query_grants();
        PERFORM set_config('archive.query_grants_generation', reached, true);
    END IF;
    RETURN NULL;
END
$$;

-- only what decides which columns are published: names, published flags, rows coming and going
CREATE CONSTRAINT TRIGGER query_grants AFTER INSERT OR DELETE OR UPDATE OF name, published ON archive.schemas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE CONSTRAINT TRIGGER query_grants AFTER INSERT OR DELETE OR UPDATE OF schema_id, name, published ON archive.tables
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE CONSTRAINT TRIGGER query_grants AFTER INSERT OR DELETE OR UPDATE OF table_id, name ON archive.columns
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE TRIGGER query_grants_truncate AFTER TRUNCATE ON archive.schemas
    FOR EACH STATEMENT EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE TRIGGER query_grants_truncate AFTER TRUNCATE ON archive.tables
    FOR EACH STATEMENT EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE TRIGGER query_grants_truncate AFTER TRUNCATE ON archive.columns
    FOR EACH STATEMENT EXECUTE FUNCTION archive.query_grants_follow_metadata();

-- existing databases: the tables the loader granted whole to the query role keep their published columns only
SELECT archive.sync_query_grants();
