package org.voarchive.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.voarchive.database.Sql;

/**
 * Loads a catalogue into a new science table, streaming rows with COPY so
 * memory does not grow with the file. Everything happens in one transaction:
 * a malformed line or a database error leaves the previous table (if any)
 * untouched. The table gets its primary key, a pg_sphere position column with
 * a GiST index, a GiST index on the position as ADQL queries compute it,
 * descriptions as COMMENTs, SELECT for the read roles, and fresh planner
 * statistics.
 */
public final class TableLoader {

    private final Connection connection;
    private final List<String> readerRoles;

    /**
     * @param connection  a connection on the owner role; its auto-commit state is restored
     * @param readerRoles the roles granted SELECT (the query and application roles)
     */
    public TableLoader(Connection connection, List<String> readerRoles) {
        this.connection = connection;
        this.readerRoles = List.copyOf(readerRoles);
    }

    /** Creates the schema if needed and (re)sets its description. */
    public void ensureSchema(String schema, String description) throws SQLException, IOException {
        inTransaction(() -> {
            execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(schema));
            execute("COMMENT ON SCHEMA " + Sql.identifier(schema) + " IS " + Sql.literal(description));
            for (String role : readerRoles) {
                execute("GRANT USAGE ON SCHEMA " + Sql.identifier(schema) + " TO " + Sql.identifier(role));
            }
            return null;
        });
    }

    /**
     * Replaces the format's table with the rows read from {@code input}.
     *
     * @return the number of rows loaded
     * @throws IllegalArgumentException naming the line if the input is malformed (nothing is changed)
     */
    public long load(CatalogueFormat format, BufferedReader input) throws SQLException, IOException {
        TableDefinition table = format.table();
        String name = Sql.identifier(table.schema(), table.name());
        long rows = inTransaction(() -> {
            execute("DROP TABLE IF EXISTS " + name);
            execute(createTable(table));
            long count = copy(format, input, name);
            execute("ALTER TABLE " + name + " ADD PRIMARY KEY (" + Sql.identifier(table.primaryKey()) + ")");
            execute("CREATE INDEX " + Sql.identifier(table.name() + "_" + TableDefinition.POSITION_COLUMN + "_idx")
                + " ON " + name + " USING gist (" + Sql.identifier(TableDefinition.POSITION_COLUMN) + ")");
            // ADQL's POINT(ra, dec) translates to exactly this expression: cones and cross-matches
            // written in ADQL use this index without any mapping to the pos column
            execute("CREATE INDEX " + Sql.identifier(table.name() + "_radec_idx") + " ON " + name
                + " USING gist (spoint(radians(" + Sql.identifier(table.raColumn()) + "), radians("
                + Sql.identifier(table.decColumn()) + ")))");
            comment(table, name);
            for (String role : readerRoles) {
                execute("GRANT SELECT ON " + name + " TO " + Sql.identifier(role));
            }
            return count;
        });
        // outside the transaction: VACUUM records exact row counts and the visibility map
        execute("VACUUM (ANALYZE) " + name);
        return rows;
    }

    private static String createTable(TableDefinition table) {
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnDefinition c : table.columns()) {
            columns.add(Sql.identifier(c.name()) + " " + c.sqlType() + (c.nullable() ? "" : " NOT NULL"));
        }
        columns.add(Sql.identifier(TableDefinition.POSITION_COLUMN) + " spoint NOT NULL");
        return "CREATE TABLE " + Sql.identifier(table.schema(), table.name()) + " (" + columns + ")";
    }

    private long copy(CatalogueFormat format, BufferedReader input, String name) throws SQLException, IOException {
        TableDefinition table = format.table();
        int ra = table.indexOf(table.raColumn());
        int dec = table.indexOf(table.decColumn());
        StringJoiner columns = new StringJoiner(", ");
        table.columns().forEach(c -> columns.add(Sql.identifier(c.name())));
        columns.add(Sql.identifier(TableDefinition.POSITION_COLUMN));
        String sql = "COPY " + name + " (" + columns + ") FROM STDIN (FORMAT csv)";

        PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        long count = 0;
        long lineNumber = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            CopyEncoder encoder = new CopyEncoder(out);
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                lineNumber++;
                Optional<Object[]> row;
                try {
                    row = format.parse(line, count + 1);
                } catch (RuntimeException e) {
                    stream.cancelCopy();
                    throw new IllegalArgumentException(
                        table.name() + ", line " + lineNumber + ": " + e.getMessage(), e);
                }
                if (row.isPresent()) {
                    encoder.write(withPosition(row.get(), ra, dec));
                    count++;
                }
            }
        }
        return count;
    }

    /** The row plus its pg_sphere point in spoint's text form, degrees. */
    private static Object[] withPosition(Object[] row, int ra, int dec) {
        Object[] full = Arrays.copyOf(row, row.length + 1);
        full[row.length] = "(" + row[ra] + "d, " + row[dec] + "d)";
        return full;
    }

    private void comment(TableDefinition table, String name) throws SQLException {
        execute("COMMENT ON TABLE " + name + " IS " + Sql.literal(table.description()));
        for (ColumnDefinition c : table.columns()) {
            execute("COMMENT ON COLUMN " + name + "." + Sql.identifier(c.name()) + " IS " + Sql.literal(c.description()));
        }
        execute("COMMENT ON COLUMN " + name + "." + Sql.identifier(TableDefinition.POSITION_COLUMN) + " IS "
            + Sql.literal("Position (ICRS) as a pg_sphere point, derived from "
                + table.raColumn() + " and " + table.decColumn()));
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
