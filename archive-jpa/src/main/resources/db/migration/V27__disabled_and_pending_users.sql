-- What administrators decide about users (the back office's user administration, account.UserAdministration):
-- a disabled user keeps name, groups and what they own, but no credential of theirs works (password, personal
-- token, session) until an administrator enables them again; disabling also deletes their sessions. A pending
-- user signed themselves up (where the site allows it, archive.account.sign-up) and waits for an
-- administrator's approval, without any working credential meanwhile; refusing deletes them.
-- security.Logins and account.SecretLogins read only users that are neither.
ALTER TABLE archive.users
    ADD COLUMN disabled boolean NOT NULL DEFAULT false,
    ADD COLUMN pending boolean NOT NULL DEFAULT false;
