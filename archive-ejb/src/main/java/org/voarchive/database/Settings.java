package org.voarchive.database;

import java.util.Properties;
import java.sql.SQLException;
import java.sql.DriverManager;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

/**
 * Database settings for the command-line tools, read from the environment with
 * the names MicroProfile Config maps {@code archive.db.*} to inside the server
 * ({@code archive.db.owner.user} is {@code ARCHIVE_DB_OWNER_USER}), so one
 * environment file configures both.
 */
public record Settings(String url, String ownerUser, String ownerPassword, String appUser, String queryUser) {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/archive";

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
            get(env, "ARCHIVE_DB_URL").orElse(DEFAULT_URL),
            get(env, "ARCHIVE_DB_OWNER_USER").orElse("archive_owner"),
            get(env, "ARCHIVE_DB_OWNER_PASSWORD").orElse(""),
            get(env, "ARCHIVE_DB_APP_USER").orElse("archive_app"),
            get(env, "ARCHIVE_DB_QUERY_USER").orElse("archive_query"));
    }

    /** A connection on the owner role, for the command-line tools. */
    public Connection ownerConnection(String applicationName) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", ownerUser);
        login.setProperty("password", ownerPassword);
        login.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url, login);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Settings[url=" + url + ", ownerUser=" + ownerUser + ", appUser=" + appUser + ", queryUser=" + queryUser + "]";
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
