package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UwsValuesTest {

    private static String refused(String value) {
        UwsException e = assertThrows(UwsException.class, () -> UwsValues.instant("DESTRUCTION", value), value);
        return e.getMessage();
    }

    @Test
    void destructionTimesAsUwsWritesThem() throws UwsException {
        assertEquals(Instant.parse("2030-01-31T12:00:00Z"), UwsValues.instant("DESTRUCTION", "2030-01-31T12:00:00Z"));
        assertEquals(Instant.parse("2030-01-31T11:00:00Z"), UwsValues.instant("DESTRUCTION", "2030-01-31T12:00:00+01:00"));
        assertEquals(Instant.parse("2030-01-31T12:00:00Z"), UwsValues.instant("DESTRUCTION", "2030-01-31T12:00:00"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), UwsValues.instant("DESTRUCTION", "9999-12-31T23:59:59Z"));
    }

    @Test
    void outOfRangeAndMalformedTimesAre400() {
        assertTrue(refused("-999999999-01-01T00:00:00Z").contains("out of range"));
        assertTrue(refused("+999999999-12-31T23:59:59Z").contains("out of range"));
        assertTrue(refused("+10000-01-01T00:00:00Z").contains("out of range"));
        assertTrue(refused("0000-01-01T00:00:00Z").contains("out of range"));
        assertTrue(refused("-0001-01-01T00:00:00").contains("out of range"));
        assertTrue(refused("tomorrow").contains("ISO 8601"));
        assertTrue(refused("2030-02-30T00:00:00Z").contains("ISO 8601"));
        assertEquals(400, assertThrows(UwsException.class, () -> UwsValues.instant("AFTER", "")).status());
    }

    @Test
    void numbersAreWholeAndWithinLong() throws UwsException {
        assertEquals(600, UwsValues.wholeNumber("EXECUTIONDURATION", " 600 "));
        assertThrows(UwsException.class, () -> UwsValues.wholeNumber("EXECUTIONDURATION", "99999999999999999999"));
        assertThrows(UwsException.class, () -> UwsValues.wholeNumber("EXECUTIONDURATION", "1e3"));
    }
}
