-- Limits on jobs (UWS): the bytes of the inline uploads stored with a job count in its owner's quota with its
-- results; an anonymous job records the client network it came from, because anonymous callers are limited
-- per network (IPv4 address, IPv6 /64); a PENDING job is destroyed sooner than it asked, so the destruction
-- time it asked for is kept, to be given back when it runs.
ALTER TABLE archive.uws_job
    ADD COLUMN upload_bytes bigint NOT NULL DEFAULT 0 CHECK (upload_bytes >= 0),
    ADD COLUMN client_network text,
    ADD COLUMN requested_destruction timestamptz;
CREATE INDEX uws_job_pending ON archive.uws_job (owner_id, client_network) WHERE phase = 'PENDING';
