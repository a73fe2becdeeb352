-- OAI-PMH deleted records (persistent, OAI-PMH 2.0 section 2.5.1): the records
-- harvesters were last offered, and a tombstone for each that has gone since
-- (its DOI removed, its table unpublished or made non-public, its datalinks
-- deleted), with the time it went. A record that comes back loses its tombstone.
-- Kept up to date by org.voarchive.oai.OaiRepository.reconcile.
CREATE TABLE archive.oai_offered (
    id        text PRIMARY KEY,
    set_spec  text NOT NULL
);

CREATE TABLE archive.oai_deleted (
    id        text PRIMARY KEY,
    set_spec  text NOT NULL,
    datestamp timestamptz NOT NULL
);
