/**
 * Users and their passwords: PBKDF2 hashes, the one check of a login (with a short memory of successes
 * and limits on failures per user and client address), and the command behind deploy/user.
 */
package org.voarchive.security;
