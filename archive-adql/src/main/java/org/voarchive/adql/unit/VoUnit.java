package org.voarchive.adql.unit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A physical unit in the IVOA VOUnit syntax ({@code km/s}, {@code mas.yr**-1},
 * {@code erg/(s.cm**2)} is not supported: parentheses are not), reduced to a
 * scale factor and powers of base dimensions, so values can be converted
 * between compatible units (ADQL IN_UNIT). Angles are a dimension of their
 * own, so degrees convert to radians but not to metres.
 */
public final class VoUnit {

    // dimensions: length, mass, time, current, temperature, amount, luminous intensity, angle, solid angle
    private static final int DIMENSIONS = 9;
    private static final int L = 0;
    private static final int M = 1;
    private static final int T = 2;
    private static final int I = 3;
    private static final int K = 4;
    private static final int N = 5;
    private static final int J = 6;
    private static final int ANGLE = 7;
    private static final int SOLID_ANGLE = 8;

    private record Base(double scale, int[] powers) {
    }

    private static Base base(double scale, int... pairs) {
        int[] powers = new int[DIMENSIONS];
        for (int i = 0; i < pairs.length; i += 2) {
            powers[pairs[i]] = pairs[i + 1];
        }
        return new Base(scale, powers);
    }

    private static final double DEG = Math.PI / 180;
    private static final double YEAR = 365.25 * 86400;

    /** The unit symbols of VOUnit 1.0 (section 2.4) that are linear, with their SI value. */
    private static final Map<String, Base> UNITS = Map.ofEntries(
        Map.entry("m", base(1, L, 1)), Map.entry("g", base(1e-3, M, 1)), Map.entry("s", base(1, T, 1)),
        Map.entry("A", base(1, I, 1)), Map.entry("K", base(1, K, 1)), Map.entry("mol", base(1, N, 1)),
        Map.entry("cd", base(1, J, 1)), Map.entry("rad", base(1, ANGLE, 1)), Map.entry("sr", base(1, SOLID_ANGLE, 1)),
        Map.entry("deg", base(DEG, ANGLE, 1)), Map.entry("arcmin", base(DEG / 60, ANGLE, 1)),
        Map.entry("arcsec", base(DEG / 3600, ANGLE, 1)), Map.entry("mas", base(DEG / 3600e3, ANGLE, 1)),
        Map.entry("uas", base(DEG / 3600e6, ANGLE, 1)),
        Map.entry("Hz", base(1, T, -1)), Map.entry("N", base(1, M, 1, L, 1, T, -2)),
        Map.entry("J", base(1, M, 1, L, 2, T, -2)), Map.entry("W", base(1, M, 1, L, 2, T, -3)),
        Map.entry("Pa", base(1, M, 1, L, -1, T, -2)), Map.entry("C", base(1, I, 1, T, 1)),
        Map.entry("V", base(1, M, 1, L, 2, T, -3, I, -1)), Map.entry("T", base(1, M, 1, T, -2, I, -1)),
        Map.entry("min", base(60, T, 1)), Map.entry("h", base(3600, T, 1)), Map.entry("d", base(86400, T, 1)),
        Map.entry("a", base(YEAR, T, 1)), Map.entry("yr", base(YEAR, T, 1)),
        Map.entry("AU", base(1.495978707e11, L, 1)), Map.entry("au", base(1.495978707e11, L, 1)),
        Map.entry("pc", base(3.0856775814913673e16, L, 1)), Map.entry("lyr", base(9.4607304725808e15, L, 1)),
        Map.entry("Angstrom", base(1e-10, L, 1)), Map.entry("angstrom", base(1e-10, L, 1)),
        Map.entry("solRad", base(6.957e8, L, 1)), Map.entry("solMass", base(1.98840987e30, M, 1)),
        Map.entry("solLum", base(3.828e26, M, 1, L, 2, T, -3)),
        Map.entry("Jy", base(1e-26, M, 1, T, -2)), Map.entry("eV", base(1.602176634e-19, M, 1, L, 2, T, -2)),
        Map.entry("erg", base(1e-7, M, 1, L, 2, T, -2)), Map.entry("barn", base(1e-28, L, 2)),
        Map.entry("u", base(1.66053906660e-27, M, 1)), Map.entry("ct", base(1)), Map.entry("count", base(1)),
        Map.entry("pix", base(1)), Map.entry("pixel", base(1)));

