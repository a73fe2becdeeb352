-- OAI-PMH lists read the records on offer from archive.oai_offered (with their
-- datestamps) and the tombstones from archive.oai_deleted, in keyset order by
-- index, instead of computing the whole repository for every page. The two
-- tables are brought up to date (org.voarchive.oai.OaiRepository.reconcile)
-- only when the metadata or the datalinks have changed since the last time:
-- the datalinks get a change counter beside the metadata's (V12).
ALTER TABLE archive.metadata_generation ADD COLUMN datalink_generation bigint NOT NULL DEFAULT 0;

CREATE FUNCTION archive.next_datalink_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE archive.metadata_generation SET datalink_generation = datalink_generation + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER datalink_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.datalinks
    FOR EACH STATEMENT EXECUTE FUNCTION archive.next_datalink_generation();

-- the counters the records were last reconciled at; -1: never (the first request reconciles)
CREATE TABLE archive.oai_reconciled (
    only_row            boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    metadata_generation bigint NOT NULL,
    datalink_generation bigint NOT NULL
);
INSERT INTO archive.oai_reconciled VALUES (true, -1, -1);

-- datestamps in whole seconds (the repository's granularity); filled by the next reconciliation
ALTER TABLE archive.oai_offered ADD COLUMN stamp timestamptz NOT NULL DEFAULT 'epoch';
UPDATE archive.oai_deleted SET datestamp = date_trunc('second', datestamp);

-- the list order: IDs compared byte-wise, as Java's String comparison does for the resumption tokens
CREATE INDEX oai_offered_order ON archive.oai_offered (stamp, id COLLATE "C");
CREATE INDEX oai_deleted_order ON archive.oai_deleted (datestamp, id COLLATE "C");
-- objects with a DOI are found by their #doi row
CREATE INDEX datalinks_semantics ON archive.datalinks (semantics, object_id);
