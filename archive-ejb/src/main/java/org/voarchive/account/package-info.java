/**
 * What a user holds besides the password, for the portal and the VO clients: sessions (a browser signed in
 * with the password, held in a cookie) and personal API tokens (named, expiring, for pyvo, TOPCAT and scripts;
 * a Bearer token or the HTTP Basic password). Both are rows of PostgreSQL (V25) holding only the hash of their
 * secret, so any node behind a load balancer knows them; this package creates, lists, checks and ends them,
 * bounds how many a user has and prunes the expired ones; and lists the users with their groups, sessions and
 * tokens for administrators (UserDirectory) and makes the changes they decide (UserAdministration: create, groups,
 * disable, reset a password, revoke, approve a signed-up account). The secrets' shape and hash, and the limit on
 * failed logins that token and session guesses count against, are the package {@code security}'s.
 */
package org.voarchive.account;
