package org.voarchive.usertables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.vosi.xml.tables.Table;
import org.voarchive.vosi.xml.tables.TableParam;
import org.voarchive.vosi.xml.tables.VOTableType;

class TableDocumentsTest {

    private static final String VOSI_HEAD = "<vosi:table xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\"\n"
        + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"\n"
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static TableSpec vosi(String s) throws Exception {
        return TableDocuments.vosiTable(bytes(s));
    }

    @Test
    void theDesignsExampleReadsAsWritten() throws Exception {
        TableSpec spec = vosi(VOSI_HEAD
            + "  <name>targets</name><description>Targets for the 2027A proposal</description>\n"
            + "  <column><name>id</name><dataType xsi:type=\"vs:VOTableType\">long</dataType></column>\n"
            + "  <column><name>ra</name><unit>deg</unit><ucd>pos.eq.ra;meta.main</ucd>"
            + "<dataType xsi:type=\"vs:VOTableType\">double</dataType></column>\n"
            + "  <column><name>name</name><description> what we call it </description>"
            + "<dataType xsi:type=\"vs:VOTableType\" arraysize=\"*\">char</dataType><flag>indexed</flag></column>\n"
            + "  <column><name>pos</name><dataType xsi:type=\"vs:VOTableType\" arraysize=\"2\" extendedType=\"point\">"
            + "double</dataType></column>\n"
            + "</vosi:table>\n");
        assertEquals("Targets for the 2027A proposal", spec.description());
        assertEquals(null, spec.utype());
        assertEquals(List.of(
            new ColumnSpec("id", "long", null, null, null, null, null, null),
            new ColumnSpec("ra", "double", null, null, "deg", "pos.eq.ra;meta.main", null, null),
            new ColumnSpec("name", "char", "*", null, null, null, null, "what we call it"),
            new ColumnSpec("pos", "double", "2", "point", null, null, null, null)), spec.columns());
    }

