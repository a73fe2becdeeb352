package org.voarchive.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is asking, for the access levels: PUBLIC objects are for everyone,
 * INTERNAL ones for any authenticated caller, PRIVATE ones for members of the
 * object's groups (and administrators); personal tables (V30) for their owner
 * and as they are shared (no administrator override).
 */
public record Caller(String name, Set<String> groups) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean authenticated() {
        return name != null;
    }

    public boolean admin() {
        return groups.contains("admin");
    }

    /** An authenticated user with the groups the database gives them. */
    public static Caller of(Connection c, String name) throws SQLException {
        Set<String> groups = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT g.name FROM archive.groups g JOIN archive.user_groups ug ON ug.group_id = g.id
                  JOIN archive.users u ON u.id = ug.user_id WHERE u.name = ?""")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.add(rs.getString("name"));
                }
            }
        }
        return new Caller(name, groups);
    }

    /**
     * The transaction-local settings that make the TAP_SCHEMA views show what this caller may see (they
     * show PUBLIC objects when nothing is set).
     */
    public Map<String, String> settings() {
        // the login shows the caller's own personal tables (V30's archive.caller_name)
        return Map.of("archive.caller_authenticated", authenticated() ? "true" : "false",
            "archive.caller_groups", String.join(",", groups), "archive.caller_name", name == null ? "" : name);
    }

    /** Makes the TAP_SCHEMA views show what this caller may see, for the current transaction only ({@link #settings}). */
    public void applyTo(Connection c) throws SQLException {
        Map<String, String> settings = settings();
        try (PreparedStatement s = c.prepareStatement("SELECT "
                + String.join(", ", java.util.Collections.nCopies(settings.size(), "set_config(?, ?, true)")))) {
            int i = 0;
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                s.setString(++i, setting.getKey());
                s.setString(++i, setting.getValue());
            }
            s.execute();
        }
    }
}
