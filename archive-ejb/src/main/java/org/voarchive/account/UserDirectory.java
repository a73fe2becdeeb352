package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.database.DataSources;

/**
 * The archive's users and groups as administrators see them (the back office's user administration, which
 * only administrators may open): who has an account, in which groups, since when, with how many live sessions
 * and personal tokens, whether disabled or waiting for approval. Users are changed by deploy/user (security.Users) and by administrators
 * ({@link UserAdministration}).
 */
@ApplicationScoped
public class UserDirectory {

    /** A user: never a password hash or a secret. */
    public record User(String name, List<String> groups, Instant created, boolean disabled, boolean pending, int sessions,
            int tokens) {
    }

    /** A group with its description (if any) and how many users are in it. */
    public record Group(String name, String description, int members) {
    }

    @Inject
    DataSources dataSources;

    /** Every user, by name. */
    public List<User> users() throws SQLException {
        return users(null);
    }

    /**
     * One user.
     *
     * @throws AccountRefusal 404 if there is no such user
     */
    public User user(String name) throws SQLException {
        return users(name).stream().findFirst()
            .orElseThrow(() -> new AccountRefusal(404, "there is no user " + name + " (any more)"));
    }

    /** Every user, or the one of that name. */
    private List<User> users(String name) throws SQLException {
        List<User> users = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT u.name, u.created, u.disabled, u.pending,
                       ARRAY(SELECT g.name FROM archive.user_groups ug JOIN archive.groups g ON g.id = ug.group_id
                              WHERE ug.user_id = u.id ORDER BY g.name) AS groups,
                       (SELECT count(*) FROM archive.sessions s WHERE s.user_id = u.id AND s.expires > now()) AS sessions,
                       (SELECT count(*) FROM archive.personal_tokens t WHERE t.user_id = u.id AND t.expires > now())
                         AS tokens
                  FROM archive.users u WHERE ?::text IS NULL OR u.name = ? ORDER BY u.name""")) {
            s.setString(1, name);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    users.add(new User(rs.getString("name"), List.of((String[]) rs.getArray("groups").getArray()),
                        rs.getTimestamp("created").toInstant(), rs.getBoolean("disabled"), rs.getBoolean("pending"),
                        rs.getInt("sessions"),
                        rs.getInt("tokens")));
                }
            }
        }
        return users;
    }

    /** Every group, by name. */
    public List<Group> groups() throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT g.name, g.description,
                       (SELECT count(*) FROM archive.user_groups ug WHERE ug.group_id = g.id) AS members
                  FROM archive.groups g ORDER BY g.name""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                groups.add(new Group(rs.getString("name"), rs.getString("description"), rs.getInt("members")));
            }
        }
        return groups;
    }
}
