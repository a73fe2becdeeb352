package org.voarchive.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The owner of sessions and tokens, as a locked row: what bounds a user's count under concurrent requests. */
final class Owners {

    private Owners() {
    }

    /**
     * Locks the user's row for the current transaction (another node's request for the same user waits), so
     * that counting and adding a session or token cannot race past the limit.
     *
     * @return the user's id
     * @throws AccountRefusal 404 if there is no such user (deleted since the request was authenticated)
     */
    static long lock(Connection c, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM archive.users WHERE name = ? FOR UPDATE")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AccountRefusal(404, "there is no user " + user + " (any more)");
                }
                return rs.getLong("id");
            }
        }
    }
}
