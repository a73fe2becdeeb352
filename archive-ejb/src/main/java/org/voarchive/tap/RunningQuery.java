package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.database.Cancellation;
import org.voarchive.database.DatabaseErrors;

/**
 * An executed query whose rows are still on the server: the open cursor on the
 * read-only query connection, ready to be written in the requested format.
 * Owns the connection until closed; a write that fails because the client
 * went away cancels the statement in PostgreSQL at once.
 */
public final class RunningQuery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningQuery.class.getName());

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final ResultTable table;
    private final ResultInfo info;
    private final TapRequest request;
    private final boolean hasUploads;
    private final Cancellation cancellation;
    private final long started = System.nanoTime();
    private boolean closed;

    RunningQuery(Connection connection, Statement statement, ResultSet rows, ResultTable table, ResultInfo info,
                 TapRequest request, boolean hasUploads, Cancellation cancellation) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.table = table;
        this.info = info;
        this.request = request;
        this.hasUploads = hasUploads;
        this.cancellation = cancellation;
    }

    /** The rows and their fields, for a second use of the rows as they are written ({@link ResultTable#copyRowsTo}). */
    ResultTable table() {
        return table;
    }

    ResultInfo info() {
        return info;
    }

    /** The published tables (schema.table) the query reads, as its result names them: what usage is counted against. */
    public java.util.List<String> sourceTables() {
        return info.sourceTables();
    }

    /** The Content-Type of the result, echoing the format as the client named it. */
    public String contentType() {
        return request.format().contentType(request.formatRequested());
    }

    /**
     * The FIELD description of result column {@code i} (from 0), which a protocol may still adjust
     * before {@link #writeTo} (cone search gives its key columns the UCDs SCS 1.03 prescribes).
     */
    public uk.ac.starlink.table.ColumnInfo field(int i) {
        return table.getColumnInfo(i);
    }

    public OutputFormat format() {
        return request.format();
    }

    /** Why the rows stopped early, if the database failed after the first row (the result then ends with an error). */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(table.failure()).map(DatabaseErrors::primaryMessage);
    }

    /** Whether the failure after the first rows was the query's own (its values), not the service's. */
    public boolean failureIsClients() {
        return table.failure() != null && DatabaseErrors.classify(table.failure()) == DatabaseErrors.Verdict.CLIENT;
    }

    /** The rows written so far: after {@link #writeTo}, the result's. */
    public long rowsDelivered() {
        return table.rowsDelivered();
    }

    /** Whether MAXREC cut the result (complete only after {@link #writeTo}). */
    public boolean overflowed() {
        return table.status() == ResultTable.Status.OVERFLOW;
    }

    /** Streams the result and closes the query. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            ResultWriter.of(request.format()).write(table, info, out);
            // FINE: the request log's line already says that the request ended, its status and duration; at INFO,
            // this second line for every cone was a twentieth of a cone's server time (JFR)
            LOG.fine(() -> "TAP query done: " + table.rowsDelivered() + " rows, " + table.status() + ", "
                + request.format().name().toLowerCase(java.util.Locale.ROOT) + ", " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            cancel();
            LOG.log(Level.WARNING, "TAP result not delivered after " + table.rowsDelivered() + " rows: " + e, e);
            throw e;
        } finally {
            close();
        }
    }

    /** Stops the statement in the database (from any thread). */
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (table.stopReading()) {
            // a large result's rows are still being read ahead (the writer stopped early): end that read before
            // the cursor closes and the connection goes back to the pool
            try {
                statement.cancel();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "cancelling a read-ahead failed", e);
            }
            table.awaitReading();
        }
        cancellation.detach(); // the connection goes back to the pool: no cancel may follow it there
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing a TAP cursor failed", e);
        } finally {
            release(connection, hasUploads);
        }
    }

    /** Ends the (read-only) transaction and hands the connection back to the pool as it was lent. */
    static void release(Connection connection, boolean hadUploads) {
        try (Connection c = connection) {
            c.rollback();
            c.setAutoCommit(true);
            if (hadUploads) {
                try (Statement s = c.createStatement()) {
                    s.execute("DISCARD TEMP"); // the pooled session must not keep this request's uploads
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "releasing a query connection failed", e);
        }
    }
}
