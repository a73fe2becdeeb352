package org.voarchive.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.voarchive.database.Transactions;

/**
 * Writes users: their password hash and their groups. {@link #put} (deploy/user) creates or updates a user with a
 * new password and exactly the given groups (created if new); the back office's user administration
 * (account.UserAdministration) uses the same parts one by one. A new password ends the user's sessions (the
 * portal's sign-ins were made with the old one); personal tokens stay until they expire or are revoked.
 */
public final class Users {

    /** What archive.users allows as a name (V3); anything else cannot be a user. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /** What archive.groups allows as a name (V3). */
    public static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Users() {
    }

    public static void put(Connection c, String name, char[] password, List<String> groups) throws SQLException {
        String hash = hash(password);
        Transactions.inTransaction(c, () -> {
            long userId;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO archive.users (name, password_hash) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated = now()
                    RETURNING id""")) {
                s.setString(1, name);
                s.setString(2, hash);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    userId = rs.getLong("id");
                }
            }
            endSessions(c, userId);
            setGroups(c, userId, groups);
            return null;
        });
    }

    /**
     * The hash to store for a new password.
     *
     * @throws IllegalArgumentException for a password that could never sign in (too short, or shaped like a token)
     */
    public static String hash(char[] password) {
        if (Secrets.shaped(Secrets.Kind.TOKEN, password)) {
            // HTTP Basic takes a password of this shape for a personal token, so it could never log in
            throw new IllegalArgumentException("a password may not look like a personal token ("
                + Secrets.Kind.TOKEN.prefix() + "...)");
        }
        if (password.length > Logins.MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("a password has at most " + Logins.MAX_PASSWORD_CHARS + " characters");
        }
        return PasswordHashes.hash(password);
    }

    /** Ends every session of the user (a new password, a disabled user, an administrator's revocation). */
    public static int endSessions(Connection c, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.sessions WHERE user_id = ?")) {
            s.setLong(1, userId);
            return s.executeUpdate();
        }
    }

    /** Gives the user exactly these groups, creating those that do not exist yet (in the caller's transaction). */
    public static void setGroups(Connection c, long userId, List<String> groups) throws SQLException {
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
                    INSERT INTO archive.user_groups (user_id, group_id) SELECT ?, id FROM archive.groups WHERE name = ?
                    ON CONFLICT DO NOTHING""")) {
                s.setLong(1, userId);
                s.setString(2, group);
                s.executeUpdate();
            }
        }
    }
}
