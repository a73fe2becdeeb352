package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ResultColumn;
import org.voarchive.adql.check.ValueType;
import org.voarchive.dali.DataOrigin;
import org.voarchive.metadata.PublishedMetadata;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;

/**
 * A result spooled in FITS's row form is written byte for byte as STIL writes the same rows when it reads them
 * twice itself (the FITS the archive wrote before it spooled), for every kind of column a result has.
 */
class SpooledRowsTest {

    private static final DataOrigin ORIGIN = DataOrigin.of(new DataOrigin.Site("Example Data Centre", "a@example.org",
            "ivo://example.org", "https://example.org/landing/"), new DataOrigin.Request("ivo://ivoa.net/std/TAP",
            "TAP 1.1", "ivo://example.org/tap", "https://example.org/tap/sync", Instant.parse("2026-12-04T10:11:12Z"),
            "SELECT * FROM demo.t"), new PublishedMetadata(List.of()), List.of());

    /** A column as the archive makes it of a result column of this VOTable type. */
    private static ColumnInfo field(String name, String datatype, String arraysize, String xtype) {
        return ResultField.of(new ResultColumn(name, new ValueType(datatype, arraysize, xtype), "deg", "pos.eq.ra", null,
            "what " + name + " is", Optional.empty()), null, null).info();
    }

    /** Every VOTable type a result column can have, as the archive makes its metadata. */
    private static ColumnInfo[] resultColumns() {
        return new ColumnInfo[] {
            field("b", "boolean", null, null), field("ub", "unsignedByte", null, null), field("s", "short", null, null),
            field("i", "int", null, null), field("l", "long", null, null), field("f", "float", null, null),
            field("d", "double", null, null), field("c", "char", "*", null), field("u", "unicodeChar", "*", null),
            field("c8", "char", "8", null), field("t", "char", "*", "timestamp"),
            field("ba", "boolean", "*", null), field("sa", "short", "*", null), field("ia", "int", "*", null),
            field("la", "long", "*", null), field("fa", "float", "*", null), field("da", "double", "*", null),
            field("d3", "double", "3", null), field("i2", "int", "2", null), field("xa", "floatComplex", "*", null)};
    }

    private static final String[] STRINGS = {"", "a", "Sírius", "été ☃", "tab\there", "\u007f\u0080\u00ff", "😀 emoji",
        "lone \ud800 surrogate", "end \udc00", "2000-01-01T00:00:01", "x".repeat(300)};

