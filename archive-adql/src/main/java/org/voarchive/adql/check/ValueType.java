package org.voarchive.adql.check;

import java.util.List;

/**
 * A value's type in VOTable terms, as result FIELDs need it: datatype,
 * arraysize (null for scalars) and DALI xtype (null if none).
 */
public record ValueType(String datatype, String arraysize, String xtype) {

    public static final ValueType BOOLEAN = new ValueType("boolean", null, null);
    public static final ValueType SHORT = new ValueType("short", null, null);
    public static final ValueType INT = new ValueType("int", null, null);
    public static final ValueType LONG = new ValueType("long", null, null);
    public static final ValueType FLOAT = new ValueType("float", null, null);
    public static final ValueType DOUBLE = new ValueType("double", null, null);
    /** Text as PostgreSQL holds it (UTF-8): unicodeChar, since VOTable's char is ASCII and clients decode it so. */
    public static final ValueType TEXT = new ValueType("unicodeChar", "*", null);
    public static final ValueType TIMESTAMP = new ValueType("char", "*", "timestamp");
    public static final ValueType POINT = new ValueType("double", "2", "point");
    public static final ValueType CIRCLE = new ValueType("double", "3", "circle");
    public static final ValueType POLYGON = new ValueType("double", "*", "polygon");
    /**
     * TAP 1.1 section 4.3's region: a string column (STC-S in results) holding a pg_sphere polygon in the
     * database, as ObsCore's s_region must be; ADQL's geometry functions take it as they take a POLYGON.
     */
    public static final ValueType REGION = new ValueType("char", "*", "adql:REGION");

    private static final List<String> NUMERIC_ORDER = List.of("short", "int", "long", "float", "double");

    public boolean isNumeric() {
        return arraysize == null && NUMERIC_ORDER.contains(datatype);
    }

    /**
     * Text: char or unicodeChar, except timestamps and geometries written as text. Other xtypes on text
     * (an upload's {@code uri}, say) annotate what the text means; it is still text to the database.
     */
    public boolean isString() {
        return ("char".equals(datatype) || "unicodeChar".equals(datatype)) && !"timestamp".equals(xtype) && !isGeometry();
    }

    public boolean isGeometry() {
        return "point".equals(xtype) || "circle".equals(xtype) || "polygon".equals(xtype) || "adql:REGION".equals(xtype);
    }

    /** The type of {@code a op b} for arithmetic: the wider of two numeric types. */
    static ValueType wider(ValueType a, ValueType b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            return DOUBLE;
        }
        return NUMERIC_ORDER.indexOf(a.datatype) >= NUMERIC_ORDER.indexOf(b.datatype) ? a : b;
    }
}
