package org.voarchive.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;

/**
 * The one check of a caller's user name and password (HTTP Basic, the
 * portal's sign-in form) against the archive's users. Its {@link Outcome} is
 * also the answer of the other credentials a user holds (a personal token, a
 * session: see the package {@code account}), so that every way a request
 * becomes a {@link Caller} answers alike. Unknown users cost what known ones
 * cost ({@link PasswordHashes#verify}); a success is remembered briefly
 * ({@link VerifiedLogins}); failures are counted per user name and per client
 * address, and a key with too many is refused for a while before any hashing
 * ({@link LoginThrottle}). Each key's default is written at its injection
 * point, the one place it is read.
 */
@ApplicationScoped
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class.getName());
    /** Longer passwords are refused unread: no user has one (deploy/user reads one line), and hashing costs. */
    static final int MAX_PASSWORD_CHARS = 1024;

    /** The answer to a login, with a password, a personal token or a session. */
    public sealed interface Outcome {
    }

    /** The credentials are right: this is the caller. */
    public record Valid(Caller caller) implements Outcome {
    }

    /** Wrong user name or password (or an unknown, expired or revoked token or session). */
    public record Invalid() implements Outcome {
    }

    /** Too many failures for this user name or client address: try again after the seconds given. */
    public record Throttled(long retryAfterSeconds) implements Outcome {
    }

    @Inject
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.auth.cache-seconds", defaultValue = "60")
    int cacheSeconds;

    @Inject
    LoginThrottle throttle;

    private VerifiedLogins verified;

    @PostConstruct
    void start() {
        verified = new VerifiedLogins(Duration.ofSeconds(Math.max(0, cacheSeconds)), Clock.systemUTC());
    }

    /**
     * @param address the client's address, for the per-address limit
     * @throws SQLException if the users cannot be read (a server error, not a refusal)
     */
    public Outcome login(String user, char[] password, String address) throws SQLException {
        OptionalLong blocked = throttle.blockedSeconds(user, address);
        if (blocked.isPresent()) {
            return new Throttled(blocked.getAsLong());
        }
        boolean plausible = Users.NAME.matcher(user).matches() && password.length <= MAX_PASSWORD_CHARS;
        String stored = null;
        Caller caller = null;
        if (plausible) {
            // read before hashing: no pooled connection is held for the quarter second PBKDF2 takes
            try (Connection c = dataSources.app().getConnection()) {
                stored = storedHash(c, user);
                caller = stored == null ? null : Caller.of(c, user);
            }
        }
        // an implausible name has no hash: verified against the dummy hash like an unknown user
        boolean right = verified.verified(user, password, stored)
            || PasswordHashes.verify(stored, plausible ? password : new char[0]);
        if (!right) {
            throttle.failed(user, address);
            LOG.log(Level.INFO, "failed login for {0} from {1}",
                new Object[] {loggable(user), address});
            return new Invalid();
        }
        verified.remember(user, password, stored);
        return new Valid(caller);
    }

    /** A user name as the log may show it: what no user can be called is not echoed. */
    public static String loggable(String user) {
        return Users.NAME.matcher(user).matches() ? user : "(not a user name)";
    }

    /** A disabled or pending user has no password that works: as if unknown (V27). */
    private static String storedHash(Connection c, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT password_hash FROM archive.users WHERE name = ? AND NOT disabled AND NOT pending")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString("password_hash") : null;
            }
        }
    }
}
