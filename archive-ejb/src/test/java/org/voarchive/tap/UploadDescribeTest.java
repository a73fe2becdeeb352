package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;
import org.voarchive.dali.DaliException;

/**
 * An upload read for a check (the portal's): the table the checker sees is the one a query would load, and a
 * table the query would refuse is refused alike, though nothing is stored.
 */
class UploadDescribeTest {

    @TempDir
    Path dir;

    private static final String VOTABLE = """
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
        <FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra"/><FIELD name="label" datatype="char" arraysize="*"/>
        <DATA><TABLEDATA><TR><TD>10.5</TD><TD>a</TD></TR><TR><TD>11</TD><TD>b</TD></TR><TR><TD>12</TD><TD>c</TD></TR>
        </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>""";

    private static TapLimits limits(long maxRows, long maxBytes) {
        TapLimits limits = new TapLimits();
        limits.uploadMaxRows = maxRows;
        limits.uploadMaxBytes = maxBytes;
        return limits;
    }

    private Path file(String content) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "upload", ".dat"), content, StandardCharsets.UTF_8);
    }

    @Test
    void aVoTableIsTheTableAQueryWouldLoad() throws Exception {
        TableInfo table = UploadLoader.describe("mine", file(VOTABLE), limits(10, 1_000_000));
        assertEquals("TAP_UPLOAD", table.schema());
        assertEquals("mine", table.name());
        assertEquals("Uploaded table (3 rows)", table.description());
        List<ColumnInfo> columns = table.columns();
        assertEquals(List.of("ra", "label"), columns.stream().map(ColumnInfo::name).toList());
        assertEquals(ValueType.DOUBLE, columns.get(0).type());
        assertEquals("deg", columns.get(0).unit());
        assertEquals("char", columns.get(1).type().datatype());
    }

    @Test
    void csvToo() throws Exception {
        TableInfo table = UploadLoader.describe("c", file("ra,dec\n1.5,2.5\n3,4\n"), limits(10, 1_000_000));
        assertEquals(List.of("ra", "dec"), table.columns().stream().map(ColumnInfo::name).toList());
        assertEquals("Uploaded table (2 rows)", table.description());
    }

    @Test
    void theLimitsAndMalformedTablesAreRefusedAsForAQuery() throws Exception {
        DaliException rows = assertThrows(DaliException.class,
            () -> UploadLoader.describe("mine", file(VOTABLE), limits(2, 1_000_000)));
        assertEquals(400, rows.status());
        assertEquals("UPLOAD mine has more than the limit of 2 rows", rows.getMessage());
        DaliException broken = assertThrows(DaliException.class,
            () -> UploadLoader.describe("x", file("<VOTABLE><oops"), limits(10, 1_000_000)));
        assertEquals(400, broken.status());
        assertTrue(broken.getMessage().startsWith("UPLOAD x: "), broken.getMessage());
        // STIL fails on a header without rows, and on a file shorter than a compression's magic number, with
        // runtime exceptions: still the file's fault
        for (String content : List.of("ra,dec\n", "a\n")) {
            DaliException headerOnly = assertThrows(DaliException.class,
                () -> UploadLoader.describe("h", file(content), limits(10, 1_000_000)));
            assertEquals(400, headerOnly.status());
            assertTrue(headerOnly.getMessage().startsWith("UPLOAD h: not a readable csv table"), headerOnly.getMessage());
        }
        DaliException twice = assertThrows(DaliException.class,
            () -> UploadLoader.describe("d", file("a,A\n1,2\n"), limits(10, 1_000_000)));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }
}