    private static final Map<String, Double> PREFIXES = Map.ofEntries(
        Map.entry("da", 1e1), Map.entry("h", 1e2), Map.entry("k", 1e3), Map.entry("M", 1e6), Map.entry("G", 1e9),
        Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18), Map.entry("Z", 1e21), Map.entry("Y", 1e24),
        Map.entry("d", 1e-1), Map.entry("c", 1e-2), Map.entry("m", 1e-3), Map.entry("u", 1e-6), Map.entry("n", 1e-9),
        Map.entry("p", 1e-12), Map.entry("f", 1e-15), Map.entry("a", 1e-18), Map.entry("z", 1e-21), Map.entry("y", 1e-24));

    private final String text;
    private final double scale;
    private final int[] powers;

    private VoUnit(String text, double scale, int[] powers) {
        this.text = text;
        this.scale = scale;
        this.powers = powers;
    }

    /**
     * @throws IllegalArgumentException for syntax this parser does not read or an unknown unit
     */
    public static VoUnit parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.contains("(")) {
            throw new IllegalArgumentException("'" + text + "' is not a unit this service can convert");
        }
        double scale = 1;
        int[] powers = new int[DIMENSIONS];
        // a/b.c means a / (b.c): everything after the first '/' divides
        int slash = t.indexOf('/');
        String numerator = slash < 0 ? t : t.substring(0, slash);
        String denominator = slash < 0 ? "" : t.substring(slash + 1);
        if (denominator.contains("/")) {
            throw new IllegalArgumentException("'" + text + "' has more than one '/'");
        }
        for (int sign : new int[] {1, -1}) {
            String part = sign == 1 ? numerator : denominator;
            if (part.isEmpty()) {
                continue;
            }
            for (String factor : part.split("\\.")) {
                int exponent = 1;
                String symbol = factor;
                int power = factor.indexOf("**");
                if (power >= 0) {
                    symbol = factor.substring(0, power);
                    try {
                        exponent = Integer.parseInt(factor.substring(power + 2).replace("+", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "': exponent of " + symbol + " is not an integer");
                    }
                }
                if (symbol.equals("1") && exponent == 1) {
                    continue; // "1/s"
                }
                Base b = symbol(symbol, text);
                scale *= Math.pow(b.scale(), sign * exponent);
                for (int d = 0; d < DIMENSIONS; d++) {
                    powers[d] += sign * exponent * b.powers()[d];
                }
            }
        }
        return new VoUnit(text.strip(), scale, powers);
    }

    /** A unit symbol, whole or as prefix + symbol (the whole symbol wins: "min", "Pa", "cd"). */
    private static Base symbol(String symbol, String text) {
        Base b = UNITS.get(symbol);
        if (b != null) {
            return b;
        }
        for (int length = 2; length >= 1; length--) {
            if (symbol.length() > length) {
                Double prefix = PREFIXES.get(symbol.substring(0, length));
                Base unit = UNITS.get(symbol.substring(length));
                if (prefix != null && unit != null) {
                    return new Base(prefix * unit.scale(), unit.powers());
                }
            }
        }
        throw new IllegalArgumentException("'" + symbol + "' in '" + text + "' is not a known unit");
    }

    /** Units VOUnit knows that are not linear scales (so they never convert): magnitudes, dex, decibels. */
    private static final java.util.Set<String> NON_LINEAR = java.util.Set.of("mag", "dex", "dB", "mmag");

    /**
     * @return what is wrong with the unit string as VOUnit, or empty if it is valid: known
     *         (possibly prefixed) symbols, the non-linear mag/dex/dB, or a quoted custom unit
     */
    public static Optional<String> problem(String unit) {
        String u = unit.strip();
        if (NON_LINEAR.contains(u) || u.matches("'[^']+'")) {
            return Optional.empty();
        }
        try {
            parse(u);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The factor that converts a value in this unit into {@code target}; empty if they measure different things. */
    public Optional<Double> factorTo(VoUnit target) {
        if (!Arrays.equals(powers, target.powers)) {
            return Optional.empty();
        }
        return Optional.of(scale / target.scale);
    }

    @Override
    public String toString() {
        return text;
    }
}
