package org.voarchive.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV and TSV rows: quoting, escapes, NULLs, and every error named by the physical line and the column. */
class DelimitedRowsTest {

    private static final List<ColumnDefinition> COLUMNS = List.of(
        ColumnDefinition.optional("id", "bigint", null), ColumnDefinition.optional("dec", "double precision", null),
        ColumnDefinition.optional("name", "text", null));

    private static DelimitedRows open(String text, DelimitedRows.Format format, boolean header) throws IOException {
        DelimitedRows rows = new DelimitedRows(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format,
            header ? null : List.of("id", "dec", "name"));
        rows.convertTo(COLUMNS);
        return rows;
    }

    private static List<Object[]> all(DelimitedRows rows) throws IOException {
        List<Object[]> all = new ArrayList<>();
        while (rows.next()) {
            all.add(plain(rows.row()));
            assertEquals(rows.where(rows.rows()), rows.where());
        }
        return all;
    }

    /** Numbers that come as COPY text ({@link ColumnTypes.Literal}) as numbers again, for comparison. */
    static Object[] plain(Object[] row) {
        Object[] plain = row.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof ColumnTypes.Literal l) {
                plain[i] = Double.parseDouble(l.text());
            }
        }
        return plain;
    }

    private static String refused(String text, DelimitedRows.Format format) {
        return assertThrows(TableRefusedException.class, () -> all(open(text, format, true))).getMessage();
    }

    @Test
    void csvQuotingFollowsRfc4180() throws IOException {
        DelimitedRows rows = open("id,dec,name\r\n1,41.27,M31\r\n2,-5.39,\"Orion, M42\"\r\n3,,\"say \"\"hi\"\"\"\r\n4,1,\"\"\n5,2,\n",
            DelimitedRows.Format.CSV, true);
        assertEquals(List.of("id", "dec", "name"), rows.columnNames());
        List<Object[]> all = all(rows);
        assertArrayEquals(new Object[] {1L, 41.27, "M31"}, all.get(0));
        assertArrayEquals(new Object[] {2L, -5.39, "Orion, M42"}, all.get(1));
        assertArrayEquals(new Object[] {3L, null, "say \"hi\""}, all.get(2));
        assertArrayEquals(new Object[] {4L, 1.0, ""}, all.get(3), "a quoted empty field is an empty string");
        assertArrayEquals(new Object[] {5L, 2.0, null}, all.get(4), "an unquoted empty field is NULL");
        assertEquals(5, rows.rows());
    }

    @Test
    void aBadValueIsNamedByItsPhysicalLineAndColumn() {
        assertEquals("line 5, column dec: 'x41.2' is not a double",
            refused("id,dec,name\n1,1,a\n2,2,b\n3,3,c\n4,x41.2,d\n", DelimitedRows.Format.CSV));
        // a record over two lines moves the lines of those after it; an empty line too
        assertEquals("line 6, column id: '7.5' is not a long",
            refused("id,dec,name\n1,1,\"two\nlines\"\n\n2,2,b\n7.5,3,c\n", DelimitedRows.Format.CSV));
        assertEquals("line 3, column name: 'a\\u0000' contains U+0000, which the database cannot store".replace("\\u0000", "\\0"),
            refused("id,dec,name\n1,1,a\n2,2,a\0\n", DelimitedRows.Format.CSV));
    }

    @Test
    void theLineOfEveryRowIsKnownAfterwards() throws IOException {
        DelimitedRows rows = open("id,dec,name\n1,1,\"two\nlines\"\n\n2,2,b\n3,3,c\n", DelimitedRows.Format.CSV, true);
        all(rows);
        assertEquals("line 2", rows.where(1));
        assertEquals("line 5", rows.where(2));
        assertEquals("line 6", rows.where(3));
        DelimitedRows plain = open("1,1,a\n2,2,b\n", DelimitedRows.Format.CSV, false);
        all(plain);
        assertEquals("line 2", plain.where(2));
    }

    @Test
    void malformedCsvIsRefusedWithItsLine() {
        assertEquals("line 3: a quoted field that starts there is not closed",
            refused("id,dec,name\n1,1,a\n2,2,\"open\n", DelimitedRows.Format.CSV));
        assertEquals("line 2 has 2 fields, not 3 as the header names",
            refused("id,dec,name\n1,1\n", DelimitedRows.Format.CSV));
        assertEquals("line 2: a quoted field is followed by 'x' rather than a comma or the end of the line"
            + " (a quote inside a quoted field is written twice)", refused("id,dec,name\n1,1,\"a\"x\n", DelimitedRows.Format.CSV));
    }

    @Test
    void headerNamesAreChecked() {
        assertEquals("line 1 (the header): the table has the column 'ID' twice (as 'id'; ADQL names do not distinguish case)",
            refused("id,ID,name\n", DelimitedRows.Format.CSV));
        assertEquals("line 1 (the header): the column name 'xmin' is reserved by the database (ctid, xmin, xmax, cmin,"
            + " cmax, tableoid, oid); rename the column", refused("xmin,dec\n", DelimitedRows.Format.CSV));
    }

    @Test
    void tsvHasEscapesAndNoQuoting() throws IOException {
        DelimitedRows rows = open("id\tdec\tname\r\n1\t2.5\ta\\tb\\nc\\\\d\n2\t\t\"quoted\"\n", DelimitedRows.Format.TSV, true);
        List<Object[]> all = all(rows);
        assertArrayEquals(new Object[] {1L, 2.5, "a\tb\nc\\d"}, all.get(0));
        assertArrayEquals(new Object[] {2L, null, "\"quoted\""}, all.get(1));
        assertEquals("line 3, column dec: '1,5' is not a double",
            refused("id\tdec\tname\n1\t2\ta\n2\t1,5\tb\n", DelimitedRows.Format.TSV));
    }

    @Test
    void withoutHeaderTheFieldsAreTheTablesColumns() throws IOException {
        DelimitedRows rows = open("\uFEFF1,2,a\n2,3,b", DelimitedRows.Format.CSV, false);
        assertEquals(List.of("id", "dec", "name"), rows.columnNames());
        List<Object[]> all = all(rows);
        assertEquals(2, all.size());
        assertArrayEquals(new Object[] {2L, 3.0, "b"}, all.get(1), "the last line needs no line break");
        assertEquals(false, rows.next());
    }

    @Test
    void notUtf8IsRefused() {
        byte[] latin1 = "id,dec,name\n1,2,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1);
        TableRefusedException e = assertThrows(TableRefusedException.class, () -> {
            DelimitedRows rows = new DelimitedRows(new ByteArrayInputStream(latin1), DelimitedRows.Format.CSV, null);
            rows.convertTo(COLUMNS);
            all(rows);
        });
        assertEquals(true, e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void mediaTypesNameTheFormat() {
        assertEquals(DelimitedRows.Format.CSV, DelimitedRows.Format.of("text/csv; header=absent"));
        assertEquals(DelimitedRows.Format.TSV, DelimitedRows.Format.of("Text/Tab-Separated-Values"));
        assertNull(DelimitedRows.Format.of("application/fits"));
    }

    /** A body that never ends: its first bytes, then {@code filler} forever. */
    private static java.io.InputStream endless(String first, char filler) {
        byte[] head = first.getBytes(StandardCharsets.UTF_8);
        return new java.io.InputStream() {
            private long at;

            @Override
            public int read() {
                return at < head.length ? head[(int) at++] : filler;
            }
        };
    }

    @Test
    void aRecordThatNeverEndsIsRefusedWithinBoundedMemory() throws IOException {
        // an unclosed quote, a line without end, a line of empty fields: each would otherwise grow until the heap ends
        DelimitedRows unclosed = new DelimitedRows(endless("id,dec,name\n1,2,\"", 'x'), DelimitedRows.Format.CSV, null);
        unclosed.convertTo(COLUMNS);
        assertTrue(assertThrows(TableRefusedException.class, unclosed::next).getMessage()
            .startsWith("line 2: its record is longer than " + DelimitedRows.MAX_RECORD_CHARS + " characters"));
        DelimitedRows tsv = new DelimitedRows(endless("id\tdec\tname\n", 'y'), DelimitedRows.Format.TSV, null);
        tsv.convertTo(COLUMNS);
        assertThrows(TableRefusedException.class, tsv::next);
        assertTrue(assertThrows(TableRefusedException.class,
            () -> new DelimitedRows(endless("a", ','), DelimitedRows.Format.CSV, null)).getMessage()
            .equals("line 1 has more than " + DelimitedRows.MAX_FIELDS + " fields"));
    }
}
