package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.sql.rowset.CachedRowSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.adql.check.ResultColumn;
import org.voarchive.adql.check.ValueType;
import org.voarchive.parquet.ParquetFiles;
import uk.ac.starlink.table.StarTable;

/** The rows come from a cursor over rows in memory ({@link ResultCursors}); the IT reads Parquet from the archive. */
class ParquetResultWriterTest {

    @TempDir
    Path dir;

    private static final List<ResultField> FIELDS = List.of(
        field("id", "long", null, "meta.id;meta.main", "Identifier"),
        field("ra", "double", "deg", "pos.eq.ra;meta.main", "Right ascension"),
        field("flag", "boolean", null, null, null),
        field("n", "short", null, null, null),
        field("name", "unicodeChar", null, "meta.id", "Name, in any script"));

    private static ResultField field(String name, String datatype, String unit, String ucd, String description) {
        String arraysize = datatype.endsWith("Char") ? "*" : null;
        return ResultField.of(new ResultColumn(name, new ValueType(datatype, arraysize, null), unit, ucd, null,
            description, Optional.empty()), null, null);
    }

    /** Rows of {id, ra, flag, n, name}. */
    private static CachedRowSet rows(Object[]... rows) throws SQLException {
        return ResultCursors.of(FIELDS, rows);
    }

    private static ResultInfo info() {
        return new ResultInfo("SELECT id, ra, flag, n, name FROM demo.t", "ADQL", List.of("demo.t"), null, List.of(),
            null, null);
    }

    private Path write(ResultTable table) throws IOException {
        Path file = dir.resolve("result.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            new ParquetResultWriter().write(table, info(), out);
        }
        return file;
    }

    @Test
    void theRowsAndTheVOTableMetadataReadBack() throws Exception {
        Path file = write(new ResultTable(rows(new Object[] {1L, 10.5, true, (short) 3, "Sírius"},
            new Object[] {2L, null, null, null, null}), FIELDS, 10));
        ParquetFiles read = ParquetFiles.read(file);
        assertEquals(2, read.rows().size());
        assertEquals(1L, read.rows().get(0).getLong("id", 0));
        assertEquals(10.5, read.rows().get(0).getDouble("ra", 0));
        assertTrue(read.rows().get(0).getBoolean("flag", 0));
        assertEquals(3, read.rows().get(0).getInteger("n", 0));
        assertEquals("Sírius", read.rows().get(0).getString("name", 0));
        for (String column : List.of("ra", "flag", "n", "name")) {
            assertTrue(read.isNull(1, column), column);
        }
        assertEquals("1.0", read.keyValues().get(ParquetResultWriter.VOTABLE_VERSION_KEY));
        String votable = read.keyValues().get(ParquetResultWriter.VOTABLE_CONTENT_KEY);
        assertTrue(votable.contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"), votable);
        assertTrue(votable.contains("<INFO name=\"source_table\" value=\"demo.t\"/>"), votable);
        assertFalse(votable.contains("<DATA"), "the rows are the Parquet file's: " + votable);
        assertEquals(List.of(), org.voarchive.conformance.SchemaValidator.problems(votable.getBytes(StandardCharsets.UTF_8),
            "http://www.ivoa.net/xml/VOTable/v1.3", "VOTABLE"), "the footer's VOTable is valid VOTable 1.3");

        // the FIELDs as a VOTable reader sees them (STIL applies them to the Parquet columns: ParquetIT)
        uk.ac.starlink.votable.VOElement root = new uk.ac.starlink.votable.VOElementFactory().makeVOElement(
            new uk.ac.starlink.util.ByteArrayDataSource("metadata", votable.getBytes(StandardCharsets.UTF_8)));
        StarTable fields = new uk.ac.starlink.votable.VOStarTable(
            (uk.ac.starlink.votable.TableElement) root.getElementsByVOTagName("TABLE").item(0));
        assertEquals(List.of("id", "ra", "flag", "n", "name"), IntStream.range(0, fields.getColumnCount())
            .mapToObj(i -> fields.getColumnInfo(i).getName()).toList(), "one FIELD per Parquet column, in order");
        assertEquals("pos.eq.ra;meta.main", fields.getColumnInfo(1).getUCD());
        assertEquals("deg", fields.getColumnInfo(1).getUnitString());
        assertEquals("Name, in any script", fields.getColumnInfo(4).getDescription());
        assertEquals(0, fields.getRowCount());
    }

    @Test
    void maxrecOverflowIsInTheFooter() throws Exception {
        ParquetFiles read = ParquetFiles.read(write(new ResultTable(rows(new Object[] {1L, 1.0, true, (short) 1, "a"},
            new Object[] {2L, 2.0, false, (short) 2, "b"}, new Object[] {3L, 3.0, true, (short) 3, "c"}), FIELDS, 2)));
        assertEquals(2, read.rows().size());
        String votable = read.keyValues().get(ParquetResultWriter.VOTABLE_CONTENT_KEY);
        assertTrue(votable.contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\">The result was truncated at MAXREC = 2"
            + " rows</INFO>"), votable);
        assertEquals(List.of(), org.voarchive.conformance.SchemaValidator.problems(votable.getBytes(StandardCharsets.UTF_8),
            "http://www.ivoa.net/xml/VOTable/v1.3", "VOTABLE"));
    }

    @Test
    void anEmptyResultIsAFileWithTheColumns() throws Exception {
        ParquetFiles read = ParquetFiles.read(write(new ResultTable(rows(), FIELDS, 10)));
        assertEquals(0, read.rows().size());
        assertEquals(5, read.schema().getFieldCount());
        assertTrue(read.keyValues().get(ParquetResultWriter.VOTABLE_CONTENT_KEY).contains("value=\"OK\""));
    }

    @Test
    void aFailurePartWayBreaksTheResponseBeforeTheFooter() throws Exception {
        // the second row's id is no number: reading it fails as a database failure part-way would
        ResultTable table = new ResultTable(rows(new Object[] {1L, 1.0, true, (short) 1, "a"},
            new Object[] {"not a number", 2.0, false, (short) 2, "b"}), FIELDS, 10);
        Path file = dir.resolve("broken.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            IOException e = assertThrows(IOException.class, () -> new ParquetResultWriter().write(table, info(), out));
            assertTrue(e.getMessage().startsWith("the query failed after 1 rows"), e.getMessage());
        }
        assertThrows(RuntimeException.class, () -> ParquetFiles.read(file), "no footer: not a Parquet file");
    }
}
