package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.LongPredicate;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.voarchive.database.Sql;
import org.voarchive.metadata.TableName;
import org.voarchive.table.CopyEncoder;

/**
 * A result copied into its kept table while the rows stream to the result file: one transaction on a connection
 * of the application role that creates the table (one column per result column, of the type the cursor reported,
 * and the row number {@link KeptColumn#ROW}), COPYs each row in as PostgreSQL's own text of its values (so every
 * type comes back as it was), then keys, analyses and grants it. {@code COPY ... FREEZE} into the table created
 * in the same transaction writes the rows frozen and all-visible, so index-only scans page it at once, without
 * waiting for a VACUUM. Nothing is visible before {@link #commit}; a copy that failed is rolled back whole.
 */
final class ResultCopy implements ResultTable.RowSink, AutoCloseable {

    /** Rows between checks of the quota. */
    private static final int CHECK_EVERY = 1000;
    /**
     * The fewest bytes a row takes, whatever its values: its tuple header and line pointer (28), its row number
     * (8) and its key's index entry (16). Values can take less than their text (numbers) or be compressed (long
     * text), so only this bound tells early that a table cannot fit.
     */
    private static final long MIN_ROW_BYTES = 52;

    private final Connection connection;
    private final TableName table;
    private final List<KeptColumn> columns;
    private PGCopyOutputStream copy;
    private Writer out;
    private CopyEncoder encoder;
    private final Object[] values;
    private final LongPredicate fits;
    private long rows;
    private boolean overQuota;
    private Exception failure;
    private boolean closed;

    /**
     * Creates the table and starts the COPY, in a transaction on {@code connection}, which the copy owns from now
     * on (closing the copy rolls back what was not committed and closes it).
     *
     * @param fits whether a table of so many bytes would still fit in the owner's quota: the copy stops as soon
     *             as its rows could not, rather than fill a table that cannot be kept
     */
    ResultCopy(Connection connection, TableName table, List<KeptColumn> columns, LongPredicate fits) throws SQLException {
        this.connection = connection;
        this.fits = fits;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.values = new Object[columns.size() + 1];
        try {
            connection.setAutoCommit(false);
            StringJoiner definition = new StringJoiner(", ");
            StringJoiner names = new StringJoiner(", ");
            for (KeptColumn c : columns) {
                definition.add(Sql.identifier(c.name()) + " " + c.sqlDefinition());
                names.add(Sql.identifier(c.name()));
            }
            definition.add(Sql.identifier(KeptColumn.ROW) + " bigint NOT NULL");
            names.add(Sql.identifier(KeptColumn.ROW));
            execute("CREATE TABLE " + table.sql() + " (" + definition + ")");
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "COPY " + table.sql() + " (" + names + ") FROM STDIN (FORMAT csv, FREEZE)", 1 << 16);
            out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
            encoder = new CopyEncoder(out);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Copies the cursor's current row: each value as PostgreSQL's text of it; after a failure, nothing. */
    @Override
    public void row(ResultSet rs, long number) {
        if (failure != null) {
            return;
        }
        try {
            if (number % CHECK_EVERY == 0 && !fits.test(number * MIN_ROW_BYTES)) {
                overQuota = true;
                failure = new IOException("the table would not fit in the owner's storage quota");
                return;
            }
            for (int i = 0; i < columns.size(); i++) {
                values[i] = rs.getString(i + 1); // null for NULL, which the encoder writes as COPY's NULL
            }
            values[columns.size()] = number;
            encoder.write(values);
            rows = number;
        } catch (SQLException | IOException | RuntimeException e) {
            failure = e; // the result goes on; the copy will not be kept
        }
    }

    /** Whether the copy stopped because its table could not fit in the owner's quota. */
    boolean overQuota() {
        return overQuota;
    }

    long rows() {
        return rows;
    }

    /**
     * Ends the COPY and makes the table ready to page: its key, statistics, and SELECT for the query role if its
     * owner may query it in ADQL, sent together in one round trip (a trivial job's result is one of many a second).
     * The caller records the table and commits.
     */
    void end(String queryRole) throws SQLException, IOException {
        if (failure != null) {
            throw new IOException("copying the rows failed: " + failure.getMessage(), failure);
        }
        try {
            out.close(); // ends the COPY
        } catch (IOException e) {
            // the server's refusal of a row comes at the end of a buffer, wrapped
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        execute("ALTER TABLE " + table.sql() + " ADD PRIMARY KEY (" + Sql.identifier(KeptColumn.ROW) + "); ANALYZE "
            + table.sql() + (queryRole == null ? "" : "; GRANT SELECT ON " + table.sql() + " TO " + Sql.identifier(queryRole)));
    }

    Connection connection() {
        return connection;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rolls back whatever was not committed (the table with it) and gives the connection back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection c = connection) {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy(); // the COPY still open: its rows go, the rollback takes the table
            }
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            java.util.logging.Logger.getLogger(ResultCopy.class.getName())
                .log(java.util.logging.Level.FINE, "releasing a kept result's connection failed", e);
        }
    }
}
