package org.voarchive.adql;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional ADQL 2.1 features this engine implements, as TAPRegExt
 * {@code languageFeatures} declare them, so capabilities list exactly what a
 * query gets. Forms that are refused (REGION, IN_UNIT until unit metadata is
 * known) are not declared.
 */
public final class LanguageFeatures {

    private static final String TAPREGEXT = "ivo://ivoa.net/std/TAPRegExt";
    public static final String GEOMETRY = TAPREGEXT + "#features-adqlgeo";
    public static final String STRING = TAPREGEXT + "#features-adql-string";
    public static final String SETS = TAPREGEXT + "#features-adql-sets";
    public static final String COMMON_TABLE = TAPREGEXT + "#features-adql-common-table";
    public static final String TYPE = TAPREGEXT + "#features-adql-type";
    public static final String CONDITIONAL = TAPREGEXT + "#features-adql-conditional";
    public static final String OFFSET = TAPREGEXT + "#features-adql-offset";
    public static final String UNIT = TAPREGEXT + "#features-adql-unit";
    public static final String UDF = TAPREGEXT + "#features-udf";

    /** One {@code feature} of a {@code languageFeatures} element of the given type. */
    public record Feature(String type, String form, String description) {
    }

    private LanguageFeatures() {
    }

    public static List<Feature> supported(FunctionRegistry functions) {
        List<Feature> features = new ArrayList<>();
        for (String form : List.of("POINT", "CIRCLE", "BOX", "POLYGON", "CENTROID", "COORD1", "COORD2", "COORDSYS",
            "DISTANCE", "AREA", "CONTAINS", "INTERSECTS")) {
            features.add(new Feature(GEOMETRY, form, ""));
        }
        features.add(new Feature(STRING, "LOWER", ""));
        features.add(new Feature(STRING, "UPPER", ""));
        features.add(new Feature(STRING, "ILIKE", ""));
        features.add(new Feature(SETS, "UNION", ""));
        features.add(new Feature(SETS, "EXCEPT", ""));
        features.add(new Feature(SETS, "INTERSECT", ""));
        features.add(new Feature(COMMON_TABLE, "WITH", ""));
        features.add(new Feature(TYPE, "CAST", "to SMALLINT, INTEGER, BIGINT, REAL, DOUBLE PRECISION, CHAR(n), "
            + "VARCHAR(n), TIMESTAMP, and from DALI strings (degrees) to POINT, CIRCLE, POLYGON"));
        features.add(new Feature(CONDITIONAL, "COALESCE", ""));
        features.add(new Feature(OFFSET, "OFFSET", ""));
        features.add(new Feature(UNIT, "IN_UNIT", "converts between VOUnit units of the same kind "
            + "(e.g. deg to rad, km/s to m/s, mas/yr to deg/yr); the value's unit comes from the table metadata"));
        for (UserDefinedFunction f : functions.all()) {
            features.add(new Feature(UDF, f.form(), f.description()));
        }
        return features;
    }
}
