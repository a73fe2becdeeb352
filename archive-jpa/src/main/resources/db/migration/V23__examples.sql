-- DALI examples of the TAP service (/tap/examples, DALI 1.1 section 2.3): queries the
-- operators curate, each checked by the ADQL checker against the published metadata
-- when it is stored, so that the page never shows a query the service refuses.
-- name is the example's HTML id (and RDFa resource "#name"), hence an XML Name.
-- tables: the tables the query reads, one qualified name a line (DALI/TAP property
-- "table"); upload: for a query on TAP_UPLOAD, the uploaded table it expects,
-- "name(column type, ...)" with VOTable datatypes, which the check uses in place
-- of a real upload.
-- Part of the metadata: changes move its generation on, like archive.functions.
CREATE TABLE archive.examples (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z][A-Za-z0-9_-]{0,62}$'),
    title       text NOT NULL,
    description text NOT NULL,
    query       text NOT NULL,
    tables      text NOT NULL DEFAULT '',
    upload      text,
    position    integer NOT NULL DEFAULT 0,
    created     timestamptz NOT NULL DEFAULT now(),
    updated     timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 0
);

CREATE TRIGGER metadata_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.examples
    FOR EACH STATEMENT EXECUTE FUNCTION archive.next_metadata_generation();
