package org.voarchive.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WalPositionTest {

    @Test
    void halvesAreHexadecimalHighAndLowWords() {
        assertEquals(0x16_B374D848L, WalPosition.parse("16/B374D848").value());
        assertEquals(0L, WalPosition.parse("0/0").value());
        assertEquals(0xFFFFFFFF_FFFFFFFFL & Long.MAX_VALUE, WalPosition.parse("7FFFFFFF/FFFFFFFF").value());
    }

    @Test
    void writtenAsPostgreSqlWritesIt() {
        assertEquals("16/B374D848", WalPosition.parse("16/b374d848").toString());
        assertEquals("0/3000060", new WalPosition(0x3000060L).toString());
    }

    @Test
    void theLowWordDoesNotOutweighTheHighOne() {
        // compared as one number: 1/0 is after 0/FFFFFFFF, as text comparison or per-half parsing would not say
        assertTrue(WalPosition.parse("1/0").compareTo(WalPosition.parse("0/FFFFFFFF")) > 0);
        assertTrue(WalPosition.parse("A/10").compareTo(WalPosition.parse("A/F")) > 0);
        assertEquals(WalPosition.parse("2/0"), WalPosition.parse("1/FFFFFFFF").max(WalPosition.parse("2/0")));
    }

    @Test
    void notAPositionIsRefused() {
        for (String bad : new String[] {null, "", "16", "/1", "1/", "G/1", "1/2/3", "123456789/0", "-1/0"}) {
            assertThrows(IllegalArgumentException.class, () -> WalPosition.parse(bad), String.valueOf(bad));
        }
    }
}
