-- The archive's own schema ("archive"): Flyway creates it, owned by the owner
-- role that runs the migrations. The application role reads and writes the
-- tables later migrations add here; the read-only query role gets nothing in
-- it (user queries only see published science schemas and TAP_SCHEMA).
GRANT USAGE ON SCHEMA archive TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA archive
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA archive
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app_role};
REVOKE ALL ON SCHEMA archive FROM PUBLIC;
