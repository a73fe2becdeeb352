-- Foreign keys an operator declares through the admin API (between tables the
-- database does not link, e.g. views, or across schemas), beside those that
-- discovery reads from the PostgreSQL catalogue. Discovery replaces only its
-- own; a curated key, or a discovered key an operator has edited, stays.
ALTER TABLE archive.foreign_keys ADD COLUMN curated boolean NOT NULL DEFAULT false;
