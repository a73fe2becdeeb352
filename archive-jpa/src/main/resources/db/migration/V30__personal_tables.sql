-- Personal tables (issue #22): tables signed-in users create, load, index and share in their own schema
-- user_<login> (tap.KeptSchemas.userSchema), through VOSI 1.2's user-managed tables and youcat's interface.
-- They live in the one metadata model (archive.schemas/tables/columns/table_groups) with an owner, so that
-- TAP_SCHEMA, VOSI, ADQL checking and result FIELDs see them through the views they already use, with the
-- same access levels: PUBLIC (shared with everyone), PRIVATE with table_groups (shared with those groups) or
-- PRIVATE without groups (the owner alone). Published data has no owner. Kept results (V26) stay as they
-- are (per job, never in the model) until their owner keeps one as a personal table.

-- The owner: a login (as archive.uws_job.owner_id and archive.kept_results.owner). No ON DELETE CASCADE:
-- deleting a user drops their tables first (account.UserAdministration), and a forgotten path fails loudly.
-- Columns carry their table's owner too, so that the grant trigger below decides from the row alone (a
-- dropped table's cascaded column deletes no longer find their table) and visibility needs no join.
ALTER TABLE archive.schemas ADD COLUMN owner text REFERENCES archive.users (name) ON UPDATE CASCADE;
ALTER TABLE archive.tables ADD COLUMN owner text REFERENCES archive.users (name) ON UPDATE CASCADE;
ALTER TABLE archive.columns ADD COLUMN owner text REFERENCES archive.users (name) ON UPDATE CASCADE;
CREATE INDEX tables_owner ON archive.tables (owner) WHERE owner IS NOT NULL;

-- A table's owner is its schema's, a column's its table's (a CHECK cannot look at another row). Deferred to
-- the commit: renaming a user cascades to the three tables one after the other.
CREATE FUNCTION archive.check_owner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected text;
BEGIN
    IF TG_TABLE_NAME = 'tables' THEN
        SELECT s.owner INTO expected FROM archive.schemas s WHERE s.id = NEW.schema_id;
    ELSE
        SELECT t.owner INTO expected FROM archive.tables t WHERE t.id = NEW.table_id;
    END IF;
    IF NEW.owner IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'archive.% row % has the owner %, its parent the owner %', TG_TABLE_NAME, NEW.id,
            COALESCE(NEW.owner, '(none)'), COALESCE(expected, '(none)')
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER owner_matches AFTER INSERT OR UPDATE OF schema_id, owner ON archive.tables
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.check_owner();
CREATE CONSTRAINT TRIGGER owner_matches AFTER INSERT OR UPDATE OF table_id, owner ON archive.columns
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.check_owner();
-- a schema's owner changes only with its tables' (a user renamed): the check of the tables sees that
CREATE FUNCTION archive.check_schema_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM archive.tables t WHERE t.schema_id = NEW.id AND t.owner IS DISTINCT FROM NEW.owner) THEN
        RAISE EXCEPTION 'archive.schemas row % (%) has tables of another owner than %', NEW.id, NEW.name,
            COALESCE(NEW.owner, '(none)') USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER owner_matches AFTER UPDATE OF owner ON archive.schemas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION archive.check_schema_owner();

