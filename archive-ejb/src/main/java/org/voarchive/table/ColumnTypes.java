package org.voarchive.table;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ac.starlink.table.ColumnInfo;

/**
 * VOTable types as PostgreSQL column types, and values of such columns from text or from STIL's cells: the one
 * mapping of TAP uploads, personal tables and their loads. DALI xtypes point, circle and polygon on float or
 * double arrays are pg_sphere's spoint, scircle and spoly (so uploads and users' tables take part in
 * CONTAINS/DISTANCE), timestamp on char is a timestamp; fixed-size char is {@code character(n)}, other char
 * text; numeric arrays PostgreSQL arrays.
 */
public final class ColumnTypes {

    private static final Pattern CHAR_LENGTH = Pattern.compile("character\\((\\d+)\\)");
    private static final Pattern TIMESTAMP =
        Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?Z?");
    /** Longer values are cut in messages. */
    private static final int SHOWN_CHARS = 40;

    private ColumnTypes() {
    }

    /**
     * The PostgreSQL type of a VOTable column.
     *
     * @param arraysize VOTable's (null or "1": a scalar; "*", "n", "n*", "2x3" ...)
     * @throws TableRefusedException for a datatype the archive does not store, naming it
     */
    public static String sqlType(String datatype, String arraysize, String xtype) {
        if (datatype == null || datatype.isBlank()) {
            throw new TableRefusedException("a column has no datatype");
        }
        boolean scalar = arraysize == null || arraysize.isBlank() || arraysize.strip().equals("1");
        String x = xtype == null ? "" : xtype.strip().toLowerCase(Locale.ROOT);
        boolean real = datatype.equals("double") || datatype.equals("float");
        if (real && !scalar && x.equals("point")) {
            return "spoint";
        }
        if (real && !scalar && x.equals("circle")) {
            return "scircle";
        }
        if (real && !scalar && x.equals("polygon")) {
            return "spoly";
        }
        boolean character = datatype.equals("char") || datatype.equals("unicodeChar");
        if (character && x.equals("timestamp")) {
            return "timestamp";
        }
        if (character) {
            if (scalar) {
                return "character(1)";
            }
            String size = arraysize.strip();
            return size.matches("\\d+") && Integer.parseInt(size) <= 10485760 ? "character(" + size + ")" : "text";
        }
        String base = switch (datatype) {
            case "boolean" -> "boolean";
            case "unsignedByte", "short" -> "smallint";
            case "int" -> "integer";
            case "long" -> "bigint";
            case "float" -> "real";
            case "double" -> "double precision";
            default -> throw new TableRefusedException("the datatype '" + datatype + "' is not one the archive stores"
                + " (boolean, unsignedByte, short, int, long, float, double, char, unicodeChar)");
        };
        return scalar ? base : base + "[]";
    }

    /** A column's VOTable type: datatype, arraysize (null: a scalar) and xtype (null: none). */
    public record VoType(String datatype, String arraysize, String xtype) {
    }

    /** The PostgreSQL type of a column STIL read, by the VOTable datatype of its content class. */
    public static String sqlType(ColumnInfo info) {
        VoType type = votable(info);
        return sqlType(type.datatype(), type.arraysize(), type.xtype());
    }

    /** The VOTable type of a column STIL read, as {@link #sqlType(ColumnInfo)} stores it (strings: char, any length). */
    public static VoType votable(ColumnInfo info) {
        Class<?> c = info.getContentClass();
        boolean array = c.isArray() && c != String[].class;
        String datatype = datatype(array ? c.getComponentType() : c);
        String xtype = info.getXtype() == null || info.getXtype().isBlank() ? null : info.getXtype();
        return new VoType(datatype, array || datatype.equals("char") ? "*" : null, xtype);
    }

    private static String datatype(Class<?> c) {
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        if (c == Byte.class || c == byte.class || c == Short.class || c == short.class) {
            return "short";
        }
        if (c == Integer.class || c == int.class) {
            return "int";
        }
        if (c == Long.class || c == long.class) {
            return "long";
        }
        if (c == Float.class || c == float.class) {
            return "float";
        }
        if (c == Double.class || c == double.class) {
            return "double";
        }
        return "char"; // strings, and anything else as its text
    }

