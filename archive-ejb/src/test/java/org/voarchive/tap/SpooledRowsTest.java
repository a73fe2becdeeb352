package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;

/** Every kind of cell a result holds comes back from the spool as it went in, on every reading. */
class SpooledRowsTest {

    @Test
    void fitsIsWhatStilWritesWhenItMeasuresTheWidthsItself() throws IOException {
        // as a result's columns are: integers with a null value, so the widths are all STIL's first pass looks for
        ColumnInfo count = new ColumnInfo("n", Integer.class, null);
        count.setAuxDatum(new uk.ac.starlink.table.DescribedValue(uk.ac.starlink.table.Tables.NULL_VALUE_INFO,
            Integer.MIN_VALUE));
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {count, new ColumnInfo("t", String.class, null),
            new ColumnInfo("da", double[].class, null), new ColumnInfo("d", Double.class, null)});
        table.addRow(new Object[] {1, "short", new double[] {1, 2, 3}, 0.5});
        table.addRow(new Object[] {null, null, null, null});
        table.addRow(new Object[] {3, "a longer name", new double[] {4}, Double.NaN});
        java.io.ByteArrayOutputStream measured = new java.io.ByteArrayOutputStream();
        new uk.ac.starlink.fits.FitsTableWriter().writeStarTable(table, measured);
        java.io.ByteArrayOutputStream spooled = new java.io.ByteArrayOutputStream();
        try (SpooledRows rows = new SpooledRows(table)) {
            new uk.ac.starlink.fits.FitsTableWriter().writeStarTable(rows, spooled);
        }
        assertArrayEquals(measured.toByteArray(), spooled.toByteArray());
    }

    @Test
    void rowsComeBackAsTheyWentIn() throws IOException {
        RowListStarTable table = table();
        Path spool;
        try (SpooledRows rows = new SpooledRows(table)) {
            assertEquals(4, rows.getRowCount());
            for (int reading = 0; reading < 2; reading++) {
                try (RowSequence in = rows.getRowSequence()) {
                    for (int r = 0; r < 4; r++) {
                        assertTrue(in.next());
                        assertArrayEquals(table.getRow(r), in.getRow(), "row " + r);
                    }
                    assertFalse(in.next());
                }
            }
            spool = Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("tap-result-")).findFirst().orElseThrow();
        }
        assertFalse(Files.exists(spool), "the spool file is deleted when closed");
    }

    private static RowListStarTable table() {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("b", Boolean.class, null), new ColumnInfo("s", Short.class, null),
            new ColumnInfo("i", Integer.class, null), new ColumnInfo("l", Long.class, null),
            new ColumnInfo("f", Float.class, null), new ColumnInfo("d", Double.class, null),
            new ColumnInfo("t", String.class, null), new ColumnInfo("da", double[].class, null),
            new ColumnInfo("ia", int[].class, null), new ColumnInfo("sa", String[].class, null),
            new ColumnInfo("ba", boolean[].class, null)});
        table.addRow(new Object[] {true, (short) -2, 3, Long.MIN_VALUE, Float.NaN, -0.0, "été ☃", new double[] {1.5, Double.NaN},
            new int[0], new String[] {"a", null}, new boolean[] {true, false}});
        table.addRow(new Object[] {null, null, null, null, null, null, null, null, null, null, null});
        table.addRow(new Object[] {false, Short.MAX_VALUE, -1, 7L, 1e-7f, Double.MAX_VALUE, "", new double[0], new int[] {1, 2},
            new String[0], new boolean[0]});
        // longer than the spool's buffer
        table.addRow(new Object[] {true, (short) 1, 1, 1L, 1f, 1.0, "x".repeat(200_000), new double[20_000], null,
            new String[] {"y".repeat(70_000)}, null});
        return table;
    }
}
