package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.database.Transactions;
import org.voarchive.security.Secrets;

/**
 * A user's personal API tokens: created with a name and a lifetime in days (at most
 * {@code archive.account.tokens.max-days}), at most {@code archive.account.tokens.max-per-user} at a time,
 * listed without their secrets (only the creation's answer holds one; the database keeps its hash), revoked
 * by their owner. A token acts as its owner, with the owner's groups as they are at each request. Checking
 * one is {@link SecretLogins#token}.
 */
@ApplicationScoped
public class PersonalTokens {

    /** What a token's name may be: one line of visible text, like the database's check (V25). */
    static final int MAX_NAME_CHARS = 64;

    /** A token as its owner sees it in the list. */
    public record Token(long id, String name, Instant created, Instant expires, Instant lastUsed) {
    }

    /** A token just created, with its secret: the only time the secret is shown. */
    public record Created(Token token, String secret) {
    }

    @Inject
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.account.tokens.max-per-user", defaultValue = "50")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "archive.account.tokens.max-days", defaultValue = "365")
    int maxDays;

    public int maxPerUser() {
        return maxPerUser;
    }

    public int maxDays() {
        return maxDays;
    }

    /**
     * @throws AccountRefusal 400 for a bad name or lifetime, 409 for a name the user's tokens already have or a
     *                        user at the limit
     */
    public Created create(String user, String name, int days) throws SQLException {
        String n = checkedName(name);
        if (days < 1 || days > maxDays) {
            throw new AccountRefusal(400, "days: a token lasts 1 to " + maxDays + " days, not " + days);
        }
        String secret = Secrets.fresh(Secrets.Kind.TOKEN);
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> {
                long userId = Owners.lock(c, user);
                // expired tokens count for nothing, and their names are free again
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM archive.personal_tokens WHERE user_id = ? AND expires <= now()")) {
                    s.setLong(1, userId);
                    s.executeUpdate();
                }
                int count = 0;
                boolean taken = false;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT name FROM archive.personal_tokens WHERE user_id = ?")) {
                    s.setLong(1, userId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            count++;
                            taken |= rs.getString("name").equals(n);
                        }
                    }
                }
                if (taken) {
                    throw new AccountRefusal(409, "name: you have a token called " + n + " already");
                }
                if (count >= maxPerUser) {
                    throw new AccountRefusal(409, "you have " + count + " tokens, the most a user may have:"
                        + " revoke one first");
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO archive.personal_tokens (user_id, name, secret_hash, expires)
                        VALUES (?, ?, ?, now() + ? * interval '1 day')
                        RETURNING id, name, created, expires, last_used""")) {
                    s.setLong(1, userId);
                    s.setString(2, n);
                    s.setBytes(3, Secrets.hash(secret));
                    s.setInt(4, days);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return new Created(token(rs), secret);
                    }
                }
            });
        }
    }

    /** The user's tokens that have not expired, newest first. */
    public List<Token> list(String user) throws SQLException {
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT t.id, t.name, t.created, t.expires, t.last_used
                       FROM archive.personal_tokens t JOIN archive.users u ON u.id = t.user_id
                      WHERE u.name = ? AND t.expires > now() ORDER BY t.created DESC, t.id DESC""")) {
            s.setString(1, user);
            List<Token> tokens = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tokens.add(token(rs));
                }
            }
            return tokens;
        }
    }

    /**
     * Revokes (deletes) one of the user's tokens: it fails from the next request on.
     *
     * @throws AccountRefusal 404 if the user has no token of that id (another user's is no different)
     */
    public void revoke(String user, long id) throws SQLException {
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     DELETE FROM archive.personal_tokens
                      WHERE id = ? AND user_id = (SELECT id FROM archive.users WHERE name = ?)""")) {
            s.setLong(1, id);
            s.setString(2, user);
            if (s.executeUpdate() == 0) {
                throw new AccountRefusal(404, "you have no token " + id);
            }
        }
    }

    /** The name as stored, or a 400 saying what is wrong with it. */
    static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new AccountRefusal(400, "name: give the token a name, such as the machine or program that uses it");
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME_CHARS) {
            throw new AccountRefusal(400, "name: at most " + MAX_NAME_CHARS + " characters");
        }
        if (n.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            throw new AccountRefusal(400, "name: one line of text, without control characters");
        }
        return n;
    }

    private static Token token(ResultSet rs) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used");
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created").toInstant(),
            rs.getTimestamp("expires").toInstant(), used == null ? null : used.toInstant());
    }
}
