package org.voarchive.tap;

import java.lang.reflect.Array;
import java.net.URL;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.voarchive.adql.check.ResultColumn;
import org.voarchive.adql.check.ValueType;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.votable.VOStarTable;

/**
 * One result column: the FIELD metadata the ADQL checker worked out (JDBC
 * knows no UCDs, units or xtypes) and how to read its cells from the
 * database into the Java type that STIL writes as the declared datatype.
 */
final class ResultField {

    /** Database types whose values the driver reads exactly as a long. */
    private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8", "oid");
    /** Database types read as a double (numeric too when the declared type is floating: its nearest double). */
    private static final Set<String> FLOATING_TYPES = Set.of("float4", "float8", "numeric");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    /** STIL writes URL-valued column metadata as the FIELD's {@code LINK}, titled with this name. */
    private static final DefaultValueInfo SOURCE_DOCUMENTATION =
        new DefaultValueInfo("source table", URL.class, "Description of the table the column comes from");

    private final ColumnInfo info;
    private final ResultColumn column;
    private final String sqlType;
    private final Reader reader;

    private ResultField(ColumnInfo info, ResultColumn column, String sqlType, Reader reader) {
        this.info = info;
        this.column = column;
        this.sqlType = sqlType;
        this.reader = reader;
    }

    /** What the checker worked out about the column (a kept result stores it: {@link KeptColumn}). */
    ResultColumn column() {
        return column;
    }

    /** The database's name of the column's type, as the cursor reports it (null if unknown). */
    String sqlType() {
        return sqlType;
    }

    /** The declared VOTable type. */
    ValueType type() {
        return column.type();
    }

