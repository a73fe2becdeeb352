package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** VOSI tables of the TAP service, valid and in agreement with TAP_SCHEMA. */
@Tag("smoke")
class TablesIT {

    private static final String VOSI_TABLES = "http://www.ivoa.net/xml/VOSITables/v1.0";

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 || nodes.item(0).getParentNode() != parent ? null : nodes.item(0).getTextContent();
    }

    @Test
    void tableSetIsValidAndAgreesWithTapSchema() throws Exception {
        HttpResponse<byte[]> response = Archive.get("/tap/tables?detail=max");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertEquals(List.of(), SchemaValidator.problems(response.body(), VOSI_TABLES, "tableset"));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Element root = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
        List<String> vosi = new ArrayList<>();
        NodeList tables = root.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            NodeList columns = table.getElementsByTagName("column");
            for (int j = 0; j < columns.getLength(); j++) {
                Element column = (Element) columns.item(j);
                Element type = (Element) column.getElementsByTagName("dataType").item(0);
                vosi.add(text(table, "name") + "|" + text(column, "name") + "|" + type.getTextContent() + "|"
                    + (type.hasAttribute("arraysize") ? type.getAttribute("arraysize") : null) + "|"
                    + (type.hasAttribute("extendedType") ? type.getAttribute("extendedType") : null) + "|"
                    + text(column, "unit") + "|" + text(column, "ucd"));
            }
        }
        List<String> tapSchema = new ArrayList<>();
        try (Connection q = Archive.connect("QUERY"); Statement s = q.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, column_name, datatype, arraysize, xtype, unit, ucd FROM tap_schema.columns")) {
            while (rs.next()) {
                tapSchema.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        // the same names and types in both, as taplint's TMC stage requires
        assertEquals(tapSchema.stream().sorted().toList(), vosi.stream().sorted().toList());
        assertTrue(vosi.contains("demo.bsc5|ra|double|null|null|deg|pos.eq.ra;meta.main"), vosi.toString());
    }

    @Test
    void detailMinSingleTablesAndErrors() throws Exception {
        HttpResponse<byte[]> min = Archive.get("/tap/tables?detail=min");
        assertEquals(200, min.statusCode());
        assertEquals(List.of(), SchemaValidator.problems(min.body(), VOSI_TABLES, "tableset"));
        String minXml = new String(min.body(), StandardCharsets.UTF_8);
        assertTrue(minXml.contains("<name>demo.kstars</name>"), minXml);
        assertFalse(minXml.contains("<column"), minXml);

        HttpResponse<byte[]> one = Archive.get("/tap/tables/demo.kstars");
        assertEquals(200, one.statusCode());
        assertEquals(List.of(), SchemaValidator.problems(one.body(), VOSI_TABLES, "table"));
        assertTrue(new String(one.body(), StandardCharsets.UTF_8).contains("<nrows>125982</nrows>"));

        assertEquals(404, Archive.get("/tap/tables/demo.nonexistent").statusCode());
        HttpResponse<byte[]> bad = Archive.get("/tap/tables?detail=everything");
        assertEquals(400, bad.statusCode());
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("detail must be min or max"));
    }
}
