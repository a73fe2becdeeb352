package org.voarchive.vosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.vosi.xml.tables.Table;
import org.voarchive.vosi.xml.tables.TableSet;

class VosiTablesTest {

    static final PublishedMetadata METADATA = new PublishedMetadata(List.of(
        new PublishedMetadata.Schema("demo", "Demo", "Demonstration tables", null, PublishedMetadata.Publication.NONE, List.of(
            new PublishedMetadata.Table("demo", "stars", "table", "Stars", "Bright stars", null, 9096L, true, List.of(
                new PublishedMetadata.Column("id", "id", "Identifier", null, "meta.id;meta.main", null, ValueType.INT,
                    true, true, false, true, false),
                new PublishedMetadata.Column("ra", "ra", "Right ascension", "deg", "pos.eq.ra;meta.main", null, ValueType.DOUBLE,
                    true, false, false, true, false),
                new PublishedMetadata.Column("pos", "pos", null, "deg", "pos;meta.main", null, ValueType.POINT,
                    false, true, false, true, false),
                new PublishedMetadata.Column("name", "name", null, null, null, null, new ValueType("char", "20*", null),
                    false, false, false, true, false)), List.of(), null, PublishedMetadata.Publication.NONE),
            new PublishedMetadata.Table("demo", "obs", "view", null, null, null, null, true, List.of(
                new PublishedMetadata.Column("star", "star", null, null, null, null, ValueType.INT, false, false, false, true, false)),
                List.of(new PublishedMetadata.ForeignKey("demo.obs.fk", "demo.stars", List.of("star"), List.of("id"),
                    "the star observed", null)), null, PublishedMetadata.Publication.NONE))),
        new PublishedMetadata.Schema("tap_schema", null, "TAP metadata", null, PublishedMetadata.Publication.NONE, List.of(
            new PublishedMetadata.Table("tap_schema", "tables", "view", null, "The tables", null, null, true, List.of(
                new PublishedMetadata.Column("table_name", "table_name", null, null, null, null, ValueType.TEXT, true, false, true, true, false)),
                List.of(), null, PublishedMetadata.Publication.NONE)))));

    private static String marshal(Object document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JAXBContext.newInstance(TableSet.class, Table.class).createMarshaller().marshal(document, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableSetWithColumnsIsValidVosiTables() throws Exception {
        String xml = marshal(VosiTables.tableSet(METADATA, true));
        assertEquals(List.of(), SchemaValidator.problems(xml.getBytes(StandardCharsets.UTF_8), TableSet.VOSI_TABLES, "tableset"));
        assertTrue(xml.contains("<name>demo.stars</name>"), xml);
        assertTrue(xml.contains("<nrows>9096</nrows>"), xml);
        assertTrue(xml.contains("xsi:type=\"vs:VOTableType\""), xml);
        assertTrue(xml.contains("arraysize=\"2\" extendedType=\"point\">double</dataType>"), xml);
        assertTrue(xml.contains("arraysize=\"20*\">char</dataType>"), xml);
        assertTrue(xml.contains("<flag>primary</flag><flag>indexed</flag>"), xml);
        assertTrue(xml.contains("<column std=\"true\">"), xml);
        assertTrue(xml.contains("<foreignKey><targetTable>demo.stars</targetTable><fkColumn><fromColumn>star</fromColumn>"
            + "<targetColumn>id</targetColumn></fkColumn><description>the star observed</description></foreignKey>"), xml);
    }

    @Test
    void minimalDetailHasTablesWithoutColumnsAndIsValid() throws Exception {
        String xml = marshal(VosiTables.tableSet(METADATA, false));
        assertEquals(List.of(), SchemaValidator.problems(xml.getBytes(StandardCharsets.UTF_8), TableSet.VOSI_TABLES, "tableset"));
        assertTrue(xml.contains("<name>demo.obs</name>"), xml);
        assertFalse(xml.contains("<column"), xml);
    }

    @Test
    void singleTableIsAValidVosiTable() throws Exception {
        String xml = marshal(VosiTables.table(METADATA.table("demo.stars").orElseThrow(), true));
        assertEquals(List.of(), SchemaValidator.problems(xml.getBytes(StandardCharsets.UTF_8), TableSet.VOSI_TABLES, "table"));
        assertTrue(xml.contains("type=\"table\""), xml);
        assertEquals(6, VosiTables.columnCount(METADATA));
    }
}
