-- A user's own credentials besides the password: the portal's sessions (a browser signed in with the
-- password through the sign-in form, carried in a cookie) and personal API tokens (named, with an expiry,
-- for pyvo, TOPCAT and scripts: a Bearer token or the HTTP Basic password). Both live here, not in a
-- server's memory, so that every node behind a load balancer knows them and a restart ends none.
-- Each is stored only as the SHA-256 hash of its secret (32 random bytes that the caller alone holds; the
-- secret is shown once): a copy of this table lets no one sign in. A user's deletion removes them.
-- The application (account.Sessions, account.PersonalTokens) bounds how many a user has, and a timer
-- (account.ExpiredCredentials) deletes the expired ones; lookups never accept an expired row meanwhile.
CREATE TABLE archive.sessions (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES archive.users (id) ON DELETE CASCADE,
    secret_hash bytea NOT NULL UNIQUE CHECK (octet_length(secret_hash) = 32),
    created     timestamptz NOT NULL DEFAULT now(),
    expires     timestamptz NOT NULL,
    last_used   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sessions_user ON archive.sessions (user_id);
CREATE INDEX sessions_expires ON archive.sessions (expires);

CREATE TABLE archive.personal_tokens (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES archive.users (id) ON DELETE CASCADE,
    -- what its owner calls it ("laptop", "topcat"): one line of at most 64 characters, unique per user
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 64 AND name = btrim(name)
                                     AND name !~ '[[:cntrl:]]'),
    secret_hash bytea NOT NULL UNIQUE CHECK (octet_length(secret_hash) = 32),
    created     timestamptz NOT NULL DEFAULT now(),
    expires     timestamptz NOT NULL,
    last_used   timestamptz,
    UNIQUE (user_id, name)
);

CREATE INDEX personal_tokens_expires ON archive.personal_tokens (expires);