    /** Converts values for a column of one PostgreSQL type (as {@link #sqlType} gives them). */
    public static Converter converter(String sqlType) {
        return new Converter(sqlType);
    }

    /**
     * Values of one column type, in the form {@link CopyEncoder} writes: numbers as numbers, booleans, text,
     * geometries in pg_sphere's text, arrays in PostgreSQL's. A value that is not of the type is an
     * {@link IllegalArgumentException} whose message says so ({@code 'x41.2' is not a double}), for the caller
     * to put where the value was in front of.
     */
    public static final class Converter {
        /** The numbers of points, circles and polygons; converters hold no state, so one serves every value. */
        private static final Converter COORDINATE = new Converter("double precision");

        private final String sqlType;
        private final String element;
        /** An array's elements' converter, made once rather than for every value. */
        private final Converter each;
        private final int maxChars;

        private Converter(String sqlType) {
            this.sqlType = sqlType;
            this.element = sqlType.endsWith("[]") ? sqlType.substring(0, sqlType.length() - 2) : null;
            this.each = element == null ? null : new Converter(element);
            Matcher m = CHAR_LENGTH.matcher(sqlType);
            this.maxChars = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        }

        public String sqlType() {
            return sqlType;
        }

        /** A value written as text (CSV, TSV, DALI's serialisation of arrays and geometries). */
        public Object text(String value) {
            if (value == null) {
                return null;
            }
            if (element != null) {
                return array(value);
            }
            return switch (sqlType) {
                case "smallint" -> integer(value, Short.MIN_VALUE, Short.MAX_VALUE, "a short");
                case "integer" -> integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
                case "bigint" -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
                case "real" -> real(value, true);
                case "double precision" -> real(value, false);
                case "boolean" -> bool(value);
                case "timestamp" -> timestamp(value);
                case "spoint" -> geometry(value, "a point (longitude and latitude in degrees)");
                case "scircle" -> geometry(value, "a circle (longitude, latitude and radius in degrees)");
                case "spoly" -> geometry(value, "a polygon (longitude and latitude of each vertex in degrees)");
                default -> characters(value);
            };
        }

        /** A cell as STIL read it (FITS, VOTable): of the file's own type, which may differ from the column's. */
        public Object cell(Object value) {
            if (value == null || value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
                return null; // VOTable's and FITS's null of floating-point values
            }
            if (value instanceof String s) {
                return text(s);
            }
            if (value.getClass().isArray()) {
                if (element == null && !sqlType.equals("spoint") && !sqlType.equals("scircle") && !sqlType.equals("spoly")
                    && !sqlType.equals("text")) {
                    throw new IllegalArgumentException("an array is not " + describe());
                }
                return StilTable.value(value, sqlType);
            }
            if (value instanceof Number n && (sqlType.equals("real") || sqlType.equals("double precision"))) {
                return real(sqlType.equals("real") && !(n instanceof Double) ? Float.toString(n.floatValue()) : n.toString(),
                    sqlType.equals("real"));
            }
            if (value instanceof Number n && element == null && (n instanceof Long || n instanceof Integer
                || n instanceof Short || n instanceof Byte)) {
                return text(Long.toString(n.longValue()));
            }
            if (value instanceof Boolean b && sqlType.equals("boolean")) {
                return b;
            }
            return text(String.valueOf(value instanceof Character ch ? ch.toString() : value));
        }

        private String describe() {
            return switch (element != null ? "array" : sqlType) {
                case "smallint" -> "a short";
                case "integer" -> "an int";
                case "bigint" -> "a long";
                case "real" -> "a float";
                case "double precision" -> "a double";
                case "boolean" -> "a boolean";
                case "timestamp" -> "a timestamp";
                case "spoint" -> "a point";
                case "scircle" -> "a circle";
                case "spoly" -> "a polygon";
                case "array" -> "an array of " + element;
                default -> "text";
            };
        }

