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
                    return t == null ? null : TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                };
            }
            if (sql.equals("timestamp")) {
                return (rs, i) -> {
                    LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                    return t == null ? null : TIMESTAMP.format(t);
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
        return (rs, i) -> {
            Object value = rs.getObject(i);
            return value == null ? null : convert(value, element);
        };
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
