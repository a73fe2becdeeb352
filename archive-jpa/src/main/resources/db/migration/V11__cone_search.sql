-- Tables offered as a Simple Cone Search: the ID, RA and Dec columns, the extra
-- columns of VERB=1 and VERB=2, maxSR (NULL: none), maxRecords (NULL: TAP's
-- default MAXREC) and a test query, as the admin API checked them
-- (org.voarchive.metadata.ConeSearchSettings). A table without a row here has
-- no cone search. Changes move the table's version on (archive.tables.version).
CREATE TABLE archive.cone_searches (
    table_id     bigint PRIMARY KEY REFERENCES archive.tables (id) ON DELETE CASCADE,
    id_column    text NOT NULL,
    ra_column    text NOT NULL,
    dec_column   text NOT NULL,
    verb1        text[] NOT NULL DEFAULT '{}',
    verb2        text[] NOT NULL DEFAULT '{}',
    max_sr       double precision CHECK (max_sr > 0 AND max_sr <= 180),
    max_records  bigint CHECK (max_records >= 1),
    test_ra      double precision,
    test_dec     double precision,
    test_sr      double precision,
    CHECK ((test_ra IS NULL) = (test_dec IS NULL) AND (test_ra IS NULL) = (test_sr IS NULL))
);
