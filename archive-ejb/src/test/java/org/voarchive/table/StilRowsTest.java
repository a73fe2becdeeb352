package org.voarchive.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

/** FITS and VOTable rows through the checked reader, converted to the target columns, named by row. */
class StilRowsTest {

    @TempDir
    Path dir;

    private static final String VOTABLE = """
        <?xml version="1.0"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
        <FIELD name="id" datatype="int"/><FIELD name="ra" datatype="double" unit="deg"/>
        <FIELD name="pos" datatype="double" arraysize="2" xtype="point"/><FIELD name="name" datatype="char" arraysize="*"/>
        <DATA><TABLEDATA>
        <TR><TD>1</TD><TD>10.5</TD><TD>10.5 20</TD><TD>a</TD></TR>
        <TR><TD>2</TD><TD></TD><TD></TD><TD>b</TD></TR>
        <TR><TD>3</TD><TD>11</TD><TD>1 2</TD><TD>12345</TD></TR>
        </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
        """;

    private static List<ColumnDefinition> columns(String... nameAndType) {
        return java.util.stream.IntStream.range(0, nameAndType.length / 2)
            .mapToObj(i -> ColumnDefinition.optional(nameAndType[2 * i], nameAndType[2 * i + 1], null)).toList();
    }

    @Test
    void voTableRowsConvertToTheTablesTypes() throws IOException {
        Path file = dir.resolve("t.vot");
        Files.writeString(file, VOTABLE, StandardCharsets.UTF_8);
        try (StilRows rows = StilRows.open(file, "votable", 1 << 20)) {
            assertEquals(List.of("id", "ra", "pos", "name"), rows.columnNames());
            rows.convertTo(columns("id", "bigint", "ra", "double precision", "pos", "spoint", "name", "text"));
            assertTrue(rows.next());
            assertArrayEquals(new Object[] {1L, 10.5, "(10.5d, 20.0d)", "a"}, DelimitedRowsTest.plain(rows.row()));
            assertTrue(rows.next());
            assertArrayEquals(new Object[] {2L, null, null, "b"}, DelimitedRowsTest.plain(rows.row()));
            assertEquals("row 2", rows.where());
        }
        try (StilRows rows = StilRows.open(file, "votable", 1 << 20)) {
            rows.convertTo(columns("id", "smallint", "ra", "real", "pos", "spoint", "name", "integer"));
            assertEquals("row 1, column name: 'a' is not an int",
                assertThrows(TableRefusedException.class, rows::next).getMessage());
        }
    }

    @Test
    void fitsRowsAreNamedByNumber() throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("id", Long.class, null),
            new ColumnInfo("mag", Double.class, null)});
        table.addRow(new Object[] {1L, 12.5});
        table.addRow(new Object[] {40000L, Double.NaN});
        Path file = dir.resolve("t.fits");
        try (OutputStream out = Files.newOutputStream(file)) {
            new FitsTableWriter().writeStarTable(table, out);
        }
        try (StilRows rows = StilRows.open(file, "fits", 1 << 20)) {
            assertEquals(List.of("id", "mag"), rows.columnNames());
            rows.convertTo(columns("id", "smallint", "mag", "real"));
            assertTrue(rows.next());
            assertArrayEquals(new Object[] {1L, 12.5}, DelimitedRowsTest.plain(rows.row()));
            assertEquals("row 2, column id: '40000' is not a short",
                assertThrows(TableRefusedException.class, rows::next).getMessage());
        }
        try (StilRows rows = StilRows.open(file, "fits", 1 << 20)) {
            rows.convertTo(columns("id", "bigint", "mag", "double precision"));
            assertTrue(rows.next());
            assertTrue(rows.next());
            assertArrayEquals(new Object[] {40000L, null}, DelimitedRowsTest.plain(rows.row()));
            assertFalse(rows.next());
            assertEquals(2, rows.rows());
            rows.close(); // and again at the end of the block
        }
    }
}