    /** What GET /tap/tables/{name} answers (vosi.VosiTables through JAXB) reads back to the same columns. */
    @Test
    void whatTheArchiveWritesReadsBack() throws Exception {
        Table t = new Table();
        t.name = "user_alice.targets";
        t.description = "round trip";
        t.utype = "ivo://example/utype";
        TableParam c = new TableParam();
        c.name = "Mag_V";
        c.unit = "mag";
        c.ucd = "phot.mag;em.opt.V";
        c.utype = "x:mag";
        c.description = "V magnitude";
        c.dataType = new VOTableType("float", null, null);
        c.flags.add("indexed");
        t.columns.add(c);
        TableParam when = new TableParam();
        when.name = "obs_time";
        when.dataType = new VOTableType("char", "*", "timestamp");
        t.columns.add(when);
        Marshaller m = JAXBContext.newInstance(Table.class).createMarshaller();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.marshal(t, out);
        TableSpec spec = TableDocuments.vosiTable(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(new TableSpec("round trip", "ivo://example/utype", List.of(
            new ColumnSpec("Mag_V", "float", null, null, "mag", "phot.mag;em.opt.V", "x:mag", "V magnitude"),
            new ColumnSpec("obs_time", "char", "*", "timestamp", null, null, null, null))), spec);
    }

    @Test
    void aDescribeDocumentMayNameSomeColumnsOnly() throws Exception {
        TableSpec spec = vosi(VOSI_HEAD + "<name>x</name><column><name>ra</name><unit>deg</unit>"
            + "<dataType xsi:type=\"vs:VOTableType\">double</dataType></column></vosi:table>");
        assertEquals(1, spec.columns().size());
    }

    @Test
    void malformedOrUnsafeDocumentsAre400sSayingWhere() {
        TableRequestException doctype = assertThrows(TableRequestException.class, () -> vosi(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + VOSI_HEAD + "<name>&x;</name></vosi:table>"));
        assertEquals(400, doctype.status());
        assertTrue(doctype.getMessage().contains("DOCTYPE") && doctype.getMessage().contains("line 2"),
            doctype.getMessage());
        TableRequestException broken = assertThrows(TableRequestException.class, () -> vosi(VOSI_HEAD
            + "<name>x</name>\n<column><name>a</name></colum></vosi:table>"));
        assertTrue(broken.getMessage().startsWith("not a well-formed VOSI table (line 5, column"), broken.getMessage());
        TableRequestException root = assertThrows(TableRequestException.class, () -> vosi("<table><name>t</name></table>"));
        assertTrue(root.getMessage().contains("namespace http://www.ivoa.net/xml/VOSITables/v1.0"), root.getMessage());
        TableRequestException noType = assertThrows(TableRequestException.class, () -> vosi(VOSI_HEAD
            + "<name>x</name>\n<column><name>a</name></column></vosi:table>"));
        assertEquals("line 5, column 32: column a has no dataType", noType.getMessage());
        TableRequestException noName = assertThrows(TableRequestException.class, () -> vosi(VOSI_HEAD
            + "<column><dataType>int</dataType></column><column><dataType>int</dataType></column></vosi:table>"));
        assertTrue(noName.getMessage().endsWith("column 1 has no name"), noName.getMessage());
        TableRequestException tapType = assertThrows(TableRequestException.class, () -> vosi(VOSI_HEAD
            + "<column><name>a</name><dataType xsi:type=\"vs:TAPType\">INTEGER</dataType></column></vosi:table>"));
        assertTrue(tapType.getMessage().contains("column a: dataType of xsi:type vs:TAPType"), tapType.getMessage());
        TableRequestException keys = assertThrows(TableRequestException.class, () -> vosi(VOSI_HEAD
            + "<foreignKey><targetTable>demo.kstars</targetTable></foreignKey></vosi:table>"));
        assertTrue(keys.getMessage().contains("foreign keys"), keys.getMessage());
        TableRequestException other = assertThrows(TableRequestException.class, () -> vosi(VOSI_HEAD
            + "<column><name>a</name><dataType xsi:type=\"vs:VOTableType\" extendedType=\"x\" extendedSchema=\"http://s\">"
            + "char</dataType></column></vosi:table>"));
        assertTrue(other.getMessage().contains("extendedSchema"), other.getMessage());
    }

    /** A document that never ends: its first part, then {@code unit} forever. */
    private static java.io.InputStream endless(String first, String unit) {
        byte[] head = first.getBytes(StandardCharsets.UTF_8);
        byte[] more = unit.getBytes(StandardCharsets.UTF_8);
        return new java.io.InputStream() {
            private long at;

            @Override
            public int read() {
                long i = at++;
                return i < head.length ? head[(int) i] : more[(int) ((i - head.length) % more.length)];
            }
        };
    }

    @Test
    void documentsThatWouldFillTheMemoryAreRefusedEarly() {
        // within the body limit (gigabytes), yet each would grow a string, a list or the parser's stack without end
        TableRequestException text = assertThrows(TableRequestException.class,
            () -> TableDocuments.vosiTable(endless(VOSI_HEAD + "<description>", "x")));
        assertEquals(400, text.status());
        assertTrue(text.getMessage().endsWith("the text of description is longer than 65536 characters"), text.getMessage());
        TableRequestException columns = assertThrows(TableRequestException.class, () -> TableDocuments.vosiTable(
            endless(VOSI_HEAD, "<column><name>a</name><dataType xsi:type=\"vs:VOTableType\">int</dataType></column>")));
        assertTrue(columns.getMessage().endsWith("more than 1600 columns, PostgreSQL's limit"), columns.getMessage());
        TableRequestException fields = assertThrows(TableRequestException.class, () -> TableDocuments.voTableFields(
            endless("<VOTABLE><RESOURCE><TABLE>", "<FIELD name=\"a\" datatype=\"int\"/>")));
        assertTrue(fields.getMessage().endsWith("more than 1600 columns, PostgreSQL's limit"), fields.getMessage());
        TableRequestException deep = assertThrows(TableRequestException.class,
            () -> TableDocuments.vosiTable(endless(VOSI_HEAD, "<x>")));
        assertEquals(400, deep.status());
    }

    @Test
    void aVoTablesFirstTableDefinesTheColumnsAndItsDataIsNotRead() throws Exception {
        String votable = "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
            + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE name=\"ignored\" utype=\"u:t\">"
            + "<DESCRIPTION>my list</DESCRIPTION>"
            + "<FIELD name=\"id\" datatype=\"long\"><DESCRIPTION>the id</DESCRIPTION></FIELD>"
            + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.ra\"/>"
            + "<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\" xtype=\"timestamp\" utype=\"u:s\"/>"
            + "<PARAM name=\"p\" datatype=\"int\" value=\"1\"/>"
            + "<DATA><TABLEDATA><TR><TD>1</TD><TD>2</TD><TD>unclosed"; // never parsed
        TableSpec spec = TableDocuments.voTableFields(bytes(votable));
        assertEquals(new TableSpec("my list", "u:t", List.of(
            new ColumnSpec("id", "long", null, null, null, null, null, "the id"),
            new ColumnSpec("ra", "double", null, null, "deg", "pos.eq.ra", null, null),
            new ColumnSpec("s", "char", "*", "timestamp", null, null, "u:s", null))), spec);
        TableSpec noData = TableDocuments.voTableFields(bytes("<VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" "
            + "datatype=\"int\"/></TABLE><TABLE><FIELD name=\"b\" datatype=\"int\"/></TABLE></RESOURCE></VOTABLE>"));
        assertEquals(List.of("a"), noData.columns().stream().map(ColumnSpec::name).toList());
    }

    @Test
    void aVoTableWithoutTableOrWithAFieldWithoutDatatypeIsA400() {
        assertEquals("the VOTable has no TABLE, so it defines no columns", assertThrows(TableRequestException.class,
            () -> TableDocuments.voTableFields(bytes("<VOTABLE><RESOURCE/></VOTABLE>"))).getMessage());
        assertTrue(assertThrows(TableRequestException.class, () -> TableDocuments.voTableFields(bytes(
            "<VOTABLE><RESOURCE><TABLE><FIELD name=\"a\"/></TABLE></RESOURCE></VOTABLE>"))).getMessage()
            .endsWith("FIELD a has no datatype"));
        assertTrue(assertThrows(TableRequestException.class, () -> TableDocuments.voTableFields(bytes(
            "<!DOCTYPE VOTABLE SYSTEM \"http://example.org/x.dtd\"><VOTABLE/>"))).getMessage().contains("DOCTYPE"));
    }

    @Test
    void theContentTypeChoosesTheDocument() {
        assertEquals(TableDocuments.Kind.VOSI_TABLE, TableDocuments.kind("text/xml; charset=UTF-8"));
        assertEquals(TableDocuments.Kind.VOTABLE, TableDocuments.kind("application/x-votable+xml"));
        assertEquals(TableDocuments.Kind.VOTABLE, TableDocuments.kind("text/x-votable+xml;content=datatype"));
        assertEquals(415, assertThrows(TableRequestException.class, () -> TableDocuments.kind("text/csv")).status());
        assertEquals(415, assertThrows(TableRequestException.class, () -> TableDocuments.kind(null)).status());
    }

    @Test
    void aBodyOverTheLimitIsA413AndAVoTableIsSpooledForItsRows() throws Exception {
        String doc = VOSI_HEAD + "<column><name>a</name><dataType>int</dataType></column></vosi:table>";
        TableRequestException tooLong = assertThrows(TableRequestException.class,
            () -> TableDocuments.read("text/xml", bytes(doc), 100));
        assertEquals(413, tooLong.status());
        assertTrue(tooLong.getMessage().contains("archive.usertables.load.max-bytes"), tooLong.getMessage());
        try (TableDocuments.Body body = TableDocuments.read("text/xml", bytes(doc), 1 << 20)) {
            assertEquals(null, body.rows());
            assertEquals("a", body.spec().columns().get(0).name());
        }
        assertEquals(413, assertThrows(TableRequestException.class, () -> TableDocuments.read(
            "application/x-votable+xml", bytes("<VOTABLE>" + " ".repeat(200) + "</VOTABLE>"), 100)).status());
    }

    /** A VOTable's rows come from the spooled file, checked; the loader and the resource may both close them. */
    @Test
    void aVoTablesRowsAreReadFromTheSpooledFile() throws Exception {
        String votable = "<VOTABLE version=\"1.4\"><RESOURCE><TABLE><FIELD name=\"id\" datatype=\"long\"/>"
            + "<FIELD name=\"ra\" datatype=\"double\"/><DATA><TABLEDATA><TR><TD>1</TD><TD>10.5</TD></TR>"
            + "<TR><TD>2</TD><TD>11.5</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        try (TableDocuments.Body body = TableDocuments.read("application/x-votable+xml", bytes(votable), 1 << 20)) {
            assertEquals(List.of("id", "ra"), body.spec().columns().stream().map(ColumnSpec::name).toList());
            org.voarchive.table.RowSource rows = body.rows();
            assertEquals(List.of("id", "ra"), rows.columnNames());
            rows.close();
            rows.close();
        }
        String unsafe = "<VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"int\"/><DATA><BINARY>"
            + "<STREAM href=\"file:///etc/passwd\"/></BINARY></DATA></TABLE></RESOURCE></VOTABLE>";
        try (TableDocuments.Body body = TableDocuments.read("application/x-votable+xml", bytes(unsafe), 1 << 20)) {
            TableRequestException refused = assertThrows(TableRequestException.class, body::rows);
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("STREAM refers to file:///etc/passwd"), refused.getMessage());
        }
    }
}
