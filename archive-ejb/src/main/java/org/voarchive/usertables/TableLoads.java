package org.voarchive.usertables;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.voarchive.account.StorageQuotas;
import org.voarchive.database.Cancellation;
import org.voarchive.database.DataSources;
import org.voarchive.database.DatabaseErrors;
import org.voarchive.database.Sql;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.ColumnTypes;
import org.voarchive.table.CopyEncoder;
import org.voarchive.table.DelimitedRows;
import org.voarchive.table.RowSource;
import org.voarchive.table.StilRows;
import org.voarchive.table.TableRefusedException;

/**
 * Appends rows to a personal table (design §4.2): CSV, TSV, FITS or VOTable, streamed through the package
 * {@code table}'s parsers, which convert every value to its column's type (a bad one is a 400 naming its line or
 * row and column), into PostgreSQL's COPY, in one transaction: all rows or none. The owner's quota is checked
 * before a byte is read, bounded while the rows stream, and settled exactly before the commit
 * ({@link PersonalTables#settle}).
 */
@ApplicationScoped
// each load is its own JDBC transaction (as PersonalTables' writes)
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TableLoads {

    /** Rows between checks of the quota's early bound. */
    private static final int CHECK_EVERY = 1000;
    /**
     * The fewest bytes a row takes in a table, whatever its values (its tuple header and line pointer, 28, and
     * a little data): only this bound tells early, while rows stream, that they cannot fit.
     */
    static final long MIN_ROW_BYTES = 32;
    /** Rows between reports of progress (async loads). */
    public static final long PROGRESS_ROWS = 100_000;

    @EJB
    DataSources dataSources;

    @Inject
    PersonalTables tables;

    @Inject
    StorageQuotas quotas;

    @Inject
    @ConfigProperty(name = "archive.usertables.load.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "archive.usertables.load-job.max-bytes", defaultValue = "21474836480")
    long jobMaxBytes;

    @Inject
    @ConfigProperty(name = "archive.usertables.load.timeout-seconds", defaultValue = "3600")
    long timeoutSeconds;

    /** The formats loads take, by media type (parameters such as {@code header=absent} aside). */
    public enum Format {
        CSV, TSV, FITS, VOTABLE;

        /**
         * @param mediaType a Content-Type, or a form's FORMAT ({@code csv}, {@code tsv}, {@code fits}, {@code votable})
         * @throws TableRequestException 415 for another
         */
        public static Format of(String mediaType) {
            String base = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return switch (base) {
                case "text/csv", "csv" -> CSV;
                case "text/tab-separated-values", "tsv" -> TSV;
                case "application/fits", "image/fits", "fits", "fitstable" -> FITS;
                case "application/x-votable+xml", "text/x-votable+xml", "votable" -> VOTABLE;
                default -> throw new TableRequestException(415, "a load takes text/csv, text/tab-separated-values,"
                    + " application/fits or application/x-votable+xml" + (base.isEmpty() ? "" : ", not " + base));
            };
        }
    }

    /** The most bytes a request body may have (larger loads go through /tap/load-jobs). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The most bytes a load job's file may have. */
    public long jobMaxBytes() {
        return jobMaxBytes;
    }

    /**
     * Appends the rows of {@code body} to the caller's table.
     *
     * @param mediaType the body's Content-Type ({@code text/csv; header=absent}: fields in the table's order)
     * @param progress  told the rows copied every {@value #PROGRESS_ROWS}
     * @param cancel    cancels the COPY (async ABORT), or null
     * @return the rows added
     * @throws TableRequestException 400 a bad row (nothing added), 401/403/404 as {@link PersonalTables#writable},
     *                               413 over the quota, 415 another format
     */
    public long append(Caller caller, TableName name, String mediaType, InputStream body, LongConsumer progress,
                       Cancellation cancel) throws SQLException, IOException {
        return append(caller, name, mediaType, body, progress, cancel, (c, rows) -> { });
    }

    /** What runs in a load's transaction just before its commit, with the rows added; its failure rolls the load back. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run(Connection c, long rows) throws SQLException;
    }

    /**
     * As {@link #append(Caller, TableName, String, InputStream, LongConsumer, Cancellation)}, with a last statement in
     * the load's transaction (a load job records its effect there: uws.JobContext#recordEffect).
     */
    public long append(Caller caller, TableName name, String mediaType, InputStream body, LongConsumer progress,
                       Cancellation cancel, BeforeCommit beforeCommit) throws SQLException, IOException {
        Format format = Format.of(mediaType);
        boolean header = !(mediaType.toLowerCase(Locale.ROOT).replace(" ", "").contains(";header=absent"));
        try (Connection c = dataSources.app().getConnection()) {
            c.setAutoCommit(false);
            PersonalTable table = null;
            try {
                table = tables.writable(c, caller, name);
                StorageQuotas.Quota quota = quotas.of(c, table.owner());
                if (quota.free() == 0) {
                    throw new TableRequestException(413, overQuota(quota, "no bytes are free"));
                }
                long rows;
                if (format == Format.CSV || format == Format.TSV) {
                    List<String> names = header ? null : table.columns().stream().map(ColumnSpec::name).toList();
                    try (RowSource source = new DelimitedRows(body, format == Format.CSV
                        ? DelimitedRows.Format.CSV : DelimitedRows.Format.TSV, names)) {
                        rows = copy(c, table, source, false, quota, progress, cancel);
                    }
                } else {
                    rows = copySpooled(c, table, body, format, quota, progress, cancel);
                }
                tables.settle(c, table, rows);
                beforeCommit.run(c, rows);
                c.commit();
                return rows;
            } catch (TableRefusedException e) {
                rollBack(c, table);
                throw new TableRequestException(400, e.getMessage(), e);
            } catch (SQLException | IOException | RuntimeException e) {
                rollBack(c, table);
                throw e;
            }
        }
    }

    /**
     * Rolls a load back, then gives the table's file back the pages the rows written so far took (VACUUM cuts
     * empty pages at its end, where COPY appends): otherwise they would count in the owner's quota until
     * autovacuum came, and a load refused for the quota would leave the next one less room.
     */
    private static void rollBack(Connection c, PersonalTable table) throws SQLException {
        c.rollback();
        if (table == null) {
            return;
        }
        c.setAutoCommit(true); // VACUUM runs outside a transaction
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM " + table.name().sql());
        } catch (SQLException e) {
            java.util.logging.Logger.getLogger(TableLoads.class.getName()).log(java.util.logging.Level.INFO,
                "a failed load's pages of " + table.name() + " were not given back", e);
        }
    }

    /** FITS and VOTable are read from a file (STIL checks and pages them there): the body spooled first. */
    private long copySpooled(Connection c, PersonalTable table, InputStream body, Format format, StorageQuotas.Quota quota,
                             LongConsumer progress, Cancellation cancel) throws SQLException, IOException {
        Path file = Files.createTempFile("table-load-", format == Format.FITS ? ".fits" : ".vot");
        try {
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (RowSource source = StilRows.open(file, format == Format.FITS ? "fits" : "votable", jobMaxBytes)) {
                return copy(c, table, source, false, quota, progress, cancel);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Copies {@code rows} into {@code table} in {@code c}'s transaction (of the application role), its columns
     * matched by name; the early quota bound is checked every {@value #CHECK_EVERY} rows. No commit and no
     * {@link PersonalTables#settle}: the caller does both (create with rows, appends).
     *
     * @param freeze whether the table was created in this transaction ({@code COPY ... FREEZE})
     * @return the rows copied
     * @throws TableRequestException 400 a bad row or a column the table lacks, 413 over the quota
     */
    public long copy(Connection c, PersonalTable table, RowSource rows, boolean freeze) throws SQLException, IOException {
        try {
            return copy(c, table, rows, freeze, quotas.of(c, table.owner()), n -> { }, null);
        } catch (TableRefusedException e) {
            throw new TableRequestException(400, e.getMessage(), e);
        }
    }

    private long copy(Connection c, PersonalTable table, RowSource rows, boolean freeze, StorageQuotas.Quota quota,
                      LongConsumer progress, Cancellation cancel) throws SQLException, IOException {
        List<ColumnDefinition> columns = columns(table, rows.columnNames());
        rows.convertTo(columns);
        StringJoiner names = new StringJoiner(", ");
        columns.forEach(col -> names.add(Sql.identifier(col.name())));
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeoutSeconds) * 1000);
        }
        if (cancel != null && !cancel.attach(c)) {
            throw new TableRequestException(409, "the load was aborted");
        }
        long copied = 0;
        CopyLines lines = new CopyLines();
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), "COPY " + table.name().sql()
                + " (" + names + ") FROM STDIN (FORMAT csv" + (freeze ? ", FREEZE" : "") + ")", 1 << 16);
            boolean ended = false;
            try {
                Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
                CopyEncoder encoder = new CopyEncoder(out);
                while (rows.next()) {
                    encoder.write(rows.row());
                    copied++;
                    lines.row(copied, rows.row());
                    if (copied % CHECK_EVERY == 0 && quota.used() + copied * MIN_ROW_BYTES > quota.limit()) {
                        throw new TableRequestException(413, overQuota(quota, "the rows would take more than the "
                            + (quota.limit() - quota.used()) + " bytes free after " + copied + " rows"));
                    }
                    // the server ends a cancelled COPY, but the client learns it only from a later write
                    if (copied % CHECK_EVERY == 0 && cancel != null && cancel.isCancelled()) {
                        throw new TableRequestException(409, "the load was aborted after " + copied + " rows: nothing"
                            + " was added");
                    }
                    if (copied % PROGRESS_ROWS == 0) {
                        progress.accept(copied);
                    }
                }
                out.close(); // ends the COPY
                ended = true;
            } catch (IOException e) {
                // PGCopyOutputStream reports the server's refusal of a row as an IOException around the SQLException
                if (e.getCause() instanceof SQLException sql) {
                    throw refused(sql, rows, lines);
                }
                throw e;
            } finally {
                if (!ended && copy.isActive()) {
                    abandon(copy); // a bad row, the quota, a body that broke off: the rows so far are not kept
                }
            }
        } catch (SQLException e) {
            throw refused(e, rows, lines);
        } finally {
            if (cancel != null) {
                cancel.detach();
            }
        }
        return copied;
    }

    /** Ends a COPY that must not complete; the caller's rollback discards what it wrote anyway. */
    private static void abandon(PGCopyOutputStream copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException e) {
            java.util.logging.Logger.getLogger(TableLoads.class.getName())
                .log(java.util.logging.Level.FINE, "cancelling a COPY failed", e);
        }
    }

    /** The table's columns for the source's names: each one of the table's, matched as ADQL does (case aside). */
    static List<ColumnDefinition> columns(PersonalTable table, List<String> given) {
        Map<String, ColumnSpec> byName = new HashMap<>();
        for (ColumnSpec col : table.columns()) {
            byName.put(col.name().toLowerCase(Locale.ROOT), col);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (String name : given) {
            ColumnSpec col = byName.get(name.toLowerCase(Locale.ROOT));
            if (col == null) {
                throw new TableRequestException(400, "the column '" + name + "' is not in " + table.name() + " (its columns: "
                    + String.join(", ", table.columns().stream().map(ColumnSpec::name).toList()) + ")");
            }
            String sqlType;
            try {
                sqlType = ColumnTypes.sqlType(col.datatype(), col.arraysize(), col.xtype());
            } catch (TableRefusedException e) {
                throw new IllegalStateException("the column " + col.name() + " of " + table.name() + " has no stored type", e);
            }
            columns.add(ColumnDefinition.optional(col.name(), sqlType, null));
        }
        if (columns.isEmpty()) {
            throw new TableRequestException(400, "the load names no columns");
        }
        return columns;
    }

    /** The database refusing a row (a 400 naming where, from COPY's context) or cancelling, or a fault here. */
    private static RuntimeException refused(SQLException e, RowSource rows, CopyLines lines) throws SQLException {
        DatabaseErrors.Verdict verdict = DatabaseErrors.classify(e);
        if ("57014".equals(e.getSQLState())) {
            throw new TableRequestException(verdict == DatabaseErrors.Verdict.TIMEOUT ? 413 : 409,
                "the load was cancelled (aborted, or longer than the time a load may take): nothing was added", e);
        }
        // a constraint of the owner's own table (a unique index) refusing a row is the sender's matter too
        boolean constraint = e.getSQLState() != null && e.getSQLState().startsWith("23");
        if (verdict != DatabaseErrors.Verdict.CLIENT && !constraint) {
            throw e;
        }
        String where = DatabaseErrors.copyPosition(e).map(p -> rows.where(lines.rowAt(p.line()))
            + (p.column() == null ? "" : ", column " + p.column()) + ": ").orElse("");
        return new TableRequestException(400, where + DatabaseErrors.primaryMessage(e) + "; nothing was added", e);
    }

    /** What a load did, in youcat's words: the sync load's answer and a load job's result. */
    public static String inserted(long rows, TableName table) {
        return "Inserted " + rows + " row" + (rows == 1 ? "" : "s") + " to table " + table;
    }

    static String overQuota(StorageQuotas.Quota quota, String what) {
        return what + ": " + quota.used() + " of your " + quota.limit() + " bytes are used (drop tables or delete jobs"
            + " to free space)";
    }

    /**
     * COPY names a refused row by the line of the data it was sent, which is the row's number unless values hold
     * line breaks (quoted in CSV): the rows after which the lines move on, [row, lines so far] pairs, kept only
     * where a value has one.
     */
    static final class CopyLines {
        private long[] shifts = new long[8];
        private int count;
        private long extra;

        /** Counts the line breaks in the values of row {@code row}, as the encoder writes them. */
        void row(long row, Object[] values) {
            long breaks = 0;
            for (Object v : values) {
                if (v instanceof String s && s.indexOf('\n') >= 0) {
                    breaks += s.chars().filter(ch -> ch == '\n').count();
                }
            }
            if (breaks > 0) {
                if (count * 2 == shifts.length) {
                    shifts = java.util.Arrays.copyOf(shifts, shifts.length * 2);
                }
                extra += breaks;
                shifts[count * 2] = row;
                shifts[count * 2 + 1] = extra;
                count++;
            }
        }

        /** The row that starts on COPY's line {@code line} (or spans it). */
        long rowAt(long line) {
            long before = 0; // line breaks inside the rows before
            for (int i = 0; i < count; i++) {
                long row = shifts[i * 2];
                if (line < row + before) {
                    return line - before; // a row without line breaks, before this one
                }
                if (line <= row + shifts[i * 2 + 1]) {
                    return row; // this row spans lines row + before .. row + its breaks
                }
                before = shifts[i * 2 + 1];
            }
            return line - before;
        }
    }
}
