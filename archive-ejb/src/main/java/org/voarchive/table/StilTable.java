package org.voarchive.table;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;
import org.voarchive.table.TableRefusedException;
import org.voarchive.table.UntrustedTable;
import org.voarchive.metadata.TableName;

/**
 * A VOTable, FITS or CSV file read with STIL and streamed into a
 * {@link TableLoader}: column types from the file's FIELDs, RA/Dec found by UCD
 * (for the position column and its indexes), the primary key from the column
 * with UCD meta.id;meta.main. Rows are never all in memory.
 */
public final class StilTable {

    /** How often {@link #ingest} reports progress, in rows. */
    public static final int PROGRESS_ROWS = 10000;

    /** STIL's input handler names, by file name ending. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".vot") || name.endsWith(".votable") || name.endsWith(".xml")) {
            return "votable";
        }
        if (name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fits.gz")) {
            return "fits";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        throw new IllegalArgumentException("cannot tell the format of " + file + ": give votable, fits or csv");
    }

    private StilTable() {
    }

    /**
     * Streams {@code file} into a new table {@code schema.name}.
     *
     * @return the loaded table's definition and row count
     * @throws IllegalArgumentException if the file is not a table in that format (nothing is changed)
     */
    public static Loaded ingest(TableLoader loader, Path file, String format, String schema, String name)
            throws IOException, java.sql.SQLException {
        return ingest(loader, file, format, schema, name, rows -> { });
    }

    /**
     * As {@link #ingest(TableLoader, Path, String, String, String)}, telling the rows loaded every {@value #PROGRESS_ROWS}.
     *
     * @param format votable, fits or csv; null to tell it from the file's first bytes
     */
    public static Loaded ingest(TableLoader loader, Path file, String format, String schema, String name,
                                java.util.function.LongConsumer progress) throws IOException, java.sql.SQLException {
        Sink sink = new Sink(loader, schema, name, file.getFileName().toString(), progress);
        // an operator's file, but maybe from anywhere: checked as any upload is, without a size limit
        try (UntrustedTable table = UntrustedTable.open(file, format, Long.MAX_VALUE)) {
            table.stream(sink);
        } catch (IOException | RuntimeException e) {
            sink.abandon();
            if (sink.failure != null) {
                throw sink.failure;
            }
            if (e instanceof TableRefusedException) {
                throw new TableRefusedException(file.getFileName() + ": " + e.getMessage());
            }
            throw e;
        }
        if (sink.failure != null) {
            throw sink.failure;
        }
        if (sink.loading == null) {
            throw new IllegalArgumentException(file.getFileName() + " holds no table");
        }
        return new Loaded(sink.definition, sink.rows);
    }

    /** What was loaded. */
    public record Loaded(TableDefinition table, long rows) {
    }

    /** Receives STIL's stream: the metadata first, then the rows. */
    private static final class Sink implements TableSink {
        private final TableLoader loader;
        private final String schema;
        private final String name;
        private final String source;
        private TableDefinition definition;
        private TableLoader.Loading loading;
        private ColumnInfo[] columns;
        private long rows;
        private java.sql.SQLException failure;
        private final java.util.function.LongConsumer progress;

        Sink(TableLoader loader, String schema, String name, String source, java.util.function.LongConsumer progress) {
            this.progress = progress;
            this.loader = loader;
            this.schema = schema;
            this.name = name;
            this.source = source;
        }

        @Override
        public void acceptMetadata(StarTable meta) throws TableFormatException {
            columns = new ColumnInfo[meta.getColumnCount()];
            List<ColumnDefinition> defs = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                columns[i] = meta.getColumnInfo(i);
                defs.add(column(columns[i]));
            }
            definition = new TableDefinition(schema, name, "Ingested from " + source, defs, primaryKey(defs),
                byUcd(defs, "pos.eq.ra").orElse(null), byUcd(defs, "pos.eq.dec").orElse(null));
            if ((definition.raColumn() == null) != (definition.decColumn() == null)) {
                definition = new TableDefinition(schema, name, definition.description(), defs, definition.primaryKey(), null, null);
            }
            try {
                loading = loader.start(definition);
            } catch (java.sql.SQLException e) {
                failure = e;
                throw new TableFormatException("cannot create " + new TableName(schema, name) + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            Object[] values = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = value(row[i], definition.columns().get(i));
            }
            loading.row(values);
            if (++rows % PROGRESS_ROWS == 0) {
                progress.accept(rows);
            }
        }

        @Override
        public void endRows() throws IOException {
            try {
                loading.finish();
            } catch (java.sql.SQLException e) {
                failure = e;
                abandon();
            }
        }

