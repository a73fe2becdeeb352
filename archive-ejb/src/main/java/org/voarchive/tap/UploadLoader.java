package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;
import org.voarchive.dali.DaliException;
import org.voarchive.database.Sql;
import org.voarchive.metadata.DatabaseTypes;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.ColumnNames;
import org.voarchive.table.CopyEncoder;
import org.voarchive.table.StilTable;
import org.voarchive.table.TableRefusedException;
import org.voarchive.table.UntrustedTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.votable.VOStarTable;

/**
 * Loads TAP uploads into temporary tables of the query connection's session
 * (TAP 1.1 section 2.5.4): invisible to every other session, so concurrent
 * users never collide, and gone when the session discards them. VOTable, FITS
 * and CSV are checked and read by {@link UntrustedTable}; DALI point and circle columns become pg_sphere
 * columns so that uploads take part in CONTAINS/DISTANCE cross-matches. {@link #describe} reads an upload the
 * same way, rows and limits included, for a check of a query that stores nothing.
 */
final class UploadLoader {

    /** Where the checker finds uploads: ADQL's TAP_UPLOAD schema maps to the session's temporary schema. */
    static final String ADQL_SCHEMA = "TAP_UPLOAD";
    private static final String TEMPORARY_SCHEMA = "pg_temp";

    private final Connection connection;
    private final String anonymousRole;
    private final long maxRows;
    private final long maxBytes;

    /**
     * @param connection    the query connection, in a read-write transaction the caller commits
     * @param anonymousRole the role anonymous callers' queries run as, which is granted SELECT on each upload
     */
    UploadLoader(Connection connection, TapLimits limits, String anonymousRole) {
        this.connection = connection;
        this.anonymousRole = anonymousRole;
        this.maxRows = limits.uploadMaxRows();
        this.maxBytes = limits.uploadMaxBytes();
    }

    /**
     * @param file the upload as {@link SpooledUploads} wrote it, within the byte limit
     * @return the table as the ADQL checker sees it
     * @throws DaliException for a table that is not readable or is over the limits (400)
     */
    TableInfo load(String name, Path file) throws DaliException, SQLException, IOException {
        TableInfo table = read(name, file, maxRows, maxBytes, this::copy);
        execute("ANALYZE " + Sql.identifier(TEMPORARY_SCHEMA, name));
        return table;
    }

    /**
     * The upload as {@link #load} would make it a table for the checker, without a database: every row read
     * and converted as for the query, within the same limits, and none stored (the portal's check of a query
     * with uploads, {@link QueryService#check}). Only a value the database itself would refuse passes here.
     */
    static TableInfo describe(String name, Path file, TapLimits limits) throws DaliException, IOException {
        try {
            return read(name, file, limits.uploadMaxRows(), limits.uploadMaxBytes(), (table, columns) -> values -> { });
        } catch (SQLException e) {
            throw new IllegalStateException("an upload read for a check touched no database", e);
        }
    }

    /** Where the converted rows of an upload go once its columns are known. */
    @FunctionalInterface
    private interface Destination {
        Rows open(String name, List<ColumnDefinition> columns) throws SQLException, IOException;
    }

    /** The rows of one upload, each given once; closed after the last (or a failure). */
    @FunctionalInterface
    private interface Rows extends AutoCloseable {
        void write(Object[] values) throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /** Reads and checks the upload, row by row into {@code destination}: the one reader of TAP uploads. */
    private static TableInfo read(String name, Path file, long maxRows, long maxBytes, Destination destination)
            throws DaliException, SQLException, IOException {
        // the spooled file is within the byte limit; decompressed, it must be too
        try (UntrustedTable upload = UntrustedTable.open(file, null, maxBytes)) {
            return read(name, upload, maxRows, destination);
        } catch (TableRefusedException e) {
            throw DaliException.badRequest("UPLOAD " + name + ": " + e.getMessage());
        }
    }

