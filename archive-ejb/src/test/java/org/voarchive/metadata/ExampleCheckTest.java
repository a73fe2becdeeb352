package org.voarchive.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;

/** An example is stored only with its fields there and a query the service accepts. */
class ExampleCheckTest {

    private static final PublishedMetadata METADATA = new PublishedMetadata(List.of(new PublishedMetadata.Schema("cat",
        null, null, null, PublishedMetadata.Publication.NONE, List.of(new PublishedMetadata.Table("cat", "stars", "table",
            null, null, null, null, true, List.of(column("ra"), column("dec"), column("mag")), List.of(), null,
            PublishedMetadata.Publication.NONE)))));

    private static PublishedMetadata.Column column(String name) {
        return new PublishedMetadata.Column(name, name, null, null, null, null, ValueType.DOUBLE, true, false, false, true,
            false);
    }

    private static ExampleRecord example(String query, List<String> tables, String upload) {
        return new ExampleRecord(null, " Bright stars ", "What it shows", query, tables, upload, null, null);
    }

    @Test
    void aGoodExampleIsStoredWithTheTablesItReads() {
        ExampleRecord e = ExampleCheck.check("bright", example("SELECT ra, dec FROM cat.stars WHERE mag < 3", null, null),
            METADATA);
        assertEquals(List.of("cat.stars"), e.tables());
        assertEquals("Bright stars", e.title());
        assertEquals(0, e.position());
    }

    @Test
    void aQueryTheCheckerRefusesIsAnInvalidQueryWithItsPosition() {
        InvalidField e = assertThrows(InvalidField.class, () -> ExampleCheck.check("bad",
            example("SELECT nope FROM cat.stars", null, null), METADATA));
        assertEquals("query", e.field());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertEquals("query", assertThrows(InvalidField.class, () -> ExampleCheck.check("bad",
            example("SELEC ra FROM cat.stars", null, null), METADATA)).field());
    }

    @Test
    void namesAreHtmlIdsAndTablesMustBePublished() {
        assertEquals("name", assertThrows(InvalidField.class, () -> ExampleCheck.check("1st",
            example("SELECT ra FROM cat.stars", null, null), METADATA)).field());
        assertEquals("name", assertThrows(InvalidField.class, () -> ExampleCheck.check("a b",
            example("SELECT ra FROM cat.stars", null, null), METADATA)).field());
        assertEquals("tables", assertThrows(InvalidField.class, () -> ExampleCheck.check("t",
            example("SELECT ra FROM cat.stars", List.of("cat.other"), null), METADATA)).field());
        assertEquals("description", assertThrows(InvalidField.class, () -> ExampleCheck.check("t",
            new ExampleRecord(null, "T", " ", "SELECT ra FROM cat.stars", null, null, null, null), METADATA)).field());
    }

    @Test
    void anUploadIsCheckedAsTheDeclaredTable() {
        String query = "SELECT s.mag FROM TAP_UPLOAD.mine AS u JOIN cat.stars AS s"
            + " ON 1 = CONTAINS(POINT('ICRS', s.ra, s.dec), CIRCLE('ICRS', u.ra, u.dec, 0.01))";
        assertEquals(List.of("cat.stars"), ExampleCheck.check("x", example(query, null, "mine(ra double, dec double)"),
            METADATA).tables());
        assertEquals("query", assertThrows(InvalidField.class, () -> ExampleCheck.check("x",
            example(query, null, null), METADATA)).field());
        assertEquals("upload", assertThrows(InvalidField.class, () -> ExampleCheck.check("x",
            example(query, null, "mine(ra number)"), METADATA)).field());
    }
}
