package org.voarchive.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetStreamWriterTest {

    @TempDir
    Path dir;

    private static final List<Column> SCALARS = List.of(Column.of("b", Boolean.class), Column.of("s", Short.class),
        Column.of("i", Integer.class), Column.of("l", Long.class), Column.of("f", Float.class),
        Column.of("d", Double.class), Column.of("t", String.class));

    private Path write(List<Column> columns, List<Object[]> rows, Map<String, String> metadata) throws IOException {
        Path file = dir.resolve("t.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetStreamWriter w = new ParquetStreamWriter(out, columns);
            for (Object[] row : rows) {
                w.addRow(row);
            }
            w.finish(metadata, "test");
        }
        return file;
    }

    @Test
    void scalarsOfEveryTypeWithNullsNaNAndUnicodeReadBack() throws IOException {
        List<Object[]> rows = List.of(
            new Object[] {true, (short) -7, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5f, -0.25, "Sírius ✓ 🌟"},
            new Object[] {null, null, null, null, null, null, null},
            new Object[] {false, Short.MAX_VALUE, 42, -1L, Float.NaN, Double.NaN, ""},
            new Object[] {true, (short) 0, 0, 0L, Float.NEGATIVE_INFINITY, Double.MAX_VALUE, "a\tb\nc"});
        ParquetFiles read = ParquetFiles.read(write(SCALARS, rows, Map.of("k", "v ✓")));
        assertEquals(Map.of("k", "v ✓"), read.keyValues());
        assertEquals(4, read.rows().size());
        assertEquals(PrimitiveType.PrimitiveTypeName.INT32, read.schema().getType("s").asPrimitiveType().getPrimitiveTypeName());
        assertEquals(LogicalTypeAnnotation.intType(16, true), read.schema().getType("s").getLogicalTypeAnnotation());
        assertEquals(LogicalTypeAnnotation.stringType(), read.schema().getType("t").getLogicalTypeAnnotation());
        assertEquals(Type.Repetition.OPTIONAL, read.schema().getType("d").getRepetition());

        Group first = read.rows().get(0);
        assertTrue(first.getBoolean("b", 0));
        assertEquals(-7, first.getInteger("s", 0));
        assertEquals(Integer.MIN_VALUE, first.getInteger("i", 0));
        assertEquals(Long.MAX_VALUE, first.getLong("l", 0));
        assertEquals(1.5f, first.getFloat("f", 0));
        assertEquals(-0.25, first.getDouble("d", 0));
        assertEquals("Sírius ✓ 🌟", first.getString("t", 0));
        for (Column c : SCALARS) {
            assertTrue(read.isNull(1, c.name()), c.name());
        }
        Group third = read.rows().get(2);
        assertFalse(third.getBoolean("b", 0));
        assertEquals(Short.MAX_VALUE, third.getInteger("s", 0));
        assertTrue(Float.isNaN(third.getFloat("f", 0)));
        assertTrue(Double.isNaN(third.getDouble("d", 0)));
        assertEquals("", third.getString("t", 0));
        assertEquals("a\tb\nc", read.rows().get(3).getString("t", 0));
        assertEquals(Float.NEGATIVE_INFINITY, read.rows().get(3).getFloat("f", 0));
    }

    @Test
    void arraysAreThreeLevelListsWithNullEmptyAndNullElements() throws IOException {
        List<Column> columns = List.of(Column.of("d", double[].class), Column.of("i", int[].class),
            Column.of("b", boolean[].class), Column.of("s", short[].class), Column.of("l", long[].class),
            Column.of("f", float[].class), Column.of("t", String[].class));
        List<Object[]> rows = List.of(
            new Object[] {new double[] {1, Double.NaN, 3}, new int[] {7}, new boolean[] {true, false, true},
                new short[] {1, -2}, new long[] {1L << 40}, new float[] {0.5f}, new String[] {"x", null, "ü"}},
            new Object[] {null, null, null, null, null, null, null},
            new Object[] {new double[0], new int[0], new boolean[0], new short[0], new long[0], new float[0],
                new String[0]});
        ParquetFiles read = ParquetFiles.read(write(columns, rows, Map.of()));
        assertEquals(LogicalTypeAnnotation.listType(), read.schema().getType("d").getLogicalTypeAnnotation());
        List<Group> d = read.elements(0, "d");
        assertEquals(3, d.size());
        assertEquals(1.0, d.get(0).getDouble("element", 0));
        assertTrue(Double.isNaN(d.get(1).getDouble("element", 0)));
        assertEquals(7, read.elements(0, "i").get(0).getInteger("element", 0));
        List<Group> b = read.elements(0, "b");
        assertEquals(List.of(true, false, true), b.stream().map(g -> g.getBoolean("element", 0)).toList());
        assertEquals(-2, read.elements(0, "s").get(1).getInteger("element", 0));
        assertEquals(1L << 40, read.elements(0, "l").get(0).getLong("element", 0));
        assertEquals(0.5f, read.elements(0, "f").get(0).getFloat("element", 0));
        List<Group> t = read.elements(0, "t");
        assertEquals("x", t.get(0).getString("element", 0));
        assertEquals(0, t.get(1).getFieldRepetitionCount("element"));
        assertEquals("ü", t.get(2).getString("element", 0));
        for (Column c : columns) {
            assertNull(read.elements(1, c.name()), c.name());
            assertEquals(List.of(), read.elements(2, c.name()), c.name());
        }
    }

    @Test
    void manyRowsAreWrittenInSeveralRowGroups() throws IOException {
        int n = 2 * ParquetStreamWriter.ROW_GROUP_ROWS + 123;
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {i % 3 == 0, (short) i, i, (long) i * i, i % 5 == 0 ? null : (float) i, i / 2.0,
                "row " + i});
        }
        ParquetFiles read = ParquetFiles.read(write(SCALARS, rows, Map.of()));
        assertEquals(3, read.rowGroups());
        assertEquals(n, read.rows().size());
        for (int i : new int[] {0, 1, 5, 65_535, 65_536, 100_000, n - 1}) {
            Group g = read.rows().get(i);
            assertEquals(i % 3 == 0, g.getBoolean("b", 0), "row " + i);
            assertEquals((long) i * i, g.getLong("l", 0));
            assertEquals(i % 5 == 0, read.isNull(i, "f"));
            assertEquals("row " + i, g.getString("t", 0));
        }
    }

    @Test
    void nullsAndArrayLengthsInEveryPatternReadBack() throws IOException {
        // runs of nulls and values of every length around the encoder's switch from bit-packing to RLE (8)
        java.util.Random random = new java.util.Random(21);
        List<Object[]> rows = new java.util.ArrayList<>();
        boolean isNull = false;
        while (rows.size() < 5000) {
            int run = rows.size() < 600 ? rows.size() % 13 + 1 : random.nextInt(20) + 1;
            for (int j = 0; j < run; j++) {
                int i = rows.size();
                double[] a = random.nextInt(7) == 0 ? null : new double[random.nextInt(isNull ? 1 : 12)];
                String[] t = random.nextInt(5) == 0 ? null
                    : random.ints(random.nextInt(4), 0, 3).mapToObj(k -> k == 0 ? null : "s" + k).toArray(String[]::new);
                rows.add(new Object[] {isNull ? null : i, a, t});
            }
            isNull = !isNull;
        }
        List<Column> columns = List.of(Column.of("i", Integer.class), Column.of("a", double[].class),
            Column.of("t", String[].class));
        ParquetFiles read = ParquetFiles.read(write(columns, rows, Map.of()));
        assertEquals(rows.size(), read.rows().size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            assertEquals(row[0] == null, read.isNull(i, "i"), "row " + i);
            if (row[0] != null) {
                assertEquals(row[0], read.rows().get(i).getInteger("i", 0), "row " + i);
            }
            double[] a = (double[]) row[1];
            List<Group> elements = read.elements(i, "a");
            assertEquals(a == null ? -1 : a.length, elements == null ? -1 : elements.size(), "row " + i);
            String[] t = (String[]) row[2];
            List<Group> strings = read.elements(i, "t");
            assertEquals(t == null ? null : java.util.Arrays.asList(t), strings == null ? null : strings.stream()
                .map(g -> g.getFieldRepetitionCount("element") == 0 ? null : g.getString("element", 0)).toList(),
                "row " + i);
        }
    }

    @Test
    void noRowsIsAFileWithTheSchemaAndNoRowGroups() throws IOException {
        ParquetFiles read = ParquetFiles.read(write(SCALARS, List.of(), Map.of("k", "v")));
        assertEquals(0, read.rowGroups());
        assertEquals(7, read.schema().getFieldCount());
        assertEquals("v", read.keyValues().get("k"));
    }

    @Test
    void aColumnOfAnUnknownClassIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Column.of("x", java.util.Date.class));
    }
}
