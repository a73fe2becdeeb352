package org.voarchive.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;

/**
 * The one place that computes what a signed-in user may store and stores (archive.storage_usage, V30): their
 * jobs' files, kept results and personal tables count against one byte limit, the largest
 * {@code archive.group_quotas.storage_bytes} of their groups, else {@code archive.uws.user.quota-bytes}; their
 * personal tables against a count, the largest {@code max_tables} of their groups, else
 * {@code archive.usertables.max-tables}. In package {@code account}, not {@code usertables}: {@code uws} and
 * {@code usertables} both use it, and {@code usertables} depends on {@code uws}. Anonymous jobs' quotas (per
 * network, and all together) stay {@code uws}'s.
 */
@ApplicationScoped
// reads on a connection of its own unless given one: inside a caller's transaction it would be the caller's
@Transactional(Transactional.TxType.NOT_SUPPORTED)
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

    @EJB
    DataSources dataSources;

    /** Default per user: also the key of the jobs' quota before personal tables (its meaning grew). */
    @Inject
    @ConfigProperty(name = "archive.uws.user.quota-bytes", defaultValue = "10737418240")
    long defaultBytes;

    @Inject
    @ConfigProperty(name = "archive.usertables.max-tables", defaultValue = "100")
    int defaultTables;

    /** The quota and use of {@code owner} (a login) now, on a connection of its own. */
    public Quota of(String owner) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return of(c, owner);
        }
    }

    /** As {@link #of(String)}, on {@code c} (an application role connection, in the caller's transaction or not). */
    public Quota of(Connection c, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT max(q.storage_bytes) FROM archive.group_quotas q
                          JOIN archive.user_groups ug ON ug.group_id = q.group_id
                          JOIN archive.users u ON u.id = ug.user_id WHERE u.name = o.owner) AS group_bytes,
                       (SELECT max(q.max_tables) FROM archive.group_quotas q
                          JOIN archive.user_groups ug ON ug.group_id = q.group_id
                          JOIN archive.users u ON u.id = ug.user_id WHERE u.name = o.owner) AS group_tables,
                       COALESCE(su.job_bytes, 0) AS job_bytes, COALESCE(su.personal_bytes, 0) AS personal_bytes,
                       COALESCE(su.personal_tables, 0) AS personal_tables
                  FROM (SELECT CAST(? AS text) AS owner) o LEFT JOIN archive.storage_usage su ON su.owner = o.owner""")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long groupBytes = rs.getLong("group_bytes");
                long limit = rs.wasNull() ? defaultBytes : groupBytes;
                int groupTables = rs.getInt("group_tables");
                int maxTables = rs.wasNull() ? defaultTables : groupTables;
                long jobBytes = rs.getLong("job_bytes");
                return new Quota(limit, jobBytes + rs.getLong("personal_bytes"), jobBytes, maxTables,
                    rs.getInt("personal_tables"));
            }
        }
    }

    /**
     * The quota and use of {@code owner} for a change about to commit in {@code c}'s transaction: first takes the
     * owner's quota lock ({@code pg_advisory_xact_lock}, held to the end of the transaction), so that two changes
     * of one owner serialise from their check to their commit and the second sees the first's bytes. Call it
     * after the expensive work (COPY, CREATE INDEX), just before the final check and commit.
     */
    public Quota locked(Connection c, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('archive.quota ' || ?))")) {
            s.setString(1, owner);
            s.execute();
        }
        return of(c, owner);
    }
}
