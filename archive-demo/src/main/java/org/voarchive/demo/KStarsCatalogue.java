package org.voarchive.demo;

import static org.voarchive.table.ColumnDefinition.optional;
import static org.voarchive.table.ColumnDefinition.required;

import java.util.List;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.TableDefinition;

/**
 * The KStars star catalogue (Hipparcos and Tycho stars to V = 9), fixed-width
 * columns followed by optional ", genitive name, long name".
 */
public final class KStarsCatalogue implements CatalogueFormat {

    private static final TableDefinition TABLE = new TableDefinition("demo", "kstars",
        "Hipparcos and Tycho stars to V = 9 as shipped with KStars (J. Harris, 2003): "
            + "J2000 positions, proper motions, parallaxes, V and B-V, spectral types, variability.",
        List.of(
            required("star_id", "integer", "Sequence number of the star in the KStars catalogue file")
                .with(null, "meta.id;meta.main").asPrincipal(),
            required("ra", "double precision", "Right ascension, ICRS (J2000, epoch 2000), in degrees")
                .with("deg", "pos.eq.ra;meta.main").asPrincipal(),
            required("dec", "double precision", "Declination, ICRS (J2000, epoch 2000), in degrees")
                .with("deg", "pos.eq.dec;meta.main").asPrincipal(),
            required("pmra", "real", "Proper motion in RA times cos(Dec), in mas/yr").with("mas/yr", "pos.pm;pos.eq.ra"),
            required("pmdec", "real", "Proper motion in Dec, in mas/yr").with("mas/yr", "pos.pm;pos.eq.dec"),
            required("parallax", "real", "Parallax, in mas").with("mas", "pos.parallax"),
            required("vmag", "real", "Visual magnitude V, in mag").with("mag", "phot.mag;em.opt.V").asPrincipal(),
            required("b_v", "real", "Colour index B-V, in mag").with("mag", "phot.color;em.opt.B;em.opt.V"),
            required("sptype", "text", "Spectral type (two characters, e.g. 'A0')").with(null, "src.spType"),
            required("multiple", "boolean", "True for a multiple star").with(null, "meta.code.multip"),
            optional("var_amplitude", "real", "Variability amplitude dV, in mag (NULL if not variable)")
                .with("mag", "src.var.amplitude"),
            optional("var_period", "real", "Variability period, in days (NULL if unknown)").with("d", "time.period;src.var"),
            optional("bayer_name", "text", "Genitive (Bayer or Flamsteed) designation, e.g. 'alp CMa'")
                .with(null, "meta.id"),
            optional("common_name", "text", "Common name, e.g. 'Sirius'").with(null, "meta.id").asPrincipal()),
        "star_id", "ra", "dec");

    @Override
    public TableDefinition table() {
        return TABLE;
    }

    @Override
    public Object[] row(String line, long ordinal) {
        int comma = line.indexOf(',');
        String fixed = comma < 0 ? line : line.substring(0, comma);
        if (fixed.length() < 60) {
            throw new IllegalArgumentException("expected at least 60 fixed-width characters, found " + fixed.length());
        }
        String[] names = comma < 0 ? new String[0] : line.substring(comma + 1).split(",", 2);
        return new Object[] {
            Math.toIntExact(ordinal),
            sexagesimal(fixed.substring(0, 9), false) * 15,
            sexagesimal(fixed.substring(10, 19), true),
            Float.parseFloat(fixed.substring(20, 29)),
            Float.parseFloat(fixed.substring(29, 38)),
            Float.parseFloat(fixed.substring(38, 45)),
            Float.parseFloat(fixed.substring(45, 51).trim()),
            Float.parseFloat(fixed.substring(51, 56).trim()),
            fixed.substring(56, 58),
            flag(fixed.charAt(59)),
            blankOrFloat(fixed, 60, 65),
            blankOrFloat(fixed, 65, 72),
            names.length > 0 ? blankToNull(names[0]) : null,
            names.length > 1 ? blankToNull(names[1]) : null};
    }

    /** hhmmss.ss (hours) or sddmmss.s (degrees) to decimal hours or degrees. */
    static double sexagesimal(String field, boolean signed) {
        String s = field.trim();
        double sign = 1;
        if (signed) {
            if (s.charAt(0) == '-') {
                sign = -1;
            } else if (s.charAt(0) != '+') {
                throw new IllegalArgumentException("expected a sign in '" + field + "'");
            }
            s = s.substring(1);
        }
        int whole = Integer.parseInt(s.substring(0, 2));
        int minutes = Integer.parseInt(s.substring(2, 4));
        double seconds = Double.parseDouble(s.substring(4));
        // seconds of exactly 60 occur in the file: a rounding carry, still a well-defined value
        if (minutes >= 60 || seconds < 0 || seconds > 60) {
            throw new IllegalArgumentException("not sexagesimal: '" + field + "'");
        }
        return sign * (whole + minutes / 60.0 + seconds / 3600.0);
    }

    private static boolean flag(char c) {
        return switch (c) {
            case '0' -> false;
            case '1' -> true;
            default -> throw new IllegalArgumentException("multiplicity flag must be 0 or 1, not '" + c + "'");
        };
    }

    private static Float blankOrFloat(String fixed, int from, int to) {
        if (fixed.length() <= from) {
            return null;
        }
        String s = fixed.substring(from, Math.min(to, fixed.length())).trim();
        return s.isEmpty() ? null : Float.parseFloat(s);
    }

    private static String blankToNull(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
