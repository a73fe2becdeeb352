package org.voarchive.adql.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoUnitTest {

    private static double factor(String from, String to) {
        return VoUnit.parse(from).factorTo(VoUnit.parse(to)).orElseThrow();
    }

    @Test
    void convertsBetweenUnitsOfTheSameKind() {
        assertEquals(Math.PI / 180, factor("deg", "rad"), 1e-15);
        assertEquals(3600, factor("deg", "arcsec"), 1e-9);
        assertEquals(1e-3, factor("mas", "arcsec"), 1e-15);
        assertEquals(1000, factor("km/s", "m/s"), 1e-9);
        assertEquals(1 / 3.6e6, factor("mas/yr", "deg/yr"), 1e-18);
        assertEquals(1e4, factor("m**2", "cm**2"), 1e-6);
        assertEquals(1e3, factor("kpc", "pc"), 1e-9);
        assertEquals(1e-26, factor("Jy", "W.m**-2.Hz**-1"), 1e-40);
        assertEquals(1, factor("1/s", "Hz"), 1e-15);
        assertEquals(60, factor("min", "s"), 1e-12);
        assertEquals(1e9, factor("Gyr", "yr"), 1e-3);
    }

    @Test
    void refusesDifferentKindsUnknownUnitsAndUnsupportedSyntax() {
        assertTrue(VoUnit.parse("deg").factorTo(VoUnit.parse("m")).isEmpty());
        assertTrue(VoUnit.parse("km/s").factorTo(VoUnit.parse("km")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> VoUnit.parse("furlong"));
        assertThrows(IllegalArgumentException.class, () -> VoUnit.parse("erg/(s.cm**2)"));
        assertThrows(IllegalArgumentException.class, () -> VoUnit.parse("m**x"));
        assertThrows(IllegalArgumentException.class, () -> VoUnit.parse("m/s/s"));
    }
}
