package org.voarchive.tap;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.database.DataSources;
import org.voarchive.database.QueryRoles;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobContext;

/**
 * Completed async TAP results kept as tables (migration V26), so that the portal pages and sorts them on the
 * server and their signed-in owners query them again in ADQL: copied while the job writes its result file
 * ({@link #keep}), committed before the job becomes COMPLETED and only if they fit in the owner's quota with
 * the job's files, dropped with the job ({@link #discard}); tables a crash orphaned are swept
 * ({@link KeptResultsSweep}). Keeping never fails a job: a result that cannot be kept is logged, and the job
 * completes with its file as before. The application role owns the tables.
 */
@ApplicationScoped
// each method runs its own JDBC transactions; inside a caller's, the connection would be the caller's
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class KeptResults {

    private static final Logger LOG = Logger.getLogger(KeptResults.class.getName());
    /** How long dropping a table waits for readers (a download) before leaving it to the sweep. */
    private static final String DROP_LOCK_TIMEOUT = "2s";

    @EJB
    DataSources dataSources;

    @Inject
    QueryRoles roles;

    /**
     * Starts copying the rows of a job's running query into the job's kept table, as they are written (the cursor
     * is read once). Never fails: a result that cannot be kept gets a {@link Keeping} that keeps nothing.
     *
     * @param context the job's, whose quota the table must fit in with the job's files
     */
    public Keeping keep(Job job, RunningQuery query, JobContext context) {
        TableName table = KeptSchemas.table(job.ownerId(), job.id());
        Connection connection = null;
        try {
            connection = dataSources.app().getConnection();
            if (job.ownerId() != null) {
                // in a transaction of its own: the schema is there for every later job, kept or not
                try (PreparedStatement s = connection.prepareStatement("SELECT archive.kept_results_schema(?)")) {
                    s.setString(1, table.schema());
                    s.execute();
                }
            }
            List<KeptColumn> columns = KeptColumn.of(query.table().fields(), query.info().datalinkColumns());
            Connection owned = connection;
            connection = null; // the copy owns it, also when it fails
            ResultCopy copy = new ResultCopy(owned, table, columns, context::tableFits);
            query.table().copyRowsTo(copy);
            // only the owner's ADQL reads kept tables, and only signed-in owners have ADQL access to them
            return new Keeping(job, table, columns, query, copy, job.ownerId() == null ? null : roles.queryRole());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "the result of job " + job.id() + " is not kept as a table: " + e.getMessage(), e);
            return new Keeping(job, table, List.of(), query, null, null);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "closing a connection failed", e);
                }
            }
        }
    }

    /** A job's result on its way into its kept table: {@link #commit} keeps it, closing without commit drops it. */
    public static final class Keeping implements AutoCloseable {

        private final Job job;
        private final TableName table;
        private final List<KeptColumn> columns;
        private final RunningQuery query;
        private final ResultCopy copy;
        private final String queryRole;
        private final long started = System.nanoTime();

        private Keeping(Job job, TableName table, List<KeptColumn> columns, RunningQuery query, ResultCopy copy,
                        String queryRole) {
            this.job = job;
            this.table = table;
            this.columns = columns;
            this.query = query;
            this.copy = copy;
            this.queryRole = queryRole;
        }

        /**
         * Keeps the table, once the rows are all written and the result is complete (MAXREC may have cut it):
         * keyed, analysed, recorded and committed, if it fits in what the owner's quota leaves after the job's
         * files ({@link JobContext#tableFits}); its bytes then count in the quota. Never fails the job.
         */
        public void commit(JobContext context) {
            if (copy == null) {
                return;
            }
            try {
                if (copy.overQuota()) {
                    LOG.info(() -> "the result of job " + job.id() + " is not kept as a table: after " + copy.rows()
                        + " rows it would not fit in what the owner's storage quota leaves");
                    return;
                }
                copy.end(queryRole);
                long bytes = record(copy.connection());
                if (!context.tableFits(bytes)) { // closing without commit drops the table and its record
                    LOG.info(() -> "the result of job " + job.id() + " is not kept as a table: its " + bytes
                        + " bytes do not fit in what the owner's storage quota leaves");
                    return;
                }
                copy.commit();
                copy.close(); // the connection back to the pool before the job's own record takes one
                context.tableKept(bytes);
                LOG.info(() -> "the result of job " + job.id() + " is kept as " + table + ": "
                    + AsyncQuery.rows(copy.rows(), query.overflowed()) + ", " + bytes + " bytes, "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the result of job " + job.id() + " is not kept as a table: " + e.getMessage(), e);
            }
        }

        /** Records the table, not yet committed. @return the table's bytes, its key included */
        private long record(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO archive.kept_results (job_id, owner, schema_name, table_name, columns, row_count,
                                                      overflow, source_tables, query)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
                    RETURNING pg_total_relation_size(CAST(? AS regclass)) AS bytes""")) {
                s.setString(1, job.id());
                s.setString(2, job.ownerId());
                s.setString(3, table.schema());
                s.setString(4, table.table());
                s.setString(5, KeptColumn.json(columns));
                s.setLong(6, copy.rows());
                s.setBoolean(7, query.overflowed());
                s.setArray(8, c.createArrayOf("text", query.info().sourceTables().toArray()));
                s.setString(9, query.info().query());
                s.setString(10, table.sql());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong("bytes");
                }
            }
        }

        /** Drops what was not committed. */
        @Override
        public void close() {
            if (copy != null) {
                copy.close();
            }
        }
    }

    /** Drops a job's kept table and its record, if it has one; a table a reader holds is left to the sweep. */
    public void discard(String jobId) {
        try (Connection c = dataSources.app().getConnection()) {
            org.voarchive.database.Transactions.inTransaction(c, () -> {
                lockTimeout(c);
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM archive.kept_results WHERE job_id = ? RETURNING schema_name, table_name")) {
                    s.setString(1, jobId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            drop(c, new TableName(rs.getString("schema_name"), rs.getString("table_name")));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "the kept result of job " + jobId + " could not be dropped now; the sweep drops it later: "
                + e.getMessage(), e);
        }
    }

    /** The kept results a signed-in caller may query in ADQL: their own; none for anonymous callers. */
    List<KeptResult> results(Caller caller) throws SQLException {
        if (!caller.authenticated()) {
            return List.of();
        }
        try (Connection c = dataSources.app().getConnection()) {
            return KeptResult.ofOwner(c, caller.name());
        }
    }

    /**
     * Drops the tables in the schemas of kept results that have no record (their job was destroyed while a
     * reader held them, or the server stopped between the drop and the delete), and deletes records whose table
     * is gone. A table being filled is not seen: it is not committed yet.
     *
     * @return the tables dropped and the records deleted
     */
    public int[] sweep() throws SQLException {
        List<TableName> orphans = new ArrayList<>();
        int dropped = 0;
        try (Connection c = dataSources.app().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT n.nspname AS schema_name, t.relname AS table_name
                      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                     WHERE t.relkind = 'r' AND t.relowner = CAST(current_user AS regrole)
                       AND (n.nspname = ? OR n.nspname LIKE ?)
                       AND NOT EXISTS (SELECT FROM archive.kept_results k
                                        WHERE k.schema_name = n.nspname AND k.table_name = t.relname)""")) {
                s.setString(1, KeptSchemas.ANONYMOUS);
                s.setString(2, KeptSchemas.USER_PREFIX.replace("_", "\\_") + "%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        orphans.add(new TableName(rs.getString("schema_name"), rs.getString("table_name")));
                    }
                }
            }
            for (TableName orphan : orphans) {
                try {
                    org.voarchive.database.Transactions.inTransaction(c, () -> {
                        lockTimeout(c);
                        drop(c, orphan);
                        return null;
                    });
                    dropped++;
                    LOG.info(() -> "dropped " + orphan + ", a kept result without its job");
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "dropping " + orphan + " failed; the next sweep tries again", e);
                }
            }
            try (Statement s = c.createStatement()) {
                int deleted = s.executeUpdate("""
                    DELETE FROM archive.kept_results k
                     WHERE to_regclass(format('%I.%I', k.schema_name, k.table_name)) IS NULL""");
                return new int[] {dropped, deleted};
            }
        }
    }

    private static void lockTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + DROP_LOCK_TIMEOUT + "'");
        }
    }

    private static void drop(Connection c, TableName table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table.sql());
        }
    }
}
