-- The archive's stored Datalink rows (DataLink 1.1 section 3.2): links of
-- archive objects (plates, previews, logbooks ...) and links the operators add
-- to schemas and tables; DOIs are rows with the local #doi semantics. Loaded
-- and replaced by org.voarchive.datalink.DatalinkLoader (admin API, deploy/datalink).
-- Rows generated from the metadata (DOIs, landing pages, related identifiers of
-- schemas and tables) are computed on request and never stored.
CREATE TABLE archive.datalinks (
    id                bigserial PRIMARY KEY,
    object_id         text NOT NULL,
    access_url        text,
    service_def       text,
    error_message     text,
    semantics         text NOT NULL,
    description       text,
    content_type      text,
    content_length    bigint CHECK (content_length >= 0),
    content_qualifier text,
    local_semantics   text,
    -- the published table ("schema.table") whose metadata access rules the row follows; NULL: anyone
    table_name        text,
    updated           timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(access_url, service_def, error_message) = 1)
);
-- {links} reads an object's rows in load order
CREATE INDEX datalinks_object ON archive.datalinks (object_id, id);

-- the visibility views list the columns their tables had when they were made (V4): add the later ones
-- (credits, V8 and V10), which the published metadata now reads for related identifiers
CREATE OR REPLACE VIEW archive.visible_schemas AS
SELECT s.* FROM archive.schemas s JOIN archive.schema_group_names sg ON sg.schema_id = s.id
 WHERE s.published
   AND archive.visible(s.metadata_access, sg.groups, archive.caller_authenticated(), archive.caller_groups());

CREATE OR REPLACE VIEW archive.visible_tables AS
SELECT t.* FROM archive.tables t JOIN archive.table_group_names tg ON tg.table_id = t.id
 WHERE t.published AND t.schema_id IN (SELECT id FROM archive.visible_schemas)
   AND archive.visible(t.metadata_access, tg.groups, archive.caller_authenticated(), archive.caller_groups());

