package org.voarchive.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A qualified table name is written schema.table and read back the same way. */
class TableNameTest {

    @Test
    void itIsWrittenSchemaDotTable() {
        assertEquals("demo.stars", new TableName("demo", "stars").toString());
        assertEquals("\"Demo\".\"my \"\"stars\"\"\"", new TableName("Demo", "my \"stars\"").sql());
    }

    @Test
    void itIsReadBackSplitAtTheFirstDot() {
        assertEquals(Optional.of(new TableName("demo", "stars")), TableName.parse("demo.stars"));
        assertEquals(Optional.of(new TableName("demo", "stars.v2")), TableName.parse("demo.stars.v2"));
        assertEquals(Optional.of(new TableName("demo", "")), TableName.parse("demo."));
        assertEquals(Optional.of(new TableName("", "stars")), TableName.parse(".stars"));
        assertEquals(Optional.empty(), TableName.parse("stars"));
        assertEquals(Optional.empty(), TableName.parse(null));
        TableName name = new TableName("gaia_dr3", "source");
        assertEquals(Optional.of(name), TableName.parse(name.toString()));
    }
}
