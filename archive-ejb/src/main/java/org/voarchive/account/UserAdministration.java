package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.database.Transactions;
import org.voarchive.security.PasswordHashes;
import org.voarchive.security.Roles;
import org.voarchive.security.Users;

/**
 * What administrators change about users (the back office's user administration, through the admin API): create
 * a user with groups and a password typed or generated, set a user's groups (new groups are created by naming
 * them), disable and enable a user (a disabled user's password, tokens and sessions are all refused, V27, and
 * their sessions end at once), reset a password to a generated one (their sessions end), and revoke all of a
 * user's tokens and sessions. Where the site allows it ({@code archive.account.sign-up}, off by default), people
 * sign themselves up: their account waits, without any working credential (V27), until an administrator approves
 * it (or refuses it: it is deleted). A generated password is in the answer only, once. Every change is written to the
 * server log: which administrator did what to whom, never a password. An administrator may not disable
 * themselves nor take themselves out of group admin: the archive would be left without the one who could undo it.
 */
@ApplicationScoped
public class UserAdministration {

    private static final Logger LOG = Logger.getLogger(UserAdministration.class.getName());

    /** A user created or given a new password: the password when the archive made it (shown this once), or null. */
    public record Changed(UserDirectory.User user, String password) {
    }

    /** What a revocation ended. */
    public record Revoked(int sessions, int tokens) {
    }

    @Inject
    DataSources dataSources;

    @Inject
    UserDirectory directory;

    @Inject
    @ConfigProperty(name = "archive.account.sign-up", defaultValue = "false")
    boolean signUp;

    /**
     * At most this many accounts wait for approval at a time: sign-ups beyond it are refused until an
     * administrator decides, so that nobody can fill the users table while no one is looking.
     */
    static final int MAX_PENDING = 100;

    /** Whether people may sign themselves up (archive.account.sign-up). */
    public boolean signUpAllowed() {
        return signUp;
    }

