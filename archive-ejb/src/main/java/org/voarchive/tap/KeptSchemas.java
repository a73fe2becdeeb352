package org.voarchive.tap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.voarchive.metadata.TableName;

/**
 * Where kept results live (migration V26): a signed-in owner's in their own schema {@code user_<name>}, an
 * anonymous owner's in {@code anonymous_results}, each job's in the table {@code job_<job id>}. These schemas
 * are never published data: metadata discovery refuses them ({@link #isKept}).
 */
public final class KeptSchemas {

    /** The schema of anonymous jobs' kept results (created by the migration; no query role may use it). */
    public static final String ANONYMOUS = "anonymous_results";
    static final String USER_PREFIX = "user_";
    /** PostgreSQL's longest identifier (NAMEDATALEN - 1 bytes); longer names would be cut, and could meet. */
    static final int MAX_NAME_BYTES = org.voarchive.table.ColumnNames.MAX_NAME_BYTES;
    /** Hex digits of the login's SHA-256 appended to a name that lost or changed characters. */
    private static final int HASH_DIGITS = 10;

    private KeptSchemas() {
    }

    /**
     * The schema of a signed-in owner's kept results: {@code user_} and the login, in lower case, characters
     * other than a-z, 0-9 and _ replaced by _. Where that changed the login (upper case, other characters) or it
     * is too long for an identifier, the name is shortened and a hash of the login appended, so that two logins
     * ("Alice" and "alice", "a.b" and "a-b") never share a schema.
     */
    public static String userSchema(String login) {
        if (login == null || login.isEmpty()) {
            throw new IllegalArgumentException("a user schema needs a login");
        }
        String lower = login.toLowerCase(Locale.ROOT);
        String cleaned = lower.replaceAll("[^a-z0-9_]", "_");
        String plain = USER_PREFIX + cleaned;
        if (cleaned.equals(login) && plain.length() <= MAX_NAME_BYTES) {
            return plain; // [a-z0-9_] only: one byte a character
        }
        String hash = "_" + sha256(login).substring(0, HASH_DIGITS);
        // the replaced characters were one byte each or more; cleaned has only single-byte ones
        String kept = cleaned.substring(0, Math.min(cleaned.length(), MAX_NAME_BYTES - USER_PREFIX.length() - hash.length()));
        return USER_PREFIX + kept + hash;
    }

    /** The schema of the kept results of an owner (null: anonymous). */
    public static String of(String owner) {
        return owner == null ? ANONYMOUS : userSchema(owner);
    }

    /** The kept table of a job of this owner (null: anonymous). */
    public static TableName table(String owner, String jobId) {
        return new TableName(of(owner), "job_" + jobId);
    }

    /** A schema whose tables are kept results (whether or not it exists), never data to publish. */
    public static boolean isKept(String schema) {
        String name = schema.toLowerCase(Locale.ROOT);
        return name.equals(ANONYMOUS) || name.startsWith(USER_PREFIX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