-- What changes with every load stays out of archive.tables, so that loads do not move the metadata
-- generation (V12) and every cached model with it.
CREATE TABLE archive.personal_tables (
    table_id      bigint PRIMARY KEY REFERENCES archive.tables ON DELETE CASCADE,
    owner         text NOT NULL REFERENCES archive.users (name) ON UPDATE CASCADE,
    row_count     bigint NOT NULL DEFAULT 0 CHECK (row_count >= 0),
    -- pg_total_relation_size after each change (rows, indexes)
    bytes         bigint NOT NULL DEFAULT 0 CHECK (bytes >= 0),
    -- created: PUT /tap/tables; upload: a TAP upload kept (KEEP_UPLOAD); kept: an async result kept
    origin        text NOT NULL CHECK (origin IN ('created', 'upload', 'kept')),
    -- kept results: the published tables the query read (schema.table), which queries on it still cite
    source_tables text[] NOT NULL DEFAULT '{}',
    -- kept results: the query
    query         text,
    created       timestamptz NOT NULL DEFAULT now(),
    updated       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_tables_owner ON archive.personal_tables (owner);

-- Per group; a user gets the largest of their groups' (account.StorageQuotas), else the configured default.
CREATE TABLE archive.group_quotas (
    group_id      bigint PRIMARY KEY REFERENCES archive.groups ON DELETE CASCADE,
    -- null: the default (archive.uws.user.quota-bytes)
    storage_bytes bigint CHECK (storage_bytes >= 0),
    -- null: the default (archive.usertables.max-tables)
    max_tables    integer CHECK (max_tables >= 0)
);

-- One definition of what a user stores, for quota checks, the account page and the operator view: their
-- jobs' files and kept results (a kept result's rows count as table_bytes, in a file until its table is made,
-- V29) and their personal tables.
CREATE VIEW archive.storage_usage AS
SELECT owner, sum(job_bytes)::bigint AS job_bytes, sum(personal_bytes)::bigint AS personal_bytes,
       sum(personal_tables)::integer AS personal_tables
  FROM (SELECT owner_id AS owner, result_bytes + upload_bytes + table_bytes AS job_bytes, 0 AS personal_bytes,
               0 AS personal_tables
          FROM archive.uws_job WHERE owner_id IS NOT NULL
        UNION ALL
        SELECT owner, 0, bytes, 1 FROM archive.personal_tables) u
 GROUP BY owner;

-- Visibility: the caller's login joins their authentication and groups (V4) as a setting of the transaction.
CREATE FUNCTION archive.caller_name() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('archive.caller_name', true), '')
$$;

