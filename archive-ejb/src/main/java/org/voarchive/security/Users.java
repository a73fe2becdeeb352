package org.voarchive.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.database.Transactions;

/**
 * Creates or updates a user with a new password and exactly the given groups (created if new). A new
 * password ends the user's sessions (the portal's sign-ins were made with the old one); personal tokens stay
 * until they expire or their owner revokes them.
 */
public final class Users {

    private Users() {
    }

    public static void put(Connection c, String name, char[] password, List<String> groups) throws SQLException {
        if (Secrets.shaped(Secrets.Kind.TOKEN, password)) {
            // HTTP Basic takes a password of this shape for a personal token, so it could never log in
            throw new IllegalArgumentException("a password may not look like a personal token ("
                + Secrets.Kind.TOKEN.prefix() + "...)");
        }
        Transactions.inTransaction(c, () -> {
            long userId;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO archive.users (name, password_hash) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated = now()
                    RETURNING id""")) {
                s.setString(1, name);
                s.setString(2, PasswordHashes.hash(password));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    userId = rs.getLong("id");
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.sessions WHERE user_id = ?")) {
                s.setLong(1, userId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.user_groups WHERE user_id = ?")) {
                s.setLong(1, userId);
                s.executeUpdate();
            }
            for (String group : groups) {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO archive.groups (name) VALUES (?) ON CONFLICT (name) DO NOTHING""")) {
                    s.setString(1, group);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO archive.user_groups (user_id, group_id) SELECT ?, id FROM archive.groups WHERE name = ?""")) {
                    s.setLong(1, userId);
                    s.setString(2, group);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }
}
