-- Who may do what: users with PBKDF2 password hashes (the Jakarta Security
-- Pbkdf2PasswordHash format, verified by the server's database identity store),
-- groups, and which groups may see PRIVATE schemas and tables. The group
-- "admin" holds the archive's administrators.

CREATE TABLE archive.users (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9_.@-]{1,64}$'),
    password_hash text NOT NULL,
    created       timestamptz NOT NULL DEFAULT now(),
    updated       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE archive.groups (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
    description   text
);

CREATE TABLE archive.user_groups (
    user_id       bigint NOT NULL REFERENCES archive.users (id) ON DELETE CASCADE,
    group_id      bigint NOT NULL REFERENCES archive.groups (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
);

CREATE TABLE archive.schema_groups (
    schema_id     bigint NOT NULL REFERENCES archive.schemas (id) ON DELETE CASCADE,
    group_id      bigint NOT NULL REFERENCES archive.groups (id) ON DELETE CASCADE,
    PRIMARY KEY (schema_id, group_id)
);

CREATE TABLE archive.table_groups (
    table_id      bigint NOT NULL REFERENCES archive.tables (id) ON DELETE CASCADE,
    group_id      bigint NOT NULL REFERENCES archive.groups (id) ON DELETE CASCADE,
    PRIMARY KEY (table_id, group_id)
);

INSERT INTO archive.groups (name, description) VALUES ('admin', 'Administrators of the archive (admin API)');
