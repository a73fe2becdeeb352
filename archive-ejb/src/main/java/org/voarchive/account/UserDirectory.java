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
 * and personal tokens. Read only; users are made and changed by deploy/user (security.Users).
 */
@ApplicationScoped
public class UserDirectory {

    /** A user: never a password hash or a secret. */
    public record User(String name, List<String> groups, Instant created, int sessions, int tokens) {
    }

    /** A group with its description (if any) and how many users are in it. */
    public record Group(String name, String description, int members) {
    }

    @Inject
    DataSources dataSources;

    /** Every user, by name. */
    public List<User> users() throws SQLException {
        List<User> users = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT u.name, u.created,
                       ARRAY(SELECT g.name FROM archive.user_groups ug JOIN archive.groups g ON g.id = ug.group_id
                              WHERE ug.user_id = u.id ORDER BY g.name) AS groups,
                       (SELECT count(*) FROM archive.sessions s WHERE s.user_id = u.id AND s.expires > now()) AS sessions,
                       (SELECT count(*) FROM archive.personal_tokens t WHERE t.user_id = u.id AND t.expires > now())
                         AS tokens
                  FROM archive.users u ORDER BY u.name""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                users.add(new User(rs.getString("name"), List.of((String[]) rs.getArray("groups").getArray()),
                    rs.getTimestamp("created").toInstant(), rs.getInt("sessions"), rs.getInt("tokens")));
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