    /**
     * Signs someone up: an account that waits for an administrator's approval.
     *
     * @throws AccountRefusal 404 if the site does not allow it; 400 naming a bad name or password; 409 if the name
     *                        is taken; 429 if too many accounts wait already
     */
    public void signUp(String name, char[] password, String address) throws SQLException {
        if (!signUp) {
            throw new AccountRefusal(404, "this archive does not offer to sign up: ask its administrators for an account");
        }
        String user = checkedName(name);
        // refused before the password is hashed: anyone may call this, and hashing is what costs
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE pending) AS pending, coalesce(bool_or(name = ?), false) AS taken
                  FROM archive.users""")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean("taken")) {
                    throw new AccountRefusal(409, "name: there is a user " + user + " already");
                }
                if (rs.getInt("pending") >= MAX_PENDING) {
                    throw new AccountRefusal(429, "too many accounts wait for approval: try again later");
                }
            }
        }
        String hash = hashOf(password); // with no pooled connection held for the quarter second it takes
        try (Connection c = dataSources.app().getConnection()) {
            Transactions.inTransaction(c, () -> insert(c, user, hash, true)); // a name taken meanwhile: 409 there
        }
        LOG.info(() -> "user administration: " + user + " signed up from " + address + " and waits for approval");
    }

    /** Approves a signed-up account: its password works from now on. */
    public UserDirectory.User approve(String admin, String name) throws SQLException {
        change(name, (c, id) -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE archive.users SET pending = false, updated = now() WHERE id = ? AND pending")) {
                s.setLong(1, id);
                if (s.executeUpdate() == 0) {
                    throw new AccountRefusal(409, name + " does not wait for approval");
                }
            }
            return null;
        });
        audit(admin, "approved the account of " + name);
        return directory.user(name);
    }

    /** Refuses a signed-up account: it is deleted. */
    public void refuse(String admin, String name) throws SQLException {
        change(name, (c, id) -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.users WHERE id = ? AND pending")) {
                s.setLong(1, id);
                if (s.executeUpdate() == 0) {
                    throw new AccountRefusal(409, name + " does not wait for approval: disable the user instead");
                }
            }
            return null;
        });
        audit(admin, "refused (deleted) the account of " + name);
    }

    /**
     * @param password the password typed by the administrator, or null for one the archive generates
     * @throws AccountRefusal 400 naming a bad name, group or password; 409 if the name is taken
     */
    public Changed create(String admin, String name, List<String> groups, char[] password) throws SQLException {
        String user = checkedName(name);
        List<String> checked = checkedGroups(groups);
        char[] given = password == null ? PasswordHashes.generated() : password;
        String hash = hashOf(given);
        try (Connection c = dataSources.app().getConnection()) {
            Transactions.inTransaction(c, () -> {
                Users.setGroups(c, insert(c, user, hash, false), checked);
                return null;
            });
        }
        audit(admin, "created user " + user + " in groups " + checked + " with a password "
            + (password == null ? "generated" : "typed"));
        String shown = password == null ? new String(given) : null;
        Arrays.fill(given, '\0');
        return new Changed(directory.user(user), shown);
    }

    /** Gives the user exactly these groups, creating new ones. */
    public UserDirectory.User setGroups(String admin, String name, List<String> groups) throws SQLException {
        List<String> checked = checkedGroups(groups);
        if (admin.equals(name) && !checked.contains(Roles.ADMIN)) {
            throw new AccountRefusal(409, "groups: you cannot take yourself out of group " + Roles.ADMIN
                + "; another administrator can");
        }
        change(name, (c, id) -> {
            Users.setGroups(c, id, checked);
            return null;
        });
        audit(admin, "set the groups of user " + name + " to " + checked);
        return directory.user(name);
    }

    /** Disables the user (every credential refused, sessions ended) or enables them again. */
    public UserDirectory.User setDisabled(String admin, String name, boolean disabled) throws SQLException {
        if (disabled && admin.equals(name)) {
            throw new AccountRefusal(409, "you cannot disable yourself; another administrator can");
        }
        int ended = change(name, (c, id) -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE archive.users SET disabled = ?, updated = now() WHERE id = ?")) {
                s.setBoolean(1, disabled);
                s.setLong(2, id);
                s.executeUpdate();
            }
            return disabled ? Users.endSessions(c, id) : 0;
        });
        audit(admin, (disabled ? "disabled user " + name + " (" + ended + " sessions ended)" : "enabled user " + name));
        return directory.user(name);
    }

    /** Gives the user a new generated password, which the answer holds; their sessions end. */
    public Changed resetPassword(String admin, String name) throws SQLException {
        char[] password = PasswordHashes.generated();
        String hash = Users.hash(password);
        int ended = change(name, (c, id) -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE archive.users SET password_hash = ?, updated = now() WHERE id = ?")) {
                s.setString(1, hash);
                s.setLong(2, id);
                s.executeUpdate();
            }
            return Users.endSessions(c, id);
        });
        audit(admin, "reset the password of user " + name + " (" + ended + " sessions ended)");
        String shown = new String(password);
        Arrays.fill(password, '\0');
        return new Changed(directory.user(name), shown);
    }

    /** Ends all of the user's sessions and revokes all their personal tokens. */
    public Revoked revokeCredentials(String admin, String name) throws SQLException {
        Revoked revoked = change(name, (c, id) -> {
            int tokens;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.personal_tokens WHERE user_id = ?")) {
                s.setLong(1, id);
                tokens = s.executeUpdate();
            }
            return new Revoked(Users.endSessions(c, id), tokens);
        });
        audit(admin, "revoked the credentials of user " + name + ": " + revoked.sessions() + " sessions, "
            + revoked.tokens() + " tokens");
        return revoked;
    }

    /** A new user's row; its id. */
    private static long insert(Connection c, String user, String hash, boolean pending) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.users (name, password_hash, pending) VALUES (?, ?, ?)
                ON CONFLICT (name) DO NOTHING RETURNING id""")) {
            s.setString(1, user);
            s.setString(2, hash);
            s.setBoolean(3, pending);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AccountRefusal(409, "name: there is a user " + user + " already");
                }
                return rs.getLong("id");
            }
        }
    }

    /** The hash of a password given, or a 400 naming the field. */
    private static String hashOf(char[] password) {
        try {
            return Users.hash(password);
        } catch (IllegalArgumentException e) {
            throw new AccountRefusal(400, "password: " + e.getMessage());
        }
    }

    /** A change of one user's row and what hangs on it, in one transaction with the user's row locked. */
    private interface Change<T> {
        T apply(Connection c, long userId) throws SQLException;
    }

    private <T> T change(String name, Change<T> change) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return Transactions.inTransaction(c, () -> change.apply(c, Owners.lock(c, name)));
        }
    }

    static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (!Users.NAME.matcher(n).matches()) {
            throw new AccountRefusal(400, "name: 1 to 64 letters, digits and _ . @ - (not \"" + (n.length() > 64
                ? n.substring(0, 64) + "..." : n) + "\")");
        }
        return n;
    }

    /** The groups as stored: each checked, without repeats, sorted. */
    static List<String> checkedGroups(List<String> groups) {
        TreeSet<String> checked = new TreeSet<>();
        for (String g : groups == null ? List.<String>of() : groups) {
            String n = g == null ? "" : g.strip();
            if (!Users.GROUP.matcher(n).matches()) {
                throw new AccountRefusal(400, "groups: a group's name is 1 to 64 letters, digits and _ . - (not \""
                    + (n.length() > 64 ? n.substring(0, 64) + "..." : n) + "\")");
            }
            checked.add(n);
        }
        return List.copyOf(checked);
    }

    private static void audit(String admin, String what) {
        LOG.info(() -> "user administration: " + admin + " " + what);
    }
}