    private static TableInfo read(String name, UntrustedTable upload, long maxRows, Destination destination)
            throws DaliException, SQLException, IOException {
        // through disk storage: the file is on disk already and limited in size
        StarTable table = upload.read(StoragePolicy.PREFER_DISK);
        List<ColumnDefinition> columns = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            columns.add(StilTable.column(table.getColumnInfo(i)));
        }
        if (columns.isEmpty()) {
            throw DaliException.badRequest("UPLOAD " + name + " has no columns");
        }
        checkColumnNames(name, columns.stream().map(ColumnDefinition::name).toList());
        long rows = 0;
        Rows out = destination.open(name, columns); // before the rows: its own failures are not a row's
        try (out; RowSequence seq = table.getRowSequence()) {
            Object[] values = new Object[columns.size()];
            while (next(name, seq)) {
                if (++rows > maxRows) {
                    throw DaliException.badRequest("UPLOAD " + name + " has more than the limit of " + maxRows + " rows");
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = convert(name, rows, columns.get(i), cell(name, seq, i));
                }
                out.write(values);
            }
        } catch (IOException e) {
            // PGCopyOutputStream reports the server's refusal of a row as an IOException around the SQLException
            if (e.getCause() instanceof SQLException sql) {
                throw copyRefused(name, sql);
            }
            throw e;
        }
        List<ColumnInfo> adqlColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDefinition c = columns.get(i);
            uk.ac.starlink.table.ColumnInfo stil = table.getColumnInfo(i);
            adqlColumns.add(new ColumnInfo(c.name(), uploadedType(c, stil), c.unit(), c.ucd(),
                blankToNull(stil.getUtype()), c.description()));
        }
        return new TableInfo(ADQL_SCHEMA, name, "Uploaded table (" + rows + " rows)", adqlColumns, TEMPORARY_SCHEMA);
    }

    /** A temporary table of the session for the upload, and COPY into it. */
    private Rows copy(String name, List<ColumnDefinition> columns) throws SQLException, IOException {
        String sqlName = Sql.identifier(TEMPORARY_SCHEMA, name);
        StringJoiner definition = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        for (ColumnDefinition c : columns) {
            definition.add(Sql.identifier(c.name()) + " " + c.sqlType());
            names.add(Sql.identifier(c.name()));
        }
        execute("CREATE TEMPORARY TABLE " + Sql.identifier(name) + " (" + definition + ")");
        // the session's own table (its temporary schema is usable by any role the session takes on): readable
        // by the anonymous role too, whoever the caller; DISCARD TEMP drops it with its privileges
        execute("GRANT SELECT ON " + sqlName + " TO " + Sql.identifier(anonymousRole));
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
            "COPY " + sqlName + " (" + names + ") FROM STDIN (FORMAT csv)", 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
        CopyEncoder encoder = new CopyEncoder(out);
        return new Rows() {
            @Override
            public void write(Object[] values) throws IOException {
                encoder.write(values);
            }

            @Override
            public void close() throws IOException {
                out.close(); // ends the COPY
            }
        };
    }

    /** xtypes whose meaning the database type carries (pg_sphere types, timestamp): never taken from the upload alone. */
    private static final java.util.Set<String> STORED_XTYPES = java.util.Set.of("point", "circle", "polygon", "timestamp");

    /**
     * The column's type as results declare it: what its database type says, except that text the upload
     * declared {@code char} stays {@code char} (both are PostgreSQL text), and that an xtype the database
     * type cannot hold (e.g. {@code interval}, {@code uri}) is the upload's own, so that a client gets back
     * the type it sent (TAP 1.1 section 2.5.4; taplint's W-UPL-TMDA). A geometry or timestamp xtype comes
     * only from the stored type: the checker and translator treat such columns as pg_sphere values or
     * timestamps, which a column stored otherwise (e.g. "point" on text) is not.
     */
    static ValueType uploadedType(ColumnDefinition c, uk.ac.starlink.table.ColumnInfo stil) {
        ValueType type = DatabaseTypes.votable(c.sqlType());
        String declared = stil.getAuxDatumValue(VOStarTable.DATATYPE_INFO, String.class);
        String datatype = "char".equals(declared) && "unicodeChar".equals(type.datatype()) ? "char" : type.datatype();
        String xtype = type.xtype();
        String uploadedXtype = blankToNull(stil.getXtype());
        if (xtype == null && uploadedXtype != null && !STORED_XTYPES.contains(uploadedXtype.toLowerCase(java.util.Locale.ROOT))) {
            xtype = uploadedXtype;
        }
        return new ValueType(datatype, type.arraysize(), xtype);
    }

    /**
     * The column names of an upload as PostgreSQL and ADQL can hold them ({@link ColumnNames#check}).
     *
     * @throws DaliException 400 naming the column
     */
    static void checkColumnNames(String upload, List<String> names) throws DaliException {
        try {
            ColumnNames.check(names);
        } catch (TableRefusedException e) {
            throw DaliException.badRequest("UPLOAD " + upload + ": " + e.getMessage());
        }
    }

    /** A cell as COPY writes it; a value that does not convert is the upload's fault, named by row and column. */
    private static Object convert(String upload, long row, ColumnDefinition column, Object value) throws DaliException {
        try {
            return StilTable.value(value, column);
        } catch (IllegalArgumentException e) {
            // StilTable's own refusals say what is wrong with the value
            throw DaliException.badRequest("UPLOAD " + upload + ", row " + row + ", column " + column.name() + ": "
                + e.getMessage());
        } catch (RuntimeException e) {
            throw DaliException.badRequest("UPLOAD " + upload + ", row " + row + ", column " + column.name()
                + ": the value cannot be read as " + column.sqlType() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The database refusing a value of the upload (a 400 naming where, from COPY's context), or a fault here. */
    private static DaliException copyRefused(String upload, SQLException e) throws SQLException {
        if (org.voarchive.database.DatabaseErrors.classify(e) != org.voarchive.database.DatabaseErrors.Verdict.CLIENT) {
            throw e;
        }
        // "COPY name, line 3, column dec": the upload's own table, row and column
        String where = org.voarchive.database.DatabaseErrors.copyPosition(e).map(p -> " (row " + p.line()
            + (p.column() == null ? "" : ", column " + p.column()) + ")").orElse("");
        return DaliException.badRequest("UPLOAD " + upload + ": a value is not acceptable"
            + where + ": " + org.voarchive.database.DatabaseErrors.primaryMessage(e));
    }

    /*
     * Reading rows of a checked file fails only on its content (a value STIL cannot parse, a short row):
     * the client's mistake, so a 400, unlike failures writing to the database.
     */
    private static boolean next(String name, RowSequence rows) throws DaliException {
        try {
            return rows.next();
        } catch (IOException | RuntimeException e) {
            throw DaliException.badRequest("UPLOAD " + name + " has an unreadable row: " + e.getMessage());
        }
    }

    private static Object cell(String name, RowSequence rows, int column) throws DaliException {
        try {
            return rows.getCell(column);
        } catch (IOException | RuntimeException e) {
            throw DaliException.badRequest("UPLOAD " + name + " has an unreadable value in column " + (column + 1) + ": "
                + e.getMessage());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