    /** Reads one cell of the current row. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    ColumnInfo info() {
        return info;
    }

    Object read(ResultSet rs, int index) throws SQLException {
        return reader.read(rs, index);
    }

    /**
     * @param sqlType the database's name of the column's type (for telling timestamps with and without zone apart)
     * @param documentation the VOSI document of the table the column comes from, or null; written as the FIELD's LINK
     */
    static ResultField of(ResultColumn column, String sqlType, URL documentation) {
        ValueType type = column.type();
        boolean array = type.arraysize() != null && !isText(type);
        Class<?> element = elementClass(type.datatype());
        Class<?> contentClass = array ? Array.newInstance(primitive(element), 0).getClass() : element;
        ColumnInfo info = new ColumnInfo(column.name(), contentClass, column.description());
        info.setUCD(column.ucd());
        info.setUnitString(column.unit());
        info.setUtype(column.utype());
        info.setXtype(type.xtype());
        if (array && type.arraysize().matches("\\d+")) {
            info.setShape(new int[] {Integer.parseInt(type.arraysize())});
        }
        if (documentation != null) {
            info.setAuxDatum(new DescribedValue(SOURCE_DOCUMENTATION, documentation));
        }
        if ("unicodeChar".equals(type.datatype())) {
            info.setAuxDatum(new DescribedValue(VOStarTable.DATATYPE_INFO, "unicodeChar"));
        }
        // BINARY (not BINARY2) has no null flags: integers need a declared null value
        if (!array && element == Short.class) {
            info.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, Short.MIN_VALUE));
        } else if (!array && element == Integer.class) {
            info.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, Integer.MIN_VALUE));
        } else if (!array && element == Long.class) {
            info.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, Long.MIN_VALUE));
        }
        return new ResultField(info, column, sqlType, reader(type, array, element, sqlType));
    }

    private static boolean isText(ValueType type) {
        return "char".equals(type.datatype()) || "unicodeChar".equals(type.datatype());
    }

    private static Class<?> elementClass(String datatype) {
        return switch (datatype) {
            case "boolean" -> Boolean.class;
            case "unsignedByte", "short" -> Short.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> String.class;
        };
    }

    private static Class<?> primitive(Class<?> boxed) {
        if (boxed == Boolean.class) {
            return boolean.class;
        }
        if (boxed == Short.class) {
            return short.class;
        }
        if (boxed == Integer.class) {
            return int.class;
        }
        if (boxed == Long.class) {
            return long.class;
        }
        if (boxed == Float.class) {
            return float.class;
        }
        if (boxed == Double.class) {
            return double.class;
        }
        return String.class;
    }

    private static Reader reader(ValueType type, boolean array, Class<?> element, String sqlType) {
        if (array) {
            Class<?> component = primitive(element);
            return (rs, i) -> {
                java.sql.Array a = rs.getArray(i);
                return a == null ? null : primitiveArray((Object[]) a.getArray(), component);
            };
        }
        if (element == String.class) {
            String sql = sqlType == null ? "" : sqlType.toLowerCase(Locale.ROOT);
            if (sql.equals("timestamptz")) {
                return (rs, i) -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    return t == null ? null : isoTimestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                };
            }
            if (sql.equals("timestamp")) {
                return (rs, i) -> {
                    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                    return t == null ? null : isoTimestamp(t);
                };
            }
            if (sql.equals("date") && "timestamp".equals(type.xtype())) {
                return (rs, i) -> {
                    LocalDate d = rs.getObject(i, LocalDate.class);
                    return d == null ? null : d.toString();
                };
            }
            return ResultSet::getString;
        }
        String sql = sqlType == null ? "" : sqlType.toLowerCase(Locale.ROOT);
        // the driver's typed getters read binary numbers without making an object of each first
        if (INTEGER_TYPES.contains(sql) && element != Boolean.class) {
            return (rs, i) -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? null : number(value, element);
            };
        }
        if (sql.equals("numeric") && element == Double.class) {
            return (rs, i) -> {
                byte[] raw = rs.getBytes(i); // the value as it came: binary when the query asked so, else text
                if (raw == null) {
                    return null;
                }
                Double binary = binaryNumeric(raw);
                return binary != null ? binary : nearestDouble(rs.getBigDecimal(i));
            };
        }
        if (FLOATING_TYPES.contains(sql) && (element == Float.class || element == Double.class)) {
            return element == Float.class ? (rs, i) -> {
                float value = rs.getFloat(i);
                return rs.wasNull() ? null : value;
            } : (rs, i) -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? null : value;
            };
        }
        return (rs, i) -> {
            Object value = rs.getObject(i);
            return value == null ? null : convert(value, element);
        };
    }

    /**
     * A time as ISO 8601 writes it ({@link DateTimeFormatter#ISO_LOCAL_DATE_TIME}: seconds always, the fraction
     * without trailing zeros), by hand for the years 0 to 9999: the formatter was a tenth of a large result's time.
     */
    static String isoTimestamp(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return TIMESTAMP.format(t);
        }
        char[] c = new char[29];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano == 0) {
            return new String(c, 0, 19);
        }
        c[19] = '.';
        digits(c, 20, nano, 9);
        int end = 29;
        while (c[end - 1] == '0') {
            end--;
        }
        return new String(c, 0, end);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The double nearest a numeric in PostgreSQL's binary form (numeric_send: digit count, weight of the first
     * base-10000 digit, sign, display scale, digits), or null when the bytes are not that form or the value
     * needs the general conversion. Text never matches: its bytes are never zero, a sign's low byte always is.
     * Decoding to a BigDecimal first was a quarter of a large result's time (JFR).
     */
    static Double binaryNumeric(byte[] raw) {
        if (raw.length < 8) {
            return null;
        }
        int digits = short16(raw, 0);
        int weight = (short) short16(raw, 2);
        int sign = short16(raw, 4);
        if (raw.length != 8 + 2 * digits) {
            return null;
        }
        switch (sign) {
            case 0xC000:
                return Double.NaN;
            case 0xD000:
                return Double.POSITIVE_INFINITY;
            case 0xF000:
                return Double.NEGATIVE_INFINITY;
            case 0x0000, 0x4000:
                break;
            default:
                return null;
        }
        if (digits > 4) {
            return null;
        }
        long value = 0;
        for (int k = 0; k < digits; k++) {
            int digit = short16(raw, 8 + 2 * k);
            if (digit >= 10000) {
                return null;
            }
            value = value * 10000 + digit;
        }
        int exponent = 4 * (weight - digits + 1);
        if (value > (1L << 53) || Math.abs(exponent) >= EXACT_POWERS_OF_TEN.length) {
            return null;
        }
        // both exact doubles: one correctly rounded operation gives the nearest double (Clinger's fast path)
        double magnitude = exponent >= 0 ? value * EXACT_POWERS_OF_TEN[exponent] : value / EXACT_POWERS_OF_TEN[-exponent];
        return sign == 0x4000 ? -magnitude : magnitude;
    }

    private static int short16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    /** Powers of ten a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22};

    /**
     * The double nearest a decimal, as {@link java.math.BigDecimal#doubleValue} gives it. JDK 17 gets it by printing
     * the decimal and parsing the text, a sixth of a large result's time (JFR); when the digits and the power of ten
     * are both exact doubles, one correctly rounded division gives the same double (Clinger's fast path).
     */
    static double nearestDouble(java.math.BigDecimal value) {
        java.math.BigDecimal digits = value;
        if (digits.precision() > 15 && digits.scale() > 0) {
            // a quotient's scale has many trailing zeros (numeric division gives 20 decimals at least)
            digits = digits.stripTrailingZeros();
        }
        int scale = digits.scale();
        if (scale >= 0 && scale < EXACT_POWERS_OF_TEN.length && digits.precision() <= 15) {
            return digits.unscaledValue().longValue() / EXACT_POWERS_OF_TEN[scale];
        }
        return value.doubleValue();
    }

    /** An integer as the declared type, narrowed as {@link Number}'s conversions narrow. */
    private static Object number(long value, Class<?> element) {
        if (element == Short.class) {
            return (short) value;
        }
        if (element == Integer.class) {
            return (int) value;
        }
        if (element == Long.class) {
            return value;
        }
        if (element == Float.class) {
            return (float) value;
        }
        return (double) value;
    }

    private static Object convert(Object value, Class<?> element) throws SQLException {
        if (element == Boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
            throw new SQLException("expected a boolean, got " + value.getClass().getSimpleName());
        }
        if (!(value instanceof Number n)) {
            if (value instanceof Boolean b && element != Boolean.class) {
                return convert(b ? 1 : 0, element);
            }
            throw new SQLException("expected a number, got " + value.getClass().getSimpleName());
        }
        if (element == Short.class) {
            return n.shortValue();
        }
        if (element == Integer.class) {
            return n.intValue();
        }
        if (element == Long.class) {
            return n.longValue();
        }
        if (element == Float.class) {
            return n.floatValue();
        }
        return n.doubleValue();
    }

    /** A database array as a primitive Java array; NULL elements become NaN (floating) or 0 (integers). */
    private static Object primitiveArray(Object[] values, Class<?> component) throws SQLException {
        Object result = Array.newInstance(component, values.length);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (component == String.class) {
                Array.set(result, i, v == null ? null : v.toString());
            } else if (component == boolean.class) {
                Array.setBoolean(result, i, Boolean.TRUE.equals(v));
            } else if (v == null) {
                if (component == double.class) {
                    Array.setDouble(result, i, Double.NaN);
                } else if (component == float.class) {
                    Array.setFloat(result, i, Float.NaN);
                }
            } else {
                Array.set(result, i, convert(v, boxed(component)));
            }
        }
        return result;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == short.class ? Short.class : primitive == int.class ? Integer.class
            : primitive == long.class ? Long.class : primitive == float.class ? Float.class : Double.class;
    }
}
