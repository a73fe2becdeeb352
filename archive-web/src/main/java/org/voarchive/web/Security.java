package org.voarchive.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * HTTP Basic (what pyvo, TOPCAT and curl send) against the users in the
 * archive's database. Hashes are PBKDF2 in the format and with the parameters
 * of org.voarchive.security.PasswordHashes; group "admin" is role "admin"
 * (WEB-INF/glassfish-web.xml), which /admin/* requires (WEB-INF/web.xml).
 * Anonymous requests stay anonymous: only protected paths ask for credentials.
 */
@BasicAuthenticationMechanismDefinition(realmName = "VO Archive")
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/archive-app",
    callerQuery = "SELECT password_hash FROM archive.users WHERE name = ?",
    groupsQuery = "SELECT g.name FROM archive.groups g JOIN archive.user_groups ug ON ug.group_id = g.id"
        + " JOIN archive.users u ON u.id = ug.user_id WHERE u.name = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
        "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations=210000",
        "Pbkdf2PasswordHash.SaltSizeBytes=32",
        "Pbkdf2PasswordHash.KeySizeBytes=64"})
@DeclareRoles({"admin"})
@ApplicationScoped
public class Security {
}
