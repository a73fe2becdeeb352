package org.voarchive.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrightStarCatalogueTest {

    private final BrightStarCatalogue format = new BrightStarCatalogue();

    @Test
    void parsesSirius() {
        Object[] row = format.parse("-16.7161  6.7525 -1.46 \"  9Alp CMa\" 2491  48915 151881", 1).orElseThrow();
        assertArrayEquals(new Object[] {2491, "9Alp CMa", 6.7525 * 15, -16.7161, -1.46f, 48915, 151881}, row);
        assertEquals(format.table().columns().size(), row.length);
    }

    @Test
    void blankNameAndMissingSaoBecomeNull() {
        Object[] row = format.parse("-60.8356 14.6600  1.33 \"          \" 5460 128621      0", 1).orElseThrow();
        assertNull(row[1]);
        assertNull(row[6]);
    }

    @Test
    void skipsCommentsAndBlankLines() {
        assertTrue(format.parse("# From the Bright Star Catalogue", 1).isEmpty());
        assertTrue(format.parse("   ", 1).isEmpty());
    }

    @Test
    void rejectsMalformedLines() {
        assertThrows(IllegalArgumentException.class, () -> format.parse("-16.7161  6.7525 -1.46 9Alp 2491 1 2", 1));
        assertThrows(IllegalArgumentException.class, () -> format.parse("-16.7161 -1.46 \"x\" 2491 1 2", 1));
        assertThrows(IllegalArgumentException.class, () -> format.parse("-96.0 6.7 1.0 \"x\" 1 2 3", 1));
        assertThrows(IllegalArgumentException.class, () -> format.parse("-16.7 24.0 1.0 \"x\" 1 2 3", 1));
        assertThrows(NumberFormatException.class, () -> format.parse("-16.7 6.7 1.0 \"x\" one 2 3", 1));
    }
}