        void abandon() {
            if (loading != null) {
                try {
                    loading.close();
                } catch (java.sql.SQLException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    /** A column's PostgreSQL type ({@link ColumnTypes}: DALI points, circles and polygons as pg_sphere types). */
    public static ColumnDefinition column(ColumnInfo info) {
        String description = info.getDescription() == null || info.getDescription().isBlank() ? null : info.getDescription();
        return new ColumnDefinition(info.getName(), ColumnTypes.sqlType(info), true, blankToNull(info.getUnitString()),
            blankToNull(info.getUCD()), false, description);
    }

    /**
     * A cell of a column of that definition as the COPY encoder writes it: DALI points, circles and polygons in
     * pg_sphere's text form.
     *
     * @throws IllegalArgumentException for a polygon that is no list of vertices (an odd count of numbers, or fewer than 3 vertices)
     */
    public static Object value(Object cell, ColumnDefinition column) {
        return value(cell, column.sqlType());
    }

    /** As {@link #value(Object, ColumnDefinition)}, for a column of that PostgreSQL type. */
    static Object value(Object cell, String sqlType) {
        if (cell != null && cell.getClass().isArray() && sqlType.equals("spoly")) {
            return polygon(cell);
        }
        if (cell != null && cell.getClass().isArray() && (sqlType.equals("spoint") || sqlType.equals("scircle"))) {
            double[] v = new double[Array.getLength(cell)];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) Array.get(cell, i)).doubleValue();
            }
            if (v.length < 2 || Double.isNaN(v[0]) || Double.isNaN(v[1])) {
                return null;
            }
            String point = "(" + v[0] + "d, " + v[1] + "d)";
            return sqlType.equals("spoint") ? point : v.length < 3 || Double.isNaN(v[2]) ? null : "<" + point + ", " + v[2] + "d>";
        }
        return value(cell);
    }

    /** DALI polygon (lon1, lat1, lon2, lat2, ... in degrees) as spoly text; NULL for an empty or all-NaN array. */
    private static String polygon(Object cell) {
        int n = Array.getLength(cell);
        StringJoiner vertices = new StringJoiner(", ", "{", "}");
        boolean allNaN = true;
        for (int i = 0; i < n; i++) {
            allNaN &= Double.isNaN(((Number) Array.get(cell, i)).doubleValue());
        }
        if (allNaN) {
            return null;
        }
        if (n % 2 != 0 || n < 6) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices of 2 numbers each, not " + n + " numbers");
        }
        for (int i = 0; i < n; i += 2) {
            double lon = ((Number) Array.get(cell, i)).doubleValue();
            double lat = ((Number) Array.get(cell, i + 1)).doubleValue();
            if (Double.isNaN(lon) || Double.isNaN(lat)) {
                throw new IllegalArgumentException("a polygon vertex is NaN");
            }
            vertices.add("(" + lon + "d, " + lat + "d)");
        }
        return vertices.toString();
    }

    /** A cell as the COPY encoder writes it: floating NaN (VOTable's null for floats) is NULL; arrays as PostgreSQL arrays. */
    static Object value(Object cell) {
        if (cell instanceof Double d && d.isNaN() || cell instanceof Float f && f.isNaN()) {
            return null;
        }
        if (cell != null && cell.getClass().isArray()) {
            StringJoiner array = new StringJoiner(",", "{", "}");
            for (int i = 0; i < Array.getLength(cell); i++) {
                Object element = Array.get(cell, i);
                array.add(element == null ? "NULL" : element instanceof String s
                    ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : element.toString());
            }
            return array.toString();
        }
        return cell instanceof Byte b ? Short.valueOf(b) : cell instanceof Character ch ? ch.toString() : cell;
    }

    private static Optional<String> byUcd(List<ColumnDefinition> defs, String ucd) {
        Optional<String> main = defs.stream()
            .filter(d -> d.ucd() != null && d.ucd().equalsIgnoreCase(ucd + ";meta.main") && isReal(d))
            .map(ColumnDefinition::name).findFirst();
        return main.or(() -> defs.stream()
            .filter(d -> d.ucd() != null && d.ucd().toLowerCase(Locale.ROOT).startsWith(ucd) && isReal(d))
            .map(ColumnDefinition::name).findFirst());
    }

    private static boolean isReal(ColumnDefinition d) {
        return d.sqlType().equals("double precision") || d.sqlType().equals("real");
    }

    private static String primaryKey(List<ColumnDefinition> defs) {
        return defs.stream().filter(d -> "meta.id;meta.main".equalsIgnoreCase(d.ucd()) && !d.sqlType().endsWith("[]"))
            .map(ColumnDefinition::name).findFirst().orElse(null);
    }

    /** A STIL column's unit, UCD, utype or description: null when it has none, as blank text is none. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