        private Object array(String value) {
            String s = value.strip();
            if (s.isEmpty()) {
                return null;
            }
            // DALI: the elements separated by white space
            String[] items = s.split("\\s+");
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                try {
                    values[i] = each.text(items[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(shown(value) + " is not an array of " + each.describe()
                        .replaceFirst("^an? ", "") + " values separated by spaces (" + e.getMessage() + ")");
                }
            }
            return StilTable.value(values);
        }

        private String characters(String value) {
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(shown(value) + " contains U+0000, which the database cannot store");
            }
            if (maxChars >= 0 && value.codePointCount(0, value.length()) > maxChars) {
                throw new IllegalArgumentException(shown(value) + " is longer than the column's " + maxChars
                    + " characters");
            }
            return value;
        }

        private Long integer(String value, long min, long max, String what) {
            String s = value.strip();
            if (s.isEmpty()) {
                return null;
            }
            try {
                long v = Long.parseLong(s);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(shown(value) + " is not " + what);
        }

        private Object real(String value, boolean single) {
            String s = value.strip();
            if (s.isEmpty()) {
                return null;
            }
            String what = single ? "a float" : "a double";
            switch (s.toLowerCase(Locale.ROOT)) {
                case "nan":
                    return "NaN";
                case "inf", "+inf", "infinity", "+infinity":
                    return "Infinity";
                case "-inf", "-infinity":
                    return "-Infinity";
                default:
                    break;
            }
            char last = s.charAt(s.length() - 1);
            // Java's own parser also takes hexadecimal and a type suffix ("1.5d"), which PostgreSQL does not
            if (!(Character.isDigit(last) || last == '.') || s.indexOf('x') >= 0 || s.indexOf('X') >= 0
                || s.indexOf('N') >= 0 || s.indexOf('I') >= 0) {
                throw new IllegalArgumentException(shown(value) + " is not " + what);
            }
            try {
                double v = Double.parseDouble(s);
                if (Double.isInfinite(v) || single && Float.isInfinite((float) v)) {
                    throw new IllegalArgumentException(shown(value) + " is out of the range of " + what);
                }
                // the text as it came (PostgreSQL reads what Java read): formatting the number again costs a
                // quarter of a CSV load's time
                return new Literal(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(shown(value) + " is not " + what);
            }
        }

        private Boolean bool(String value) {
            String s = value.strip();
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "" , "?" -> null;
                case "t", "true", "1", "y", "yes" -> Boolean.TRUE;
                case "f", "false", "0", "n", "no" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(shown(value) + " is not a boolean (true or false)");
            };
        }

        private String timestamp(String value) {
            String s = value.strip();
            if (s.isEmpty()) {
                return null;
            }
            Matcher m = TIMESTAMP.matcher(s);
            if (m.matches()) {
                try {
                    LocalDate.parse(m.group(1));
                    return s;
                } catch (DateTimeParseException e) {
                    // said below
                }
            }
            throw new IllegalArgumentException(shown(value)
                + " is not a timestamp (ISO 8601: 2027-01-31 or 2027-01-31T12:00:00.5)");
        }

        private Object geometry(String value, String what) {
            String s = value.strip();
            if (s.isEmpty()) {
                return null;
            }
            String[] items = s.split("[\\s,]+");
            double[] numbers = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                Object v;
                try {
                    v = COORDINATE.real(items[i], false);
                } catch (IllegalArgumentException e) {
                    v = null;
                }
                if (!(v instanceof Literal number)) {
                    throw new IllegalArgumentException(shown(value) + " is not " + what);
                }
                numbers[i] = Double.parseDouble(number.text());
            }
            boolean fits = switch (sqlType) {
                case "spoint" -> numbers.length == 2;
                case "scircle" -> numbers.length == 3;
                default -> numbers.length >= 6 && numbers.length % 2 == 0;
            };
            if (!fits) {
                throw new IllegalArgumentException(shown(value) + " is not " + what);
            }
            return StilTable.value(numbers, sqlType);
        }
    }

    /**
     * A value already in PostgreSQL's text form for its column, which {@link CopyEncoder} writes unquoted as it is
     * (a number as it came in a CSV file, checked).
     */
    public record Literal(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A value as messages quote it: in single quotes, cut when long. */
    static String shown(String value) {
        String v = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value;
        return "'" + v.replace("\0", "\\0").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + "'";
    }
}
