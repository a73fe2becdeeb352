package org.voarchive.tap;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.database.DataSources;
import org.voarchive.database.QueryRoles;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.uws.Job;
import org.voarchive.uws.JobContext;
import org.voarchive.uws.JobManager;
import org.voarchive.uws.JobStore;

/**
 * Completed async TAP results kept as tables (migrations V26, V29), so that the portal pages and sorts them on the
 * server and their signed-in owners query them again in ADQL. While the job writes its result file, its rows are
 * written to a file of the job's too ({@link #keep}, {@link ResultCopy}); the record is committed before the job
 * becomes COMPLETED, and only if the rows fit in the owner's quota with the job's files. The table itself is
 * made the first time the result is read ({@link #made}: a page, a download, the owner's ADQL), once, under the
 * record's lock, if it fits in the owner's quota then; most results are never read again, and making a table
 * and dropping it cost the database more than the whole of a trivial job. It goes with the job ({@link #discard});
 * tables a crash orphaned are swept ({@link KeptResultsSweep}). Keeping never fails a job: a result that cannot be
 * kept is logged, and the job completes with its file as before. The application role owns the tables.
 */
@ApplicationScoped
// each method runs its own JDBC transactions; inside a caller's, the connection would be the caller's
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class KeptResults {

    private static final Logger LOG = Logger.getLogger(KeptResults.class.getName());
    /** How long dropping a table waits for readers (a download) before leaving it to the sweep. */
    private static final String DROP_LOCK_TIMEOUT = "2s";
    /** The file of a job's kept rows until its table is made: not a result's name ("result.*"). */
    static final String ROWS_FILE = "kept-rows.csv";

    @EJB
    DataSources dataSources;

    @EJB
    JobManager jobs;

    @EJB
    JobStore store;

    @Inject
    QueryRoles roles;

    /**
     * Starts copying the rows of a job's running query to the file of its kept rows, as they are written (the
     * cursor is read once). Never fails: a result that cannot be kept gets a {@link Keeping} that keeps nothing.
     *
     * @param context the job's, whose quota the table must fit in with the job's files
     */
    public Keeping keep(Job job, RunningQuery query, JobContext context) {
        TableName table = KeptSchemas.table(job.ownerId(), job.id());
        Path file = null;
        try {
            file = context.file(ROWS_FILE);
            List<KeptColumn> columns = KeptColumn.of(query.table().fields(), query.info().datalinkColumns());
            ResultCopy copy = new ResultCopy(file, columns.size(), context::tableFits);
            query.table().copyRowsTo(copy);
            return new Keeping(job, table, columns, query, copy, file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the result of job " + job.id() + " is not kept as a table: " + e.getMessage(), e);
            deleteQuietly(file);
            return new Keeping(job, table, List.of(), query, null, null);
        }
    }

    /** A job's result on its way to its kept table: {@link #commit} keeps it, closing without commit drops it. */
    public final class Keeping implements AutoCloseable {

        private final Job job;
        private final TableName table;
        private final List<KeptColumn> columns;
        private final RunningQuery query;
        private final ResultCopy copy;
        private final Path file;
        private boolean kept;

        private Keeping(Job job, TableName table, List<KeptColumn> columns, RunningQuery query, ResultCopy copy,
                        Path file) {
            this.job = job;
            this.table = table;
            this.columns = columns;
            this.query = query;
            this.copy = copy;
            this.file = file;
        }

        /**
         * Keeps the rows, once they are all written and the result is complete (MAXREC may have cut it): recorded
         * (one statement), if their file fits in what the owner's quota leaves after the job's result files
         * ({@link JobContext#tableFits}); its bytes then count in the quota until the table replaces it. Never
         * fails the job.
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
                long bytes = copy.end();
                if (!context.tableFits(bytes)) {
                    LOG.info(() -> "the result of job " + job.id() + " is not kept as a table: its " + bytes
                        + " bytes do not fit in what the owner's storage quota leaves");
                    return;
                }
                try (Connection c = dataSources.app().getConnection()) {
                    record(c);
                }
                kept = true;
                context.tableKept(bytes);
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the result of job " + job.id() + " is not kept as a table: " + e.getMessage(), e);
            }
        }

        /** Records the rows, their table not made yet. */
        private void record(Connection c) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO archive.kept_results (job_id, owner, schema_name, table_name, columns, row_count,
                                                      overflow, source_tables, query, made)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, false)""")) {
                s.setString(1, job.id());
                s.setString(2, job.ownerId());
                s.setString(3, table.schema());
                s.setString(4, table.table());
                s.setString(5, KeptColumn.json(columns));
                s.setLong(6, copy.rows());
                s.setBoolean(7, query.overflowed());
                s.setArray(8, c.createArrayOf("text", query.info().sourceTables().toArray()));
                s.setString(9, query.info().query());
                s.executeUpdate();
            }
        }

        /** Deletes the rows' file unless they were kept. */
        @Override
        public void close() {
            if (copy != null) {
                copy.close();
            }
            if (!kept) {
                deleteQuietly(file);
            }
        }
    }

    /**
     * The kept result with its table made: made now if this is its first use, in one transaction under its
     * job's row lock (two first reads at once make it once; a job destroyed meanwhile waits for it, and the sweep
     * drops the table it may leave),
     * if the table fits in what the owner's quota leaves (its bytes replace those of the rows' file in the job's
     * table bytes); otherwise the result is kept no longer.
     *
     * @return empty if the result is not kept (any more)
     */
    Optional<KeptResult> made(KeptResult result) throws SQLException, IOException {
        if (result.made()) {
            return Optional.of(result);
        }
        long started = System.nanoTime();
        Optional<Job> job = store.find(result.jobId());
        if (job.isEmpty()) {
            return Optional.empty();
        }
        long left = jobs.storageLeft(job.get());
        Path file = jobs.files().result(job.get(), ROWS_FILE);
        long[] bytes = new long[1];
        boolean made;
        try (Connection c = dataSources.app().getConnection()) {
            made = org.voarchive.database.Transactions.inTransaction(c, () -> {
                long fileBytes;
                // the job's row is locked first, as its deletion locks it before its cascade reaches the record:
                // in the same order, the two cannot deadlock
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT table_bytes FROM archive.uws_job WHERE job_id = ? FOR UPDATE")) {
                    s.setString(1, result.jobId());
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return false; // its job was destroyed meanwhile
                        }
                        fileBytes = rs.getLong("table_bytes");
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT made FROM archive.kept_results WHERE job_id = ?")) {
                    s.setString(1, result.jobId());
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return false; // not kept any more
                        }
                        if (rs.getBoolean("made")) {
                            return true; // by another first read meanwhile
                        }
                    }
                }
                TableName table = result.table();
                if (result.owner() != null) {
                    try (PreparedStatement s = c.prepareStatement("SELECT archive.kept_results_schema(?)")) {
                        s.setString(1, table.schema());
                        s.execute();
                    }
                }
                try {
                    // only the owner's ADQL reads kept tables, and only signed-in owners have ADQL access to them
                    ResultCopy.load(c, table, result.columns(), file, result.owner() == null ? null : roles.queryRole());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bytes[0] = size(c, table);
                boolean fits = bytes[0] - fileBytes <= left;
                int recorded;
                try (PreparedStatement s = c.prepareStatement(fits
                        ? "UPDATE archive.kept_results SET made = true WHERE job_id = ?"
                        : "DELETE FROM archive.kept_results WHERE job_id = ?")) {
                    s.setString(1, result.jobId());
                    recorded = s.executeUpdate();
                }
                if (!fits || recorded == 0) { // too large, or its job's deletion discarded the record meanwhile
                    drop(c, table);
                    bytes[0] = 0;
                    fits = false;
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE archive.uws_job SET table_bytes = ? WHERE job_id = ?")) {
                    s.setLong(1, bytes[0]);
                    s.setString(2, result.jobId());
                    s.executeUpdate();
                }
                if (!fits && recorded > 0) {
                    LOG.info(() -> "the result of job " + result.jobId() + " is kept no longer: its table does not"
                        + " fit in what the owner's storage quota leaves");
                }
                return fits;
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        deleteQuietly(file); // the table has the rows, or they are not kept
        if (made) {
            LOG.fine(() -> "the result of job " + result.jobId() + " is made a table: " + bytes[0] + " bytes, "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        return made ? Optional.of(result.asMade()) : Optional.empty();
    }

    /**
     * Makes the table of a job's kept result if this is its first use (as {@link #made(KeptResult)}): its owner is
     * about to keep it as a personal table ({@code usertables.PersonalTables.keep}, which renames it).
     *
     * @return whether the job has a kept result whose table is made now
     */
    public boolean madeTable(String jobId) throws SQLException, IOException {
        Optional<KeptResult> found;
        try (Connection c = dataSources.app().getConnection()) {
            found = KeptResult.find(c, jobId);
        }
        return found.isPresent() && made(found.get()).isPresent();
    }

    private static long size(Connection c, TableName table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(CAST(? AS regclass)) AS bytes")) {
            s.setString(1, table.sql());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong("bytes");
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "deleting " + file + " failed; it goes with its job", e);
        }
    }

    /**
     * Drops a job's kept table and its record, if it has one; a table a reader holds is left to the sweep. A
     * record whose table was not made is deleted in the one statement that asks whether one was (most jobs': no
     * transaction, no DDL); its rows go with the job's files.
     */
    public void discard(String jobId) {
        try (Connection c = dataSources.app().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    WITH unmade AS (DELETE FROM archive.kept_results WHERE job_id = ? AND NOT made)
                    SELECT EXISTS (SELECT FROM archive.kept_results WHERE job_id = ? AND made) AS made""")) {
                s.setString(1, jobId);
                s.setString(2, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean("made")) {
                        return; // most jobs: one statement, no transaction
                    }
                }
            }
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
                       -- kept results' tables only: a user's schema also holds their personal tables (V30), whose
                       -- names never start so (usertables.PersonalNames)
                       AND t.relname LIKE 'job\\_%'
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
                     WHERE k.made AND to_regclass(format('%I.%I', k.schema_name, k.table_name)) IS NULL""");
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
