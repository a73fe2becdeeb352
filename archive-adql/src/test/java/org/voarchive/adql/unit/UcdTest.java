package org.voarchive.adql.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UcdTest {

    @Test
    void validUcdsPass() {
        for (String ucd : new String[] {"pos.eq.ra;meta.main", "meta.id;meta.main", "phot.mag;em.opt.V", "pos.pm;pos.eq.ra",
            "src.var.amplitude", "time.period;src.var", "phot.color;em.opt.B;em.opt.V", "POS.EQ.RA"}) {
            assertEquals(Optional.empty(), Ucd.problem(ucd), ucd);
        }
    }

    @Test
    void unknownWordsAndMisplacedWordsFail() {
        assertTrue(Ucd.problem("pos.eq.rah").orElseThrow().contains("not a UCD1+ word"));
        assertTrue(Ucd.problem("meta.main").orElseThrow().contains("cannot come first"));
        assertTrue(Ucd.problem("meta.main;pos.eq.ra").orElseThrow().contains("cannot come first"));
        assertTrue(Ucd.problem("em.opt.V;pos.eq.ra").isPresent());
    }

    @Test
    void voUnitsAreValidatedIncludingNonLinearAndQuoted() {
        for (String unit : new String[] {"deg", "mas/yr", "km/s", "mag", "'furlong'", "erg.s**-1", "Jy"}) {
            assertEquals(Optional.empty(), VoUnit.problem(unit), unit);
        }
        assertTrue(VoUnit.problem("degrees").isPresent());
        assertTrue(VoUnit.problem("m/s/s").isPresent());
    }
}
