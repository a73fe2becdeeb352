package org.voarchive.adql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The functions of ADQL 2.1 with the number of arguments each takes. The
 * geometry constructors' optional coordinate-system argument and their point
 * forms are checked by {@link SyntaxValidator}, which knows the arguments.
 */
public enum BuiltInFunction {
    // mathematical (section 2.3)
    ABS(1), CEILING(1), DEGREES(1), EXP(1), FLOOR(1), LOG(1), LOG10(1), MOD(2), PI(0), POWER(2),
    RADIANS(1), RAND(0, 1), ROUND(1, 2), SQRT(1), TRUNCATE(1, 2),
    // trigonometric
    ACOS(1), ASIN(1), ATAN(1), ATAN2(2), COS(1), COT(1), SIN(1), TAN(1),
    // string (optional feature adql-string)
    LOWER(1), UPPER(1),
    // aggregate
    AVG(1, 1, Kind.AGGREGATE), COUNT(1, 1, Kind.AGGREGATE), MAX(1, 1, Kind.AGGREGATE),
    MIN(1, 1, Kind.AGGREGATE), SUM(1, 1, Kind.AGGREGATE),
    // conditional, unit (optional features)
    COALESCE(1, Integer.MAX_VALUE), IN_UNIT(2),
    // geometry (optional feature adql-geo)
    AREA(1), BOX(3, 5, Kind.GEOMETRY), CENTROID(1, 1, Kind.GEOMETRY), CIRCLE(2, 4, Kind.GEOMETRY),
    CONTAINS(2), COORD1(1), COORD2(1), COORDSYS(1), DISTANCE(2, 4), INTERSECTS(2),
    POINT(2, 3, Kind.GEOMETRY), POLYGON(3, Integer.MAX_VALUE, Kind.GEOMETRY), REGION(1, 1, Kind.GEOMETRY);

    /** What a function is, where that matters to the rules. */
    public enum Kind {
        SCALAR,
        /** takes [DISTINCT|ALL]; COUNT also takes '*' */
        AGGREGATE,
        /** returns a geometry value */
        GEOMETRY
    }

    private static final Map<String, BuiltInFunction> BY_NAME =
        Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(f -> f.name().toLowerCase(Locale.ROOT),
            Function.identity()));

    private final int minArgs;
    private final int maxArgs;
    private final Kind kind;

    BuiltInFunction(int args) {
        this(args, args, Kind.SCALAR);
    }

    BuiltInFunction(int minArgs, int maxArgs) {
        this(minArgs, maxArgs, Kind.SCALAR);
    }

    BuiltInFunction(int minArgs, int maxArgs, Kind kind) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.kind = kind;
    }

    public static Optional<BuiltInFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    public Kind kind() {
        return kind;
    }
}
