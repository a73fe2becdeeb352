package org.voarchive.table;

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
import java.util.Optional;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.voarchive.database.Sql;
import org.voarchive.database.Transactions;
import org.voarchive.obscore.ObsCoreStore;
import org.voarchive.obscore.ObsCoreView;

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
    private final String appRole;
    private final ObsCoreView.Site site;

    /**
     * For the commands: ivoa.obscore, when a replaced table is mapped to it, is rebuilt with the base URL and
     * authority of the environment ({@link ObsCoreView.Site#fromEnvironment}).
     *
     * @param connection a connection on the owner role; its auto-commit state is restored
     * @param appRole    the application role, which reads whole tables (the query role never does)
     */
    public TableLoader(Connection connection, String appRole) {
        this(connection, appRole, ObsCoreView.Site.fromEnvironment(System.getenv()));
    }

    /** @param site what ivoa.obscore's access URLs and identifiers are built from, should it be rebuilt */
    public TableLoader(Connection connection, String appRole, ObsCoreView.Site site) {
        this.connection = connection;
        this.appRole = appRole;
        this.site = site;
    }

    /** Creates the schema if needed and (re)sets its description. */
    public void ensureSchema(String schema, String description) throws SQLException {
        Transactions.inTransaction(connection, () -> {
            execute("CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(schema));
            execute("COMMENT ON SCHEMA " + Sql.identifier(schema) + " IS " + Sql.literal(description));
            // the query role's USAGE comes with publishing (archive.sync_query_grants)
            execute("GRANT USAGE ON SCHEMA " + Sql.identifier(schema) + " TO " + Sql.identifier(appRole));
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
        try (Loading loading = start(format.table())) {
            long lineNumber = 0;
            long count = 0;
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                lineNumber++;
                Optional<Object[]> row;
                try {
                    row = format.parse(line, count + 1);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(format.table().name() + ", line " + lineNumber + ": " + e.getMessage(), e);
                }
                if (row.isPresent()) {
                    loading.row(row.get());
                    count++;
                }
            }
            return loading.finish();
        }
    }

    /**
     * Starts replacing the table: in a new transaction, drops any table of that name,
     * creates it and opens the COPY. Rows follow with {@link Loading#row}; nothing is
     * visible to others until {@link Loading#finish}, and closing without finishing
     * rolls everything back.
     */
    public Loading start(TableDefinition table) throws SQLException {
        return new Loading(table);
    }

    /** One table being loaded. */
    public final class Loading implements AutoCloseable {

        private final TableDefinition table;
        private final String name;
        private final boolean autoCommit;
        private final int ra;
        private final int dec;
        private final PGCopyOutputStream stream;
        private final Writer out;
        private final CopyEncoder encoder;
        private long count;
        private boolean done;
        private final boolean obsCoreDropped;

        private Loading(TableDefinition table) throws SQLException {
            this.table = table;
            this.name = Sql.identifier(table.schema(), table.name());
            this.autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                obsCoreDropped = dropObsCoreIfReading(name);
                execute("DROP TABLE IF EXISTS " + name);
                execute(createTable(table));
                ra = table.hasPosition() ? table.indexOf(table.raColumn()) : -1;
                dec = table.hasPosition() ? table.indexOf(table.decColumn()) : -1;
                StringJoiner columns = new StringJoiner(", ");
                table.columns().forEach(c -> columns.add(Sql.identifier(c.name())));
                if (table.hasPosition()) {
                    columns.add(Sql.identifier(TableDefinition.POSITION_COLUMN));
                }
                stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY " + name + " (" + columns + ") FROM STDIN (FORMAT csv)", 1 << 16);
                out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                encoder = new CopyEncoder(out);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                throw e;
            }
        }

        /** One row, values in the order of the definition's columns. */
        public void row(Object[] values) throws IOException {
            if (values.length != table.columns().size()) {
                throw new IllegalArgumentException(table.name() + ", row " + (count + 1) + ": " + values.length
                    + " values for " + table.columns().size() + " columns");
            }
            encoder.write(table.hasPosition() ? withPosition(values, ra, dec) : values);
            count++;
        }

        /**
         * Ends the COPY, adds keys, indexes, descriptions and grants (the query role's: the published columns
         * the metadata already names for this table, if any), commits, and refreshes statistics.
         */
        public long finish() throws SQLException, IOException {
            out.close(); // ends the COPY
            String key = table.primaryKey() != null ? table.primaryKey() : TableDefinition.ROW_ID_COLUMN;
            execute("ALTER TABLE " + name + " ADD PRIMARY KEY (" + Sql.identifier(key) + ")");
            if (table.hasPosition()) {
                execute("CREATE INDEX " + Sql.identifier(table.name() + "_" + TableDefinition.POSITION_COLUMN + "_idx")
                    + " ON " + name + " USING gist (" + Sql.identifier(TableDefinition.POSITION_COLUMN) + ")");
                // ADQL's POINT(ra, dec) translates to exactly this expression: cones and cross-matches
                // written in ADQL use this index without any mapping to the pos column
                execute("CREATE INDEX " + Sql.identifier(table.name() + "_radec_idx") + " ON " + name
                    + " USING gist (spoint(radians(" + Sql.identifier(table.raColumn()) + "), radians("
                    + Sql.identifier(table.decColumn()) + ")))");
            }
            comment(table, name);
            if (obsCoreDropped) {
                new ObsCoreStore(connection, site).rebuild();
            }
            execute("GRANT SELECT ON " + name + " TO " + Sql.identifier(appRole));
            execute("SELECT archive.sync_query_grants()");
            connection.commit();
            done = true;
            connection.setAutoCommit(autoCommit);
            // outside the transaction: VACUUM records exact row counts and the visibility map
            boolean previous = connection.getAutoCommit();
            connection.setAutoCommit(true);
            execute("VACUUM (ANALYZE) " + name);
            connection.setAutoCommit(previous);
            return count;
        }

        /** Rolls back unless finished. */
        @Override
        public void close() throws SQLException {
            if (done) {
                return;
            }
            try {
                if (stream.isActive()) {
                    stream.cancelCopy();
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * ivoa.obscore, a view, keeps a table it reads from being dropped: it goes too, in this transaction, and
     * comes back from the stored mappings before the commit (the replaced table has the same columns; if not,
     * the rebuild leaves its mapping out and says so).
     *
     * @return whether it was dropped
     */
    private boolean dropObsCoreIfReading(String qualifiedName) throws SQLException {
        try (java.sql.PreparedStatement s = connection.prepareStatement("""
                SELECT EXISTS (SELECT FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                                WHERE r.ev_class = to_regclass('ivoa.obscore') AND d.refobjid = to_regclass(?))
                       AS obscore_reads""")) {
            s.setString(1, qualifiedName);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean("obscore_reads")) {
                    return false;
                }
            }
        }
        execute("DROP VIEW ivoa.obscore");
        return true;
    }

    private static String createTable(TableDefinition table) {
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnDefinition c : table.columns()) {
            columns.add(Sql.identifier(c.name()) + " " + c.sqlType() + (c.nullable() ? "" : " NOT NULL"));
        }
        if (table.hasPosition()) {
            columns.add(Sql.identifier(TableDefinition.POSITION_COLUMN) + " spoint");
        }
        if (table.primaryKey() == null) {
            columns.add(Sql.identifier(TableDefinition.ROW_ID_COLUMN) + " bigint GENERATED ALWAYS AS IDENTITY");
        }
        return "CREATE TABLE " + Sql.identifier(table.schema(), table.name()) + " (" + columns + ")";
    }

    /** The row plus its pg_sphere point in spoint's text form, degrees; NULL where RA or Dec is. */
    private static Object[] withPosition(Object[] row, int ra, int dec) {
        Object[] full = Arrays.copyOf(row, row.length + 1);
        full[row.length] = row[ra] == null || row[dec] == null ? null : "(" + row[ra] + "d, " + row[dec] + "d)";
        return full;
    }

    private void comment(TableDefinition table, String name) throws SQLException {
        execute("COMMENT ON TABLE " + name + " IS " + Sql.literal(table.description()));
        for (ColumnDefinition c : table.columns()) {
            execute("COMMENT ON COLUMN " + name + "." + Sql.identifier(c.name()) + " IS " + Sql.literal(c.description()));
        }
        if (table.hasPosition()) {
            execute("COMMENT ON COLUMN " + name + "." + Sql.identifier(TableDefinition.POSITION_COLUMN) + " IS "
                + Sql.literal("Position (ICRS) as a pg_sphere point, derived from "
                    + table.raColumn() + " and " + table.decColumn()));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
