-- An administrator may disable a user (the back office's user administration, account.UserAdministration):
-- a disabled user keeps name, groups and what they own, but no credential of theirs works (password,
-- personal token, session: security.Logins and account.SecretLogins read only users that are not disabled),
-- until an administrator enables them again. Disabling also deletes their sessions.
ALTER TABLE archive.users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
