-- Schemas carry credits as tables do (V8): creators, contributors, related identifiers.
ALTER TABLE archive.schemas
    ADD COLUMN credits jsonb NOT NULL DEFAULT '{"creators": [], "contributors": [], "relatedIdentifiers": []}';
