package org.voarchive.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;

/** VOTable types as PostgreSQL types (one mapping for declared and read columns), and values of each type. */
class ColumnTypesTest {

    @Test
    void declaredTypes() {
        assertEquals("bigint", ColumnTypes.sqlType("long", null, null));
        assertEquals("double precision", ColumnTypes.sqlType("double", "1", null));
        assertEquals("smallint", ColumnTypes.sqlType("unsignedByte", null, null));
        assertEquals("real[]", ColumnTypes.sqlType("float", "*", null));
        assertEquals("text", ColumnTypes.sqlType("char", "*", null));
        assertEquals("text", ColumnTypes.sqlType("unicodeChar", "12*", null));
        assertEquals("character(8)", ColumnTypes.sqlType("char", "8", null));
        assertEquals("character(1)", ColumnTypes.sqlType("char", null, null));
        assertEquals("spoint", ColumnTypes.sqlType("double", "2", "point"));
        assertEquals("scircle", ColumnTypes.sqlType("float", "3", "circle"));
        assertEquals("spoly", ColumnTypes.sqlType("double", "*", "POLYGON"));
        assertEquals("timestamp", ColumnTypes.sqlType("char", "*", "timestamp"));
        assertTrue(assertThrows(TableRefusedException.class, () -> ColumnTypes.sqlType("doubleComplex", null, null))
            .getMessage().startsWith("the datatype 'doubleComplex' is not one the archive stores"));
    }

    @Test
    void readColumnsGoThroughTheSameMapping() {
        assertEquals("bigint", ColumnTypes.sqlType(new ColumnInfo("a", Long.class, null)));
        assertEquals("smallint", ColumnTypes.sqlType(new ColumnInfo("a", Byte.class, null)));
        assertEquals("text", ColumnTypes.sqlType(new ColumnInfo("a", String.class, null)));
        assertEquals("text", ColumnTypes.sqlType(new ColumnInfo("a", String[].class, null)));
        assertEquals("integer[]", ColumnTypes.sqlType(new ColumnInfo("a", int[].class, null)));
        ColumnInfo point = new ColumnInfo("p", double[].class, null);
        point.setXtype("point");
        assertEquals("spoint", ColumnTypes.sqlType(point));
        ColumnInfo time = new ColumnInfo("t", String.class, null);
        time.setXtype("timestamp");
        assertEquals("timestamp", ColumnTypes.sqlType(time));
    }

    private static Object text(String sqlType, String value) {
        return ColumnTypes.converter(sqlType).text(value);
    }

    private static String refused(String sqlType, String value) {
        return assertThrows(IllegalArgumentException.class, () -> text(sqlType, value)).getMessage();
    }

    @Test
    void numbers() {
        assertEquals(-3L, text("integer", " -3 "));
        assertNull(text("bigint", ""));
        assertEquals("'2147483648' is not an int", refused("integer", "2147483648"));
        assertEquals("'40000' is not a short", refused("smallint", "40000"));
        assertEquals("'1.5' is not a long", refused("bigint", "1.5"));
        assertEquals(new ColumnTypes.Literal("1.5E-3"), text("double precision", " 1.5E-3"));
        assertEquals("NaN", text("double precision", "nan"));
        assertEquals("-Infinity", text("real", "-inf"));
        assertEquals("'1.5d' is not a double", refused("double precision", "1.5d"));
        assertEquals("'0x10' is not a double", refused("double precision", "0x10"));
        assertEquals("'1e39' is out of the range of a float", refused("real", "1e39"));
    }

    @Test
    void otherTypes() {
        assertEquals(Boolean.TRUE, text("boolean", "T"));
        assertEquals(Boolean.FALSE, text("boolean", "0"));
        assertEquals("'maybe' is not a boolean (true or false)", refused("boolean", "maybe"));
        assertEquals("2027-01-31T12:00:00.5Z", text("timestamp", "2027-01-31T12:00:00.5Z"));
        assertEquals("'2027-02-30' is not a timestamp (ISO 8601: 2027-01-31 or 2027-01-31T12:00:00.5)",
            refused("timestamp", "2027-02-30"));
        assertEquals("(10.5d, -3.0d)", text("spoint", "10.5 -3"));
        assertEquals("<(10.0d, 20.0d), 0.5d>", text("scircle", "10 20 0.5"));
        assertEquals("'10' is not a point (longitude and latitude in degrees)", refused("spoint", "10"));
        assertEquals("{1,2,3}", text("integer[]", "1 2 3"));
        assertEquals("abc", text("character(3)", "abc"));
        assertEquals("'abcd' is longer than the column's 3 characters", refused("character(3)", "abcd"));
    }

    @Test
    void cellsOfAnotherTypeConvertWhenTheyFit() {
        assertEquals(7L, ColumnTypes.converter("bigint").cell(7));
        assertEquals("2.5", ColumnTypes.converter("double precision").cell(2.5f).toString());
        assertNull(ColumnTypes.converter("double precision").cell(Double.NaN));
        assertEquals("42", ColumnTypes.converter("text").cell(42));
        assertEquals("(1.0d, 2.0d)", ColumnTypes.converter("spoint").cell(new double[] {1, 2}));
        assertEquals("'x' is not an int", assertThrows(IllegalArgumentException.class,
            () -> ColumnTypes.converter("integer").cell("x")).getMessage());
        assertEquals("'70000' is not a short", assertThrows(IllegalArgumentException.class,
            () -> ColumnTypes.converter("smallint").cell(70000)).getMessage());
    }
}
