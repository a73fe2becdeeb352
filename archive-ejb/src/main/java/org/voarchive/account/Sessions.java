package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.database.Transactions;
import org.voarchive.security.Secrets;

/**
 * The portal's sessions: started by the sign-in form once the password is right, ended by signing out, by
 * their fixed expiry ({@code archive.portal.session-hours} after the sign-in, however busy: a stolen cookie
 * does not live for ever), by a new password (deploy/user) or the user's deletion. A user keeps at most
 * {@code archive.portal.sessions-per-user}: a new sign-in ends the oldest beyond that, so signing in never
 * fails for having signed in elsewhere before. Checking a session's cookie is {@link SecretLogins#session}.
 */
@ApplicationScoped
public class Sessions {

    /** A session just started: its secret (the cookie's value, never stored) and when it ends. */
    public record Started(String secret, Instant expires) {
    }

    @Inject
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.portal.session-hours", defaultValue = "12")
    int hours;

    @Inject
    @ConfigProperty(name = "archive.portal.sessions-per-user", defaultValue = "10")
    int perUser;

    /** How long a session lasts from its sign-in. */
    public Duration lifetime() {
        return Duration.ofHours(Math.max(1, hours));
    }

    /**
     * Starts a session of a user whose password was just checked.
     *
     * @throws AccountRefusal 404 if the user was deleted meanwhile
     */
    public Started start(String user) throws SQLException {
        String secret = Secrets.fresh(Secrets.Kind.SESSION);
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                long userId = Owners.lock(c, user);
                try (PreparedStatement s = c.prepareStatement("""
                        DELETE FROM archive.sessions WHERE id IN (SELECT id FROM archive.sessions WHERE user_id = ?
                                                                   ORDER BY expires <= now(), created DESC, id DESC
                                                                   OFFSET ?)""")) {
                    s.setLong(1, userId);
                    s.setInt(2, Math.max(1, perUser) - 1); // room for the new one
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO archive.sessions (user_id, secret_hash, expires)
                        VALUES (?, ?, now() + ? * interval '1 second') RETURNING expires""")) {
                    s.setLong(1, userId);
                    s.setBytes(2, Secrets.hash(secret));
                    s.setLong(3, lifetime().toSeconds());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return new Started(secret, rs.getTimestamp("expires").toInstant());
                    }
                }
            });
        }
    }

    /** Ends the session of that secret (signing out); nothing happens for an unknown one. */
    public void end(String secret) throws SQLException {
        if (!Secrets.shaped(Secrets.Kind.SESSION, secret)) {
            return;
        }
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM archive.sessions WHERE secret_hash = ?")) {
            s.setBytes(1, Secrets.hash(secret));
            s.executeUpdate();
        }
    }
}
