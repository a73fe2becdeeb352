-- A counter that moves on with every change to the metadata (in the changing
-- transaction, so it commits with it), so the application can keep the
-- published metadata it has read until the counter says otherwise: one cheap
-- read per request instead of the whole metadata (org.voarchive.metadata.PublishedMetadataCache).
CREATE TABLE archive.metadata_generation (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint NOT NULL
);
INSERT INTO archive.metadata_generation (generation) VALUES (0);

CREATE FUNCTION archive.next_metadata_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE archive.metadata_generation SET generation = generation + 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['schemas', 'tables', 'columns', 'foreign_keys', 'foreign_key_columns', 'groups',
                             'schema_groups', 'table_groups', 'column_groups', 'cone_searches'] LOOP
        EXECUTE format('CREATE TRIGGER metadata_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.%I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION archive.next_metadata_generation()', t);
    END LOOP;
END
$$;
