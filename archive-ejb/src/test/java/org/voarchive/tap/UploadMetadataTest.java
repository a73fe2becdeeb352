package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.StilTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.votable.VOStarTable;

/** What an uploaded FIELD's metadata becomes in the table the checker sees, and so in result FIELDs. */
class UploadMetadataTest {

    private static ColumnInfo field(String name, Class<?> content, String xtype) {
        ColumnInfo info = new ColumnInfo(name, content, "what " + name + " is");
        info.setXtype(xtype);
        info.setUnitString("deg");
        info.setUCD("pos.eq.ra;meta.main");
        return info;
    }

    private static ValueType type(ColumnInfo info) {
        return UploadLoader.uploadedType(StilTable.column(info), info);
    }

    @Test
    void unitUcdAndDescriptionAreKept() {
        ColumnDefinition c = StilTable.column(field("ra", Double.class, null));
        assertEquals("deg", c.unit());
        assertEquals("pos.eq.ra;meta.main", c.ucd());
        assertEquals("what ra is", c.description());
    }

    @Test
    void geometryAndTimestampXtypesComeWithTheirDatabaseTypes() {
        assertEquals(ValueType.POINT, type(field("p", double[].class, "point")));
        assertEquals(ValueType.CIRCLE, type(field("c", double[].class, "circle")));
        assertEquals(ValueType.POLYGON, type(field("s", double[].class, "polygon")));
        assertEquals("spoly", StilTable.column(field("s", float[].class, "polygon")).sqlType());
        assertEquals(ValueType.TIMESTAMP, type(field("t", String.class, "timestamp")));
    }

    @Test
    void otherXtypesAreTheUploadsOwnButAGeometryXtypeOnOtherValuesIsNot() {
        assertEquals(new ValueType("double", "*", "interval"), type(field("i", double[].class, "interval")));
        assertEquals(new ValueType("unicodeChar", "*", "uri"), type(field("u", String.class, "uri")));
        // a "point" that is text is no pg_sphere point: claiming one would make CONTAINS translate to nonsense
        assertEquals(ValueType.TEXT, type(field("p", String.class, "point")));
        assertEquals(ValueType.DOUBLE, type(field("t", Double.class, "timestamp")));
    }

    @Test
    void charStaysChar() {
        ColumnInfo info = field("name", String.class, null);
        info.setAuxDatum(new DescribedValue(VOStarTable.DATATYPE_INFO, "char"));
        assertEquals(new ValueType("char", "*", null), type(info));
        info.setXtype("uri");
        assertEquals(new ValueType("char", "*", "uri"), type(info));
    }

    @Test
    void polygonsBecomeSpolyTextInDegrees() {
        ColumnDefinition polygon = StilTable.column(field("s", double[].class, "polygon"));
        assertEquals("{(10.0d, 20.0d), (11.0d, 20.0d), (10.5d, 21.0d)}",
            StilTable.value(new double[] {10, 20, 11, 20, 10.5, 21}, polygon));
        assertNull(StilTable.value(new double[] {Double.NaN, Double.NaN}, polygon));
        assertNull(StilTable.value(new double[0], polygon));
        assertThrows(IllegalArgumentException.class, () -> StilTable.value(new double[] {1, 2, 3, 4}, polygon));
        assertThrows(IllegalArgumentException.class, () -> StilTable.value(new double[] {1, 2, 3, 4, 5, 6, 7}, polygon));
        assertThrows(IllegalArgumentException.class, () -> StilTable.value(new double[] {1, 2, 3, Double.NaN, 5, 6}, polygon));
    }
}
