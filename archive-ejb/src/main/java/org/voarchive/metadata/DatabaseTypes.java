package org.voarchive.metadata;

import java.util.Locale;
import org.voarchive.adql.check.ValueType;

/**
 * PostgreSQL column types as VOTable types (DALI xtypes for time and pg_sphere
 * geometries), as TAP_SCHEMA, VOSI and result FIELDs state them.
 */
public final class DatabaseTypes {

    private DatabaseTypes() {
    }

    /**
     * @param formatted the type as {@code format_type()} writes it, e.g. {@code character varying(20)}, {@code integer[]}
     */
    public static ValueType votable(String formatted) {
        String t = formatted.toLowerCase(Locale.ROOT).trim();
        if (t.endsWith("[]")) {
            ValueType element = votable(t.substring(0, t.length() - 2));
            return element.arraysize() == null && element.xtype() == null
                ? new ValueType(element.datatype(), "*", null) : ValueType.TEXT;
        }
        String length = t.contains("(") ? t.substring(t.indexOf('(') + 1, t.indexOf(')')).trim() : null;
        String base = t.contains("(") ? t.substring(0, t.indexOf('(')).trim() : t;
        return switch (base) {
            case "smallint" -> ValueType.SHORT;
            case "integer" -> ValueType.INT;
            case "bigint" -> ValueType.LONG;
            case "real" -> ValueType.FLOAT;
            case "double precision", "numeric" -> ValueType.DOUBLE;
            case "boolean" -> ValueType.BOOLEAN;
            case "character varying" -> new ValueType("unicodeChar", length == null ? "*" : length + "*", null);
            case "character" -> new ValueType("unicodeChar", length == null ? "1" : length, null);
            case "text", "name" -> ValueType.TEXT;
            case "uuid" -> new ValueType("char", "36", null);
            case "bytea" -> new ValueType("unsignedByte", "*", null);
            case "date", "timestamp without time zone", "timestamp with time zone", "timestamp" -> ValueType.TIMESTAMP;
            case "spoint" -> ValueType.POINT;
            case "scircle" -> ValueType.CIRCLE;
            case "spoly", "sbox" -> ValueType.POLYGON;
            default -> ValueType.TEXT; // written as its text form
        };
    }
}
