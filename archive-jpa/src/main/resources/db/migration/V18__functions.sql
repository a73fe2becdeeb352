-- ADQL user-defined functions the operators add (TAPRegExt features-udf),
-- beside the standard ones in code (org.voarchive.adql.StandardFunctions):
-- the TAPRegExt form, the documentation, and the PostgreSQL they become (a
-- template with {1}, {2} ... for the arguments, or a database function of the
-- same name). Published ones are accepted in queries and listed in
-- /tap/capabilities. Part of the metadata: changes move its generation on.
CREATE TABLE archive.functions (
    id           bigserial PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    form         text NOT NULL,
    sql_template text,
    description  text NOT NULL,
    published    boolean NOT NULL DEFAULT true,
    created      timestamptz NOT NULL DEFAULT now(),
    updated      timestamptz NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 0
);

CREATE TRIGGER metadata_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.functions
    FOR EACH STATEMENT EXECUTE FUNCTION archive.next_metadata_generation();
