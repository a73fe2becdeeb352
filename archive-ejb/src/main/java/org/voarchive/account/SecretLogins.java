package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;
import org.voarchive.security.LoginThrottle;
import org.voarchive.security.Logins;
import org.voarchive.security.Secrets;

/**
 * Logins with a secret a user holds: a personal token (Bearer, or the HTTP Basic password under its owner's
 * name) or a session cookie. The answer is a password login's ({@link Logins.Outcome}): the secret's row must
 * exist (not revoked, not signed out) and not have expired, and a token given under a user name must be that
 * user's. Failures count against the same limits as wrong passwords ({@link LoginThrottle}: the name given, if
 * any, and the client address), and a blocked name or address is refused before the lookup. The lookup is one
 * index probe on the secret's hash; "last used" is written at most once a minute per secret.
 */
@ApplicationScoped
public class SecretLogins {

    private static final Logger LOG = Logger.getLogger(SecretLogins.class.getName());

    /** Where each kind of secret is stored (constants: no caller's text reaches the SQL). */
    private enum Store {
        SESSION(Secrets.Kind.SESSION, "archive.sessions"),
        TOKEN(Secrets.Kind.TOKEN, "archive.personal_tokens");

        final Secrets.Kind kind;
        final String table;

        Store(Secrets.Kind kind, String table) {
            this.kind = kind;
            this.table = table;
        }
    }

    @Inject
    DataSources dataSources;

    @Inject
    LoginThrottle throttle;

    /**
     * @param user    the user name given with the token (HTTP Basic), or null (Bearer)
     * @param address the client's address
     */
    public Logins.Outcome token(String user, String secret, String address) throws SQLException {
        return login(Store.TOKEN, user, secret, address);
    }

    public Logins.Outcome session(String secret, String address) throws SQLException {
        return login(Store.SESSION, null, secret, address);
    }

    private Logins.Outcome login(Store store, String user, String secret, String address) throws SQLException {
        OptionalLong blocked = throttle.blockedSeconds(user, address);
        if (blocked.isPresent()) {
            return new Logins.Throttled(blocked.getAsLong());
        }
        if (Secrets.shaped(store.kind, secret)) {
            try (Connection c = dataSources.app().getConnection()) {
                Long id = null;
                String owner = null;
                boolean stale = false;
                // whether "last used" is due is read with the row, so a request within the minute writes nothing
                try (PreparedStatement s = c.prepareStatement("SELECT t.id, u.name,"
                        + " t.last_used IS NULL OR t.last_used < now() - interval '1 minute' AS stale FROM " + store.table
                        + " t JOIN archive.users u ON u.id = t.user_id"
                        // a disabled or pending user's tokens and sessions work no more than their password (V27)
                        + " WHERE t.secret_hash = ? AND t.expires > now() AND NOT u.disabled AND NOT u.pending")) {
                    s.setBytes(1, Secrets.hash(secret));
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong("id");
                            owner = rs.getString("name");
                            stale = rs.getBoolean("stale");
                        }
                    }
                }
                if (id != null && (user == null || user.equals(owner))) {
                    if (stale) {
                        try (PreparedStatement s = c.prepareStatement("UPDATE " + store.table + " SET last_used = now()"
                                + " WHERE id = ? AND (last_used IS NULL OR last_used < now() - interval '1 minute')")) {
                            s.setLong(1, id);
                            s.executeUpdate();
                        }
                    }
                    return new Logins.Valid(Caller.of(c, owner));
                }
            }
        }
        throttle.failed(user, address);
        // never the secret itself, nor whose it was: only what was tried and from where
        LOG.log(Level.INFO, "failed {0} login{1} from {2}", new Object[] {store.name().toLowerCase(java.util.Locale.ROOT),
            user == null ? "" : " for " + Logins.loggable(user), address});
        return new Logins.Invalid();
    }
}