-- Published objects (no owner) as before; personal ones for their owner, or as shared: PUBLIC for everyone,
-- PRIVATE for the members of their groups. Administrators get no override on personal objects (privacy:
-- they have the operator view of sizes and names). The published rule is V4's 4-argument function's written
-- out, not a call of it: the planner inlines SQL functions by parsing their bodies as the current user, and
-- the query roles that read TAP_SCHEMA may not use the schema archive (a call here would be refused there).
CREATE FUNCTION archive.visible(level text, object_groups text[], authenticated boolean, caller_groups text[],
                                owner text, caller text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN owner IS NULL
                THEN level = 'PUBLIC'
                     OR (level = 'INTERNAL' AND authenticated)
                     OR (authenticated AND 'admin' = ANY (caller_groups))
                     OR (level = 'PRIVATE' AND authenticated AND object_groups && caller_groups)
                ELSE (caller IS NOT NULL AND owner = caller) OR level = 'PUBLIC'
                     OR (level = 'PRIVATE' AND authenticated AND object_groups && caller_groups) END
$$;

-- The views of V4/V7 with the owner: same columns, the owner added last. A personal schema shows to its
-- owner and to whoever sees one of its tables (on the base tables: the views do not refer to each other
-- in a circle).
CREATE OR REPLACE VIEW archive.visible_schemas AS
SELECT s.* FROM archive.schemas s JOIN archive.schema_group_names sg ON sg.schema_id = s.id
 WHERE s.published
   AND (archive.visible(s.metadata_access, sg.groups, archive.caller_authenticated(), archive.caller_groups(),
                        s.owner, archive.caller_name())
        OR (s.owner IS NOT NULL
            AND EXISTS (SELECT FROM archive.tables t JOIN archive.table_group_names tg ON tg.table_id = t.id
                         WHERE t.schema_id = s.id AND t.published
                           AND archive.visible(t.metadata_access, tg.groups, archive.caller_authenticated(),
                                               archive.caller_groups(), t.owner, archive.caller_name()))));

CREATE OR REPLACE VIEW archive.visible_tables AS
SELECT t.* FROM archive.tables t JOIN archive.table_group_names tg ON tg.table_id = t.id
 WHERE t.published AND t.schema_id IN (SELECT id FROM archive.visible_schemas)
   AND archive.visible(t.metadata_access, tg.groups, archive.caller_authenticated(), archive.caller_groups(),
                       t.owner, archive.caller_name());

CREATE OR REPLACE VIEW archive.visible_columns AS
SELECT c.* FROM archive.columns c JOIN archive.column_group_names cg ON cg.column_id = c.id
 WHERE c.table_id IN (SELECT id FROM archive.visible_tables)
   AND archive.visible(c.metadata_access, cg.groups, archive.caller_authenticated(), archive.caller_groups(),
                       c.owner, archive.caller_name());

-- V26's function, now also for a schema described in the metadata as a user's (archive.personal_schema):
-- kept results and personal tables share the owner's schema.
CREATE OR REPLACE FUNCTION archive.kept_results_schema(schema_name text) RETURNS void
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
    IF EXISTS (SELECT FROM archive.schemas s WHERE s.name = schema_name AND s.owner IS NULL) THEN
        RAISE EXCEPTION 'the schema % is described in the metadata: it is not one of kept results', schema_name;
    END IF;
    SELECT n.nspowner INTO found_owner FROM pg_namespace n WHERE n.nspname = schema_name;
    IF found_owner IS NULL THEN
        EXECUTE format('CREATE SCHEMA %I', schema_name);
        EXECUTE format('COMMENT ON SCHEMA %I IS %L', schema_name,
            'A user''s tables: results of their async TAP jobs kept as tables (archive.kept_results) and '
            'personal tables (archive.personal_tables)');
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

-- A user's schema for personal tables: the database schema (as for kept results) and its archive.schemas
-- row (published, PRIVATE, the owner's), each made if missing. The row's schema name must be the one
-- tap.KeptSchemas gives the owner: the application checks that; here, that a row of that name is the
-- owner's.
CREATE FUNCTION archive.personal_schema(schema_name text, schema_owner text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    found_id bigint;
    found_owner text;
BEGIN
    PERFORM archive.kept_results_schema(schema_name); -- also locks the schema's name for this transaction
    SELECT s.id, s.owner INTO found_id, found_owner FROM archive.schemas s WHERE s.name = schema_name;
    IF found_id IS NULL THEN
        INSERT INTO archive.schemas (name, description, published, data_access, metadata_access, owner)
        VALUES (schema_name, 'Personal tables of ' || schema_owner, true, 'PRIVATE', 'PRIVATE', schema_owner)
        RETURNING id INTO found_id;
    ELSIF found_owner IS DISTINCT FROM schema_owner THEN
        RAISE EXCEPTION 'the schema % is %''s, not %''s', schema_name, found_owner, schema_owner;
    END IF;
    RETURN found_id;
END
$$;
REVOKE ALL ON FUNCTION archive.personal_schema(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION archive.personal_schema(text, text) TO ${app_role};

-- A personal schema with a public table: the anonymous callers' role may use it (names only, never revoked,
-- as V21 does for USAGE). SELECT on the tables is the application role's to grant: it owns them.
CREATE FUNCTION archive.personal_schema_public(schema_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM archive.schemas s WHERE s.name = schema_name AND s.owner IS NOT NULL) THEN
        RAISE EXCEPTION 'the schema % is not a user''s', schema_name;
    END IF;
    IF NOT has_schema_privilege('${query_public_role}', schema_name, 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, '${query_public_role}');
    END IF;
END
$$;
REVOKE ALL ON FUNCTION archive.personal_schema_public(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION archive.personal_schema_public(text) TO ${app_role};

-- V21/V22's grant triggers keep the query roles' privileges on published relations in step, under a global
-- advisory lock. Personal objects need none of it (the application role owns their tables and grants on
-- them itself): their rows are skipped, so that users' creates never queue behind an administrator's
-- publication. TRUNCATE (statement level) still syncs.
CREATE OR REPLACE FUNCTION archive.query_grants_follow_metadata() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reached text;
BEGIN
    IF TG_LEVEL = 'ROW' THEN
        IF TG_OP = 'DELETE' THEN
            IF OLD.owner IS NOT NULL THEN
                RETURN NULL;
            END IF;
        ELSIF NEW.owner IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.owner IS NOT NULL) THEN
            RETURN NULL;
        END IF;
    END IF;
    reached := (SELECT g.generation FROM archive.metadata_generation g)::text;
    IF current_setting('archive.query_grants_generation', true) IS DISTINCT FROM reached THEN
        PERFORM archive.sync_query_grants();
        PERFORM set_config('archive.query_grants_generation', reached, true);
    END IF;
    RETURN NULL;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON archive.personal_tables, archive.group_quotas TO ${app_role};
GRANT SELECT ON archive.storage_usage TO ${app_role};
