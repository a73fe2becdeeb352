package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.LongPredicate;
import org.postgresql.PGConnection;
import org.voarchive.database.Sql;
import org.voarchive.metadata.TableName;
import org.voarchive.table.CopyEncoder;

/**
 * A result on its way to its kept table, in two steps. While the rows stream to the result file, each is
 * written to a file of the job's as PostgreSQL's own text of its values and the row number {@link KeptColumn#ROW},
 * in COPY's CSV form, so that every type comes back as it was. The table is made from that file the first time
 * the result is read ({@link #load}): most results are never read again, and making a table (and dropping it
 * with the job) costs the database more than the whole of a trivial job.
 */
final class ResultCopy implements ResultTable.RowSink, AutoCloseable {

    /** Rows between checks of the quota. */
    private static final int CHECK_EVERY = 1000;
    /**
     * The fewest bytes a row takes in the table, whatever its values: its tuple header and line pointer (28), its
     * row number (8) and its key's index entry (16). Values can take less than their text (numbers) or be
     * compressed (long text), so only this bound tells early that a table cannot fit.
     */
    private static final long MIN_ROW_BYTES = 52;

    private final Path file;
    private final Writer out;
    private final CopyEncoder encoder;
    private final int columns;
    private final Object[] values;
    private final LongPredicate fits;
    private long rows;
    private boolean overQuota;
    private Exception failure;
    private boolean closed;

    /**
     * Starts the file of the rows.
     *
     * @param fits whether a table of so many bytes would still fit in the owner's quota: the copy stops as soon
     *             as its rows could not, rather than keep rows whose table could never be made
     */
    ResultCopy(Path file, int columns, LongPredicate fits) throws IOException {
        this.file = file;
        this.fits = fits;
        this.columns = columns;
        this.values = new Object[columns + 1];
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        this.encoder = new CopyEncoder(out);
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
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getString(i + 1); // null for NULL, which the encoder writes as COPY's NULL
            }
            values[columns] = number;
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

    /** Ends the file, once the rows are all written. @return its bytes */
    long end() throws IOException {
        if (failure != null) {
            throw new IOException("copying the rows failed: " + failure.getMessage(), failure);
        }
        closed = true;
        out.close();
        return Files.size(file);
    }

    /** Closes the file if it was not ended (its rows are not kept; the caller deletes it). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(ResultCopy.class.getName())
                .log(java.util.logging.Level.FINE, "closing the file of a kept result's rows failed", e);
        }
    }

    /**
     * Makes the kept table from the file of its rows, in the caller's transaction on {@code connection} (of the
     * application role, which owns the table): one column per result column, of the type the cursor reported, and
     * the row number; {@code COPY ... FREEZE} into the table created in the same transaction writes the rows frozen
     * and all-visible, so index-only scans page it at once, without waiting for a VACUUM; then its key, statistics,
     * and SELECT for the query role if its owner may query it in ADQL.
     */
    static void load(Connection connection, TableName table, List<KeptColumn> columns, Path file, String queryRole)
            throws SQLException, IOException {
        StringJoiner definition = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        for (KeptColumn c : columns) {
            definition.add(Sql.identifier(c.name()) + " " + c.sqlDefinition());
            names.add(Sql.identifier(c.name()));
        }
        definition.add(Sql.identifier(KeptColumn.ROW) + " bigint NOT NULL");
        names.add(Sql.identifier(KeptColumn.ROW));
        execute(connection, "CREATE TABLE " + table.sql() + " (" + definition + ")");
        try (InputStream in = Files.newInputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + table.sql() + " (" + names + ") FROM STDIN (FORMAT csv, FREEZE)", in, 1 << 16);
        }
        // sent together in one round trip
        execute(connection, "ALTER TABLE " + table.sql() + " ADD PRIMARY KEY (" + Sql.identifier(KeptColumn.ROW)
            + "); ANALYZE " + table.sql()
            + (queryRole == null ? "" : "; GRANT SELECT ON " + table.sql() + " TO " + Sql.identifier(queryRole)));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
