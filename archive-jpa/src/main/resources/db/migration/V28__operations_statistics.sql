-- Figures for the back office's operations page: usage statistics, and when OAI-PMH was last reconciled.
--
-- Usage statistics for the back office's operations page (usage.UsageStatistics): how many TAP queries (sync,
-- async), cone searches and downloads (job results, datalink files) each day, per published table the request
-- read and per masked client network. Counters aggregated per day with one upsert per request, not one row
-- per request: the table grows with days x tables x networks, not with traffic. Rows older than
-- archive.usage.retention-days are deleted by a maintenance task.
--
-- client_network is never a full address: an IPv4 address is kept as its /24, an IPv6 one as its /48
-- (usage.MaskedNetwork says why); '' when the request had no address (an async job of a signed-in user).
-- table_name is the published table (schema.table) a request read, '' for a request that read none (an
-- upload only, a download of a result that names no table).
CREATE TABLE archive.usage_daily (
    day            date NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('TAP_SYNC', 'TAP_ASYNC', 'CONE_SEARCH', 'RESULT_DOWNLOAD', 'FILE_DOWNLOAD')),
    table_name     text NOT NULL,
    client_network text NOT NULL,
    requests       bigint NOT NULL CHECK (requests > 0),
    PRIMARY KEY (day, kind, table_name, client_network)
);

-- When the OAI-PMH records were last reconciled (doi.DoiHarvestIndex), for the operations page; null: not since
-- this column exists (the generations beside it say what was reconciled, not when).
ALTER TABLE archive.oai_reconciled ADD COLUMN reconciled_at timestamptz;
