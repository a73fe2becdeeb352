package org.voarchive.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KStarsCatalogueTest {

    private static final double MAS = 1e-9; // degrees, far below the catalogue's precision
    private final KStarsCatalogue format = new KStarsCatalogue();

    @Test
    void parsesPolarisWithVariabilityAndNames() {
        Object[] row = format.parse(
            "023149.09 +891550.8 +000044.2-000011.700007.6 01.9700.64F7 0 0.04   3.97, alp UMi, Polaris", 59)
            .orElseThrow();
        assertEquals(format.table().columns().size(), row.length);
        assertEquals(59, row[0]);
        assertEquals((2 + 31 / 60.0 + 49.09 / 3600) * 15, (double) row[1], MAS);
        assertEquals(89 + 15 / 60.0 + 50.8 / 3600, (double) row[2], MAS);
        assertEquals(44.2f, row[3]);
        assertEquals(-11.7f, row[4]);
        assertEquals(7.6f, row[5]);
        assertEquals(1.97f, row[6]);
        assertEquals(0.64f, row[7]);
        assertEquals("F7", row[8]);
        assertEquals(false, row[9]);
        assertEquals(0.04f, row[10]);
        assertEquals(3.97f, row[11]);
        assertEquals("alp UMi", row[12]);
        assertEquals("Polaris", row[13]);
    }

    @Test
    void shortLineWithoutVariabilityOrNames() {
        Object[] row = format.parse("093113.32 -570203.7 -000032.6+000006.100013.7 03.1601.54K5 0", 7).orElseThrow();
        assertEquals(-(57 + 2 / 60.0 + 3.7 / 3600), (double) row[2], MAS);
        assertEquals(-32.6f, row[3]);
        assertNull(row[10]);
        assertNull(row[11]);
        assertNull(row[12]);
        assertNull(row[13]);
    }

    @Test
    void secondsOfSixtyAreARoundingCarry() {
        // line 629 of the shipped file: 00h32m60.00s
        Object[] row = format.parse("003260.00 +625554.4 +000004.0-000002.100000.8 04.1700.13B1 0            , kap Cas", 1)
            .orElseThrow();
        assertEquals(33 / 60.0 * 15, (double) row[1], MAS);
        assertEquals("kap Cas", row[12]);
        assertNull(row[13]);
    }

    @Test
    void sexagesimalSignsAndRanges() {
        assertEquals(-0.5, KStarsCatalogue.sexagesimal("-003000.0", true), MAS);
        assertEquals(0.5, KStarsCatalogue.sexagesimal("+003000.0", true), MAS);
        assertThrows(IllegalArgumentException.class, () -> KStarsCatalogue.sexagesimal(" 003000.0", true));
        assertThrows(IllegalArgumentException.class, () -> KStarsCatalogue.sexagesimal("006000.00", false));
        assertThrows(IllegalArgumentException.class, () -> KStarsCatalogue.sexagesimal("000060.01", false));
    }

    @Test
    void rejectsTruncatedOrBrokenLines() {
        assertTrue(format.parse("# Star catalog", 1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> format.parse("093113.32 -570203.7 -000032.6", 1));
        assertThrows(IllegalArgumentException.class,
            () -> format.parse("093113.32 -570203.7 -000032.6+000006.100013.7 03.1601.54K5 7", 1));
        assertThrows(NumberFormatException.class,
            () -> format.parse("093113.32 -570203.7 -0000xx.6+000006.100013.7 03.1601.54K5 0", 1));
    }
}
