package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeptColumnTest {

    private static List<String> unique(String... names) {
        Set<String> taken = new HashSet<>(Set.of(KeptColumn.ROW));
        return java.util.Arrays.stream(names).map(n -> KeptColumn.uniqueName(n, taken)).toList();
    }

    @Test
    void repeatedNamesGetNumbers() {
        assertEquals(List.of("ra", "ra_2", "RA_3", "dec", "ra_4"), unique("ra", "ra", "RA", "dec", "ra"));
    }

    @Test
    void theRowNumbersNameIsTaken() {
        assertEquals(List.of("archive_row_2", "ARCHIVE_ROW_3"), unique("archive_row", "ARCHIVE_ROW"));
    }

    @Test
    void longNamesAreCutToPostgresLimitWithoutSplittingACharacter() {
        String a = "x".repeat(70);
        List<String> names = unique(a, a, "ü".repeat(40));
        assertEquals("x".repeat(63), names.get(0));
        assertEquals("x".repeat(61) + "_2", names.get(1));
        assertEquals("ü".repeat(31), names.get(2)); // 62 bytes: a 32nd would make 64
        names.forEach(n -> assertTrue(n.getBytes(StandardCharsets.UTF_8).length <= 63, n));
    }

    private static KeptColumn column(String datatype, String arraysize, String xtype, String sqlType) {
        return new KeptColumn("c", datatype, arraysize, xtype, null, null, null, null, false, sqlType, null);
    }

    @Test
    void scalarsTextAndTimestampsSortArraysAndGeometriesDoNot() {
        assertTrue(column("double", null, null, "float8").sortable());
        assertTrue(column("unicodeChar", "*", null, "text").sortable());
        assertTrue(column("char", "*", "timestamp", "timestamptz").sortable());
        assertTrue(column("boolean", null, null, "bool").sortable());
        assertFalse(column("double", "*", null, "_float8").sortable());
        assertFalse(column("double", "2", "point", "_float8").sortable());
        assertFalse(column("char", "*", "adql:REGION", "text").sortable());
    }

    @Test
    void theTableTakesTheCursorsTypesArraysWrittenAsSql() {
        assertEquals("\"float8\"[]", column("double", "*", null, "_float8").sqlDefinition());
        assertEquals("\"timestamptz\"", column("char", "*", "timestamp", "timestamptz").sqlDefinition());
        assertEquals("\"my schema\".\"my type\"", column("char", "*", null, "\"my schema\".\"my type\"").sqlDefinition());
        assertEquals("text", column("char", "*", null, null).sqlDefinition());
    }

    @Test
    void geometriesAreThePlainArraysTheyAreKeptAsForAdql() {
        assertEquals(null, column("double", "2", "point", "_float8").adql().type().xtype());
        assertEquals("timestamp", column("char", "*", "timestamp", "timestamptz").adql().type().xtype());
    }
}
