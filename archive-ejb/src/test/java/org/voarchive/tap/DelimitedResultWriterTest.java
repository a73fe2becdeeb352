package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.formats.CsvTableWriter;

/** The archive's CSV is STIL's CSV, character for character, for every kind of value a result holds. */
class DelimitedResultWriterTest {

    private static final ColumnInfo[] COLUMNS = {
        new ColumnInfo("d", Double.class, null), new ColumnInfo("f", Float.class, null),
        new ColumnInfo("i", Integer.class, null), new ColumnInfo("l", Long.class, null),
        new ColumnInfo("s", Short.class, null), new ColumnInfo("b", Boolean.class, null),
        new ColumnInfo("text, \"quoted\"", String.class, null), new ColumnInfo("da", double[].class, null),
        new ColumnInfo("ia", int[].class, null), new ColumnInfo("sa", String[].class, null),
        new ColumnInfo("ba", boolean[].class, null), new ColumnInfo("fa", float[].class, null),
        new ColumnInfo(" name ", String.class, null)};

    private static final String CHARACTERS = "ab ,\"\n\r\t\\é☃(x)#;'0.";

    @Test
    void csvIsWhatStilWrites() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        RowListStarTable table = new RowListStarTable(COLUMNS);
        for (int n = 0; n < 5000; n++) {
            table.addRow(new Object[] {
                maybe(random, pick(random, random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)), Double.NaN,
                    Double.POSITIVE_INFINITY, -0.0)),
                maybe(random, pick(random, (float) random.nextGaussian(), Float.NaN, Float.MAX_VALUE, 1e7f)),
                maybe(random, random.nextInt()), maybe(random, random.nextLong()), maybe(random, (short) random.nextInt()),
                maybe(random, random.nextBoolean()), maybe(random, text(random)),
                maybe(random, random.doubles(random.nextInt(4)).map(d -> d < 0.1 ? Double.NaN : d).toArray()),
                maybe(random, random.ints(random.nextInt(4)).toArray()),
                maybe(random, new String[] {text(random), random.nextBoolean() ? null : text(random)}),
                maybe(random, new boolean[] {random.nextBoolean()}),
                maybe(random, new float[] {(float) random.nextDouble(), Float.NaN}),
                maybe(random, text(random))});
        }
        ByteArrayOutputStream stil = new ByteArrayOutputStream();
        new CsvTableWriter(true).writeStarTable(table, stil);
        assertEquals(stil.toString(StandardCharsets.UTF_8), csv(table));
    }

    private static String csv(RowListStarTable table) throws IOException {
        StringBuilder b = new StringBuilder();
        DelimitedResultWriter.Dialect csv = DelimitedResultWriter.Dialect.CSV;
        for (int i = 0; i < table.getColumnCount(); i++) {
            b.append(i > 0 ? "," : "").append(csv.name(table.getColumnInfo(i).getName()));
        }
        b.append('\n');
        for (long r = 0; r < table.getRowCount(); r++) {
            Object[] row = table.getRow(r);
            for (int i = 0; i < row.length; i++) {
                b.append(i > 0 ? "," : "").append(csv.field(row[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            b.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
        }
        return b.toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... values) {
        return random.nextInt(4) == 0 ? values[random.nextInt(values.length)] : values[0];
    }

    private static Object maybe(SplittableRandom random, Object value) {
        return random.nextInt(10) == 0 ? null : value;
    }
}
