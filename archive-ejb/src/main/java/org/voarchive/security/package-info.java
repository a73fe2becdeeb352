/**
 * Users and their passwords: PBKDF2 hashes, the one check of a password (with a short memory of successes),
 * the one limit on failed logins of any kind per user and client address, the secrets of sessions and
 * personal tokens (their shapes and hashes; the package {@code account} stores them), and the command behind
 * deploy/user.
 */
package org.voarchive.security;