    private static Object cell(ColumnInfo column, Random random) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        Class<?> type = column.getContentClass();
        if (type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == Short.class) {
            return (short) random.nextInt();
        }
        if (type == Integer.class) {
            return random.nextInt();
        }
        if (type == Long.class) {
            return random.nextLong();
        }
        if (type == Float.class) {
            // a NaN of other bits than Java's canonical one too
            return random.nextInt(10) == 0 ? Float.intBitsToFloat(0x7f800001) : (float) random.nextGaussian();
        }
        if (type == Double.class) {
            return random.nextInt(10) == 0 ? Double.longBitsToDouble(0x7ff0000000000001L) : random.nextGaussian() * 1e10;
        }
        if (type == String.class) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        int n = random.nextInt(5);
        Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), n);
        for (int k = 0; k < n; k++) {
            Object element = type == String[].class ? (random.nextInt(4) == 0 ? null : STRINGS[random.nextInt(STRINGS.length)])
                : type == boolean[].class ? random.nextBoolean() : type == double[].class ? random.nextDouble()
                : type == float[].class ? (random.nextInt(5) == 0 ? Float.NaN : random.nextFloat())
                : type == long[].class ? random.nextLong() : type == int[].class ? random.nextInt()
                : (Object) (short) random.nextInt();
            java.lang.reflect.Array.set(array, k, element);
        }
        return array;
    }

    private static RowListStarTable table(ColumnInfo[] columns, int rows, long seed) {
        RowListStarTable table = new RowListStarTable(columns);
        Random random = new Random(seed);
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[columns.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = cell(columns[i], random);
            }
            table.addRow(row);
        }
        return table;
    }

    /** STIL's FITS of the table, the rows read twice by STIL itself. */
    private static byte[] stil(StarTable table) throws IOException {
        return stil(table, false);
    }

    private static byte[] stil(StarTable table, boolean dated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OriginFitsWriter writer = new OriginFitsWriter(ORIGIN);
        writer.setWriteDate(dated);
        writer.writeStarTable(table, out);
        return out.toByteArray();
    }

    /** The FITS of the table spooled, as the archive writes a result. */
    private static byte[] spooled(StarTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpooledRows rows = new SpooledRows(table)) {
            OriginFitsWriter writer = new OriginFitsWriter(ORIGIN);
            writer.setWriteDate(false);
            writer.writeStarTable(rows, out);
        }
        return out.toByteArray();
    }

    private static void assertSameFits(StarTable table) throws IOException {
        byte[] expected = stil(table);
        byte[] actual = spooled(table);
        assertEquals(expected.length, actual.length, "bytes");
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                int block = i / 2880 * 2880;
                throw new AssertionError("byte " + i + " differs: " + expected[i] + " expected, " + actual[i]
                    + "; the block of STIL's: " + new String(expected, block, Math.min(2880, expected.length - block),
                    StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void everyKindOfResultColumnIsWhatStilWrites() throws IOException {
        assertSameFits(table(resultColumns(), 3_000, 1));
    }

    @Test
    void theRowsAreWhatTheyWereNotJustTheSameAsStil() throws IOException {
        // STIL's bytes are the reference; this says the reference is FITS: two rows, read back by STIL's reader
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {field("i", "int", null, null),
            field("c", "char", "*", null), field("da", "double", "*", null), field("f", "float", null, null)});
        table.addRow(new Object[] {7, "Sírius 😀", new double[] {1.5}, null});
        table.addRow(new Object[] {null, null, new double[] {2, 3}, 0.25f});
        uk.ac.starlink.table.StarTable read = new uk.ac.starlink.fits.FitsTableBuilder().makeStarTable(
            new uk.ac.starlink.util.ByteArrayDataSource("r.fits", spooled(table)), false,
            uk.ac.starlink.table.StoragePolicy.PREFER_MEMORY);
        assertEquals(2, read.getRowCount());
        try (uk.ac.starlink.table.RowSequence in = read.getRowSequence()) {
            assertTrue(in.next());
            assertEquals(List.of(7, "S?rius ?", List.of(1.5, Double.NaN), Float.NaN), asList(in.getRow()));
            assertTrue(in.next());
            assertEquals(List.of("null", "null", List.of(2.0, 3.0), 0.25f), asList(in.getRow()));
            assertFalse(in.next());
        }
    }

    private static List<Object> asList(Object[] row) {
        List<Object> cells = new ArrayList<>();
        for (Object cell : row) {
            if (cell instanceof double[] d) {
                cells.add(Arrays.stream(d).boxed().toList());
            } else {
                cells.add(cell == null ? "null" : cell);
            }
        }
        return cells;
    }

    @Test
    void valuesLongerThanTheSpoolsBlocksAreWhatStilWrites() throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {field("c", "char", "*", null),
            field("da", "double", "*", null), field("xa", "floatComplex", "*", null), field("i", "int", null, null)});
        table.addRow(new Object[] {"x".repeat(1_500_000), new double[200_000], new String[] {"y".repeat(1_100_000)}, 1});
        table.addRow(new Object[] {"é".repeat(1_200_000), null, new String[] {null, "z"}, 2});
        table.addRow(new Object[] {null, new double[] {1}, null, null});
        assertSameFits(table);
    }

    @Test
    void columnsOfOnlyNullsAndEmptyValuesAreWhatStilWrites() throws IOException {
        ColumnInfo[] columns = resultColumns();
        RowListStarTable table = new RowListStarTable(columns);
        for (int r = 0; r < 3; r++) {
            Object[] row = new Object[columns.length];
            for (int i = 0; i < row.length; i++) {
                Class<?> type = columns[i].getContentClass();
                row[i] = r == 0 ? null : type == String.class ? "" : type.isArray()
                    ? java.lang.reflect.Array.newInstance(type.getComponentType(), 0) : null;
            }
            table.addRow(row);
        }
        assertSameFits(table);
    }

    @Test
    void anEmptyResultIsWhatStilWrites() throws IOException {
        assertSameFits(table(resultColumns(), 0, 2));
    }

    @Test
    void columnsWithoutADeclaredNullValueOrNotNullableAreWhatStilWrites() throws IOException {
        ColumnInfo withNulls = new ColumnInfo("with_nulls", Integer.class, null);
        ColumnInfo withoutNulls = new ColumnInfo("without_nulls", Long.class, null);
        ColumnInfo shortWithNulls = new ColumnInfo("short_with_nulls", Short.class, null);
        ColumnInfo notNullable = new ColumnInfo("not_nullable", Short.class, null);
        notNullable.setNullable(false);
        notNullable.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, (short) -1));
        ColumnInfo declared = new ColumnInfo("declared", Integer.class, null);
        declared.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, 99));
        ColumnInfo declaredShort = new ColumnInfo("declared_short", Short.class, null);
        declaredShort.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, (short) 7));
        ColumnInfo declaredLong = new ColumnInfo("declared_long", Long.class, null);
        declaredLong.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, 8L));
        ColumnInfo sized = new ColumnInfo("sized", String.class, null);
        sized.setElementSize(3); // declared shorter than some of its strings: STIL cuts them
        ColumnInfo shaped = new ColumnInfo("shaped", int[].class, null);
        shaped.setShape(new int[] {2, -1});
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {withNulls, withoutNulls, shortWithNulls,
            notNullable, declared, declaredShort, declaredLong, sized, shaped});
        table.addRow(new Object[] {1, 2L, null, null, null, null, null, "abcdef", new int[] {1, 2, 3}});
        table.addRow(new Object[] {null, 3L, (short) 4, (short) 5, 6, (short) 7, 9L, "ab", null});
        assertSameFits(table);
    }

    @Test
    void aColumnOfAnotherTypeIsRefused() throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("o", Object.class, null)});
        IOException e = assertThrows(IOException.class, () -> new SpooledRows(table).close());
        assertTrue(e.getMessage().contains("column o holds Object"), e.getMessage());
    }

    @Test
    void theSpoolFileIsDeletedWhenClosed() throws IOException {
        Path spool;
        try (SpooledRows rows = new SpooledRows(table(resultColumns(), 10, 3))) {
            assertEquals(10, rows.getRowCount());
            spool = Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("tap-result-")).findFirst().orElseThrow();
        }
        assertFalse(Files.exists(spool), "the spool file is deleted when closed");
    }

    @Test
    void aResultCutAtMaxrecIsItsFirstRowsAndALargeOneIsReadAhead() throws Exception {
        List<ResultField> fields = List.of("long", "double", "boolean", "char").stream()
            .map(t -> ResultField.of(new ResultColumn("c_" + t, new ValueType(t, t.equals("char") ? "*" : null, null),
                null, null, null, null, Optional.empty()), null, null)).toList();
        int many = ResultTable.READ_AHEAD_AFTER + 5_000; // past the rows the writer's thread reads itself
        Object[][] rows = new Object[many][];
        for (int r = 0; r < many; r++) {
            rows[r] = new Object[] {(long) r, r / 3.0, r % 3 == 0 ? null : r % 2 == 0, r % 5 == 0 ? null : "row " + r};
        }
        for (long maxrec : new long[] {2, many - 1, many}) {
            ResultTable result = new ResultTable(ResultCursors.of(fields, rows), fields, maxrec);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new FitsResultWriter().write(result, new ResultInfo("SELECT", "ADQL", List.of(), null, List.of(), null,
                ORIGIN), written);
            assertEquals(maxrec < many ? ResultTable.Status.OVERFLOW : ResultTable.Status.OK, result.status());
            RowListStarTable expected = new RowListStarTable(fields.stream().map(ResultField::info)
                .toArray(ColumnInfo[]::new));
            for (int r = 0; r < maxrec; r++) {
                expected.addRow(rows[r]);
            }
            assertArrayEquals(withoutDate(stil(expected, true)), withoutDate(written.toByteArray()), "MAXREC " + maxrec);
        }
    }

    /** FITS with its DATE-HDU card (the second it was written) blanked. */
    private static byte[] withoutDate(byte[] fits) {
        int at = new String(fits, StandardCharsets.ISO_8859_1).indexOf("DATE-HDU=");
        assertTrue(at > 0 && at % 80 == 0, "a DATE-HDU card");
        byte[] copy = fits.clone();
        Arrays.fill(copy, at, at + 80, (byte) ' ');
        return copy;
    }
}
