package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.unit.Ucd;

class UcdSuggestionsTest {

    private static List<String> ucds(String name, String unit) {
        return UcdSuggestions.suggest(name, unit).stream().map(UcdSuggestions.Suggestion::ucd).toList();
    }

    @Test
    void positionsFromTheirNames() {
        assertEquals(List.of("pos.eq.ra;meta.main"), ucds("ra", "deg"));
        assertEquals(List.of("pos.eq.ra;meta.main"), ucds("RAJ2000", null));
        assertEquals(List.of("pos.eq.dec;meta.main"), ucds("dec", "deg"));
        assertEquals(List.of("pos.eq.dec;meta.main"), ucds("DE_ICRS", ""));
        assertEquals(List.of("pos.galactic.lon"), ucds("glon", "deg"));
    }

    @Test
    void properMotionsFromTheNameAndTheUnitsDimension() {
        assertEquals(List.of("pos.pm;pos.eq.ra", "pos.pm"), ucds("pmra", "mas/yr"));
        assertEquals(List.of("pos.pm;pos.eq.dec", "pos.pm"), ucds("pmde", "mas.yr**-1"));
        // any angle per time is a proper motion's unit, whatever the name
        assertEquals(List.of("pos.pm"), ucds("mu_x", "arcsec/a"));
    }

    @Test
    void photometryRedshiftParallaxAndIdentifiers() {
        assertEquals(List.of("phot.mag;em.opt.V"), ucds("vmag", "mag").subList(0, 1));
        assertEquals(List.of("phot.mag;em.opt.V", "phot.mag"), ucds("vmag", "mag"));
        assertEquals(List.of("phot.mag"), ucds("phot_g_mean_mag", null));
        assertEquals(List.of("phot.flux", "phot.flux.density"), ucds("flux_g", "mJy"));
        assertEquals(List.of("src.redshift"), ucds("z", null));
        assertEquals(List.of("pos.parallax"), ucds("parallax", "mas"));
        assertEquals(List.of("meta.id;meta.main"), ucds("source_id", null));
        assertEquals(List.of("meta.id"), ucds("field_id", null));
        assertEquals(List.of("phys.veloc"), ucds("speed", "km/s"));
        assertEquals(List.of("spect.dopplerVeloc", "phys.veloc"), ucds("rv", "km/s"));
    }

    @Test
    void errorsPutStatErrorFirstAndDropMetaMain() {
        assertEquals(List.of("stat.error;pos.eq.ra"), ucds("ra_error", "mas"));
        assertEquals(List.of("stat.error;pos.parallax"), ucds("e_plx", "mas"));
        assertEquals(List.of("pos.parallax"), ucds("pi", "mas"));
        assertEquals(List.of("stat.error;phot.mag;em.opt.V", "stat.error;phot.mag"), ucds("e_vmag", "mag"));
        assertEquals(List.of("stat.error;pos.pm;pos.eq.ra", "stat.error;pos.pm"), ucds("pmra_err", "mas/yr"));
    }

    @Test
    void nothingForNamesAndUnitsNoRuleKnows() {
        assertEquals(List.of(), ucds("image_url", null));
        assertEquals(List.of(), ucds("comment", "'furlong'"));
        assertEquals(List.of(), ucds("x", "m"));
        assertEquals(List.of(), ucds(null, "not a unit"));
    }

    @Test
    void everySuggestionSaysWhyAndIsValidUcd1Plus() {
        for (String name : List.of("ra", "dec", "pmra", "pmdec", "glon", "glat", "parallax", "z", "rv", "distance",
                "teff", "logg", "feh", "mjd", "exptime", "bmag", "mag_v", "jmag", "k_mag", "gmag", "flux", "id", "name",
                "e_ra", "dec_err", "parallax_error", "e_jmag", "sig_flux", "err_z")) {
            for (String unit : List.of("", "mas/yr", "km/s", "Jy", "K", "mag", "mas", "pc")) {
                for (UcdSuggestions.Suggestion s : UcdSuggestions.suggest(name, unit)) {
                    assertEquals(java.util.Optional.empty(), Ucd.problem(s.ucd()), name + " " + unit + ": " + s);
                    assertTrue(s.reason().startsWith("the name " + name) || s.reason().startsWith("the unit " + unit),
                        s.reason());
                }
            }
            assertTrue(!UcdSuggestions.suggest(name, null).isEmpty(), "a rule for " + name);
        }
        assertEquals("the name ra_error is the error of ra, which names a right ascension",
            UcdSuggestions.suggest("ra_error", null).get(0).reason());
        assertEquals("the unit mas/yr is a proper motion's (an angle per time)",
            UcdSuggestions.suggest("mu", "mas/yr").get(0).reason());
    }
}
