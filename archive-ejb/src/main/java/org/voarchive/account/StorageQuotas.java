package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place that computes what a signed-in user may store and stores (archive.storage_usage, V30): their
 * jobs' files, kept results and personal tables count against one byte limit, the largest
 * {@code archive.group_quotas.storage_bytes} of their groups, else {@code archive.uws.user.quota-bytes}; their
 * personal tables against a count, the largest {@code max_tables} of their groups, else
 * {@code archive.usertables.max-tables}. In package {@code account}, not {@code usertables}: {@code uws} and
 * {@code usertables} both use it, and {@code usertables} depends on {@code uws}.
 */
@ApplicationScoped
public class StorageQuotas {

    /**
     * A user's limits and use.
     *
     * @param limit     bytes they may store
     * @param used      bytes they store: {@code jobBytes + tableBytes}
     * @param jobBytes  of these, their jobs' (result and upload files, kept results)
     * @param maxTables personal tables they may have
     * @param tables    personal tables they have
     */
    public record Quota(long limit, long used, long jobBytes, int maxTables, int tables) {

        /** Bytes still free (never negative). */
        public long free() {
            return Math.max(0, limit - used);
        }

        /** Bytes in personal tables. */
        public long tableBytes() {
            return used - jobBytes;
        }
    }

    /** The quota and use of {@code owner} (a login) now, on a connection of its own. */
    public Quota of(String owner) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /** As {@link #of(String)}, on {@code c} (an application role connection, in the caller's transaction or not). */
    public Quota of(Connection c, String owner) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * The quota and use of {@code owner} for a change about to commit in {@code c}'s transaction: first takes the
     * owner's quota lock ({@code pg_advisory_xact_lock}, held to the end of the transaction), so that two changes
     * of one owner serialise from their check to their commit and the second sees the first's bytes. Call it
     * after the expensive work (COPY, CREATE INDEX), just before the final check and commit.
     */
    public Quota locked(Connection c, String owner) throws SQLException {
        throw new UnsupportedOperationException("WP1: not yet");
    }
}
