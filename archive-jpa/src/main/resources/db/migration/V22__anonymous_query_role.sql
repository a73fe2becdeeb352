-- Defence in depth per access level, for anonymous callers: their queries run as a role that may read
-- only what anonymous callers may see. V21 keeps the query role to the published columns, but columns,
-- tables and schemas published for authenticated users (INTERNAL) or for some groups (PRIVATE) stay
-- readable to it, since their callers query through it too. Anonymous callers' queries now switch, inside
-- their transaction, to ${query_public_role} (SET LOCAL ROLE, by QueryService): a NOLOGIN role that
-- deploy/provision-db creates and grants to the query role, with SELECT on the columns whose schema,
-- table and column are published with PUBLIC data and PUBLIC metadata (what PublishedMetadata lets an
-- anonymous caller's ADQL read), and TAP_SCHEMA. If the checker or the translator ever let an anonymous
-- query name anything else, PostgreSQL refuses it (permission denied).
--
-- The migrations run as the owner role, which cannot create roles: without the role this migration
-- fails, naming the fix (deploy/provision-db, idempotent, run before every upgrade by deploy/run and
-- deploy/test; a container database made before this release runs it once more, see docker/README.md).
-- Failing here is deliberate: a server without the role could only refuse every anonymous query, or run
-- them without the defence.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${query_public_role}') THEN
        RAISE EXCEPTION 'the database role ${query_public_role} (anonymous callers'' queries) does not exist'
            USING HINT = 'run deploy/provision-db (idempotent) to create it, then migrate again';
    END IF;
    IF NOT pg_has_role('${query_role}', '${query_public_role}', 'MEMBER') THEN
        RAISE EXCEPTION 'the query role ${query_role} is not a member of ${query_public_role}, so it cannot SET ROLE to it'
            USING HINT = 'run deploy/provision-db (idempotent) to grant it, then migrate again';
    END IF;
    IF (SELECT rolcanlogin OR rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = '${query_public_role}') THEN
        RAISE EXCEPTION 'the database role ${query_public_role} must be NOLOGIN NOSUPERUSER NOBYPASSRLS'
            USING HINT = 'run deploy/provision-db (idempotent) to set it so, then migrate again';
    END IF;
END
$$;

-- TAP_SCHEMA's views show what the caller of the transaction may see (anonymous: PUBLIC only, V4)
GRANT USAGE ON SCHEMA tap_schema TO ${query_public_role};
GRANT SELECT ON ALL TABLES IN SCHEMA tap_schema TO ${query_public_role};

-- As V21, for two roles: the query role gets the published columns of published tables of published
-- schemas, the anonymous role those of them whose schema, table and column have PUBLIC data and
-- metadata (INTERNAL and PRIVATE objects are never an anonymous caller's, whatever their groups). The
-- query role, a member of the anonymous role, inherits its privileges: a subset of its own. Returns the
-- number of (role, relation) pairs whose privileges changed.
CREATE OR REPLACE FUNCTION archive.sync_query_grants() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    owner_oid CONSTANT oid := CAST(current_user AS regrole); -- the function's owner
    grantee text;
    grantee_oid oid;
    anonymous boolean;
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

    -- the query role first: its reset of a relation also revokes what PUBLIC had
    FOREACH grantee IN ARRAY ARRAY['${query_role}', '${query_public_role}'] LOOP
        grantee_oid := CAST(grantee AS regrole);
        anonymous := grantee = '${query_public_role}';

        FOR r IN
            SELECT n.nspname
              FROM archive.schemas s JOIN archive.query_grant_schemas g ON g.name = s.name
              JOIN pg_namespace n ON n.nspname = s.name
             WHERE s.published AND n.nspowner = owner_oid AND NOT has_schema_privilege(grantee_oid, n.oid, 'USAGE')
               AND (NOT anonymous OR (s.data_access = 'PUBLIC' AND s.metadata_access = 'PUBLIC'))
        LOOP
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', r.nspname, grantee);
        END LOOP;

        FOR r IN
            WITH relations AS (
                SELECT c.oid, n.nspname, c.relname,
                       -- table-level SELECT for the role or PUBLIC, or column-level SELECT for PUBLIC: start afresh
                       EXISTS (SELECT FROM aclexplode(c.relacl) x
                                WHERE x.grantee IN (grantee_oid, 0) AND x.privilege_type = 'SELECT')
                       OR EXISTS (SELECT FROM pg_attribute a, aclexplode(a.attacl) x
                                   WHERE a.attrelid = c.oid AND x.grantee = 0 AND x.privilege_type = 'SELECT') AS reset
                  FROM archive.query_grant_schemas g JOIN pg_namespace n ON n.nspname = g.name
                  JOIN pg_class c ON c.relnamespace = n.oid
                 WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND c.relowner = owner_oid
            ), published AS (
                SELECT s.name AS nspname, t.name AS relname, mc.name AS attname
                  FROM archive.schemas s JOIN archive.tables t ON t.schema_id = s.id JOIN archive.columns mc ON mc.table_id = t.id
                 WHERE s.published AND t.published
                   AND (NOT anonymous
                        OR (s.data_access = 'PUBLIC' AND s.metadata_access = 'PUBLIC'
                            AND t.data_access = 'PUBLIC' AND t.metadata_access = 'PUBLIC'
                            AND mc.data_access = 'PUBLIC' AND mc.metadata_access = 'PUBLIC'))
            ), columns AS (
                SELECT rel.oid, a.attname, p.attname IS NOT NULL AS wanted,
                       EXISTS (SELECT FROM aclexplode(a.attacl) x
                                WHERE x.grantee = grantee_oid AND x.privilege_type = 'SELECT') AS granted
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
                EXECUTE format('REVOKE SELECT ON %I.%I FROM %I, PUBLIC', r.nspname, r.relname, grantee);
            END IF;
            IF r.revoke_columns IS NOT NULL THEN
                EXECUTE format('REVOKE SELECT (%s) ON %I.%I FROM %I',
                    (SELECT string_agg(quote_ident(a), ', ') FROM unnest(r.revoke_columns) a), r.nspname, r.relname, grantee);
            END IF;
            IF r.grant_columns IS NOT NULL THEN
                EXECUTE format('GRANT SELECT (%s) ON %I.%I TO %I',
                    (SELECT string_agg(quote_ident(a), ', ') FROM unnest(r.grant_columns) a), r.nspname, r.relname, grantee);
            END IF;
            changed := changed + 1;
        END LOOP;
    END LOOP;
    RETURN changed;
END
$$;

-- The access levels now decide privileges too: the triggers of V21 follow them as well (groups do not:
-- no group makes anything an anonymous caller's).
DROP TRIGGER query_grants ON archive.schemas;
DROP TRIGGER query_grants ON archive.tables;
DROP TRIGGER query_grants ON archive.columns;
CREATE CONSTRAINT TRIGGER query_grants
    AFTER INSERT OR DELETE OR UPDATE OF name, published, data_access, metadata_access ON archive.schemas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE CONSTRAINT TRIGGER query_grants
    AFTER INSERT OR DELETE OR UPDATE OF schema_id, name, published, data_access, metadata_access ON archive.tables
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.query_grants_follow_metadata();
CREATE CONSTRAINT TRIGGER query_grants
    AFTER INSERT OR DELETE OR UPDATE OF table_id, name, data_access, metadata_access ON archive.columns
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.query_grants_follow_metadata();

-- existing databases: the anonymous role gets the PUBLIC columns of what is published now
SELECT archive.sync_query_grants();
