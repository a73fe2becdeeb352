package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The TAP service's DALI examples: /tap/examples is well-formed XHTML with the RDFa of each example, for
 * every client; every example's query runs through /tap/sync (an upload example with a table as it
 * declares); the capabilities declare the document; the admin API stores only examples whose query checks.
 */
class ExamplesIT {

    private static final String ADMIN = "it-examples-admin";
    private static final String PASSWORD = "it-examples-secret";
    private static final String PATH = "/admin/metadata/examples/";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.examples WHERE name LIKE 'it-%'");
        }
    }

    private static HttpResponse<String> put(String name, String query, String version) throws Exception {
        String json = "{\"title\":\"IT: the brightest <stars> & more\",\"description\":\"Written by ExamplesIT\","
            + "\"query\":\"" + query.replace("\"", "\\\"") + "\",\"position\":99"
            + (version == null ? "" : ",\"version\":" + version) + "}";
        return Archive.send("PUT", PATH + name, json, ADMIN, PASSWORD);
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), field + ": " + r.body());
    }

    @Test
    void theAdminApiStoresCheckedExamplesWithVersions() throws Exception {
        assertField(put("it-bad", "SELECT nosuch FROM demo.bsc5", null), "query");
        assertField(put("it-bad", "SELECT hr FROM demo.nosuch", null), "query");
        assertField(put("it-bad", "SELEKT hr FROM demo.bsc5", null), "query");
        assertField(put("1-bad", "SELECT hr FROM demo.bsc5", null), "name");
        assertEquals(404, Archive.send("GET", PATH + "it-bad", null, ADMIN, PASSWORD).statusCode(), "nothing was stored");
        assertEquals(401, Archive.send("GET", PATH, null, null, null).statusCode(), "admins only");

        HttpResponse<String> created = put("it-brightest", "SELECT TOP 5 hr, vmag FROM demo.bsc5 ORDER BY vmag", null);
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"tables\":[\"demo.bsc5\"]"), "the tables the query reads: " + created.body());
        int version = Archive.version(created.body());
        String page = new String(examples("ExamplesIT").body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("id=\"it-brightest\"") && page.contains("IT: the brightest &lt;stars"), page);
        parse(page.getBytes(StandardCharsets.UTF_8));

        assertField(put("it-brightest", "SELECT TOP 3 hr FROM demo.bsc5", null), "version");
        assertEquals(409, put("it-brightest", "SELECT TOP 3 hr FROM demo.bsc5", "" + (version + 5)).statusCode(), "a stale version");
        HttpResponse<String> replaced = put("it-brightest", "SELECT TOP 3 hr FROM demo.bsc5", "" + version);
        assertEquals(200, replaced.statusCode(), replaced.body());
        int next = Archive.version(replaced.body());
        String exported = Archive.send("GET", "/admin/metadata/export", null, ADMIN, PASSWORD).body();
        assertTrue(exported.contains("\"name\":\"it-brightest\""), "examples are part of the metadata export");

        assertEquals(409, Archive.send("DELETE", PATH + "it-brightest?version=" + version, null, ADMIN, PASSWORD).statusCode());
        assertEquals(204, Archive.send("DELETE", PATH + "it-brightest?version=" + next, null, ADMIN, PASSWORD).statusCode());
        assertEquals(404, Archive.send("GET", PATH + "it-brightest", null, ADMIN, PASSWORD).statusCode());
        assertTrue(!new String(examples("ExamplesIT").body(), StandardCharsets.UTF_8).contains("it-brightest"), "gone from the page");
    }

    private static final Pattern UPLOAD = Pattern.compile("TAP_UPLOAD\\.([A-Za-z][A-Za-z0-9_]*)\\(([^)]*)\\)");

    static HttpResponse<byte[]> examples(String userAgent) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + "/tap/examples"))
            .timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void theDocumentIsWellFormedXhtmlWithTheExamplesRdfaForEveryClient() throws Exception {
        for (String agent : List.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "STILTS taplint", "TOPCAT/4.10", "python-requests/2.31")) {
            HttpResponse<byte[]> r = examples(agent);
            assertEquals(200, r.statusCode(), agent);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/xhtml+xml"), agent);
            Document doc = parse(r.body());
            XPath x = XPathFactory.newInstance().newXPath();
            assertEquals("http://www.ivoa.net/rdf/examples#", x.evaluate("//*[@vocab]/@vocab", doc), agent);
            NodeList examples = (NodeList) x.evaluate("//*[@typeof='example']", doc, XPathConstants.NODESET);
            assertTrue(examples.getLength() >= 4, "the demo examples at least: " + examples.getLength());
            for (int i = 0; i < examples.getLength(); i++) {
                Element e = (Element) examples.item(i);
                String id = e.getAttribute("id");
                assertEquals("#" + id, e.getAttribute("resource"), id);
                assertEquals(1.0, x.evaluate("count(.//*[@property='name'])", e, XPathConstants.NUMBER), id);
                assertEquals(1.0, x.evaluate("count(.//*[@property='query'])", e, XPathConstants.NUMBER), id);
                assertTrue(((Number) x.evaluate("count(.//*[@property='table'])", e, XPathConstants.NUMBER)).intValue() >= 1, id);
            }
        }
    }

    @Test
    void everyExampleQueryRuns() throws Exception {
        Document doc = parse(examples("ExamplesIT").body());
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList examples = (NodeList) x.evaluate("//*[@typeof='example']", doc, XPathConstants.NODESET);
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < examples.getLength(); i++) {
            Element e = (Element) examples.item(i);
            String id = e.getAttribute("id");
            String query = x.evaluate(".//*[@property='query']", e);
            HttpResponse<byte[]> r;
            Matcher upload = UPLOAD.matcher(e.getTextContent());
            if (query.toUpperCase(java.util.Locale.ROOT).contains("TAP_UPLOAD")) {
                assertTrue(upload.find(), id + ": an upload example says what it uploads");
                r = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("QUERY", query),
                    Tap.Part.field("MAXREC", "10"), Tap.Part.field("UPLOAD", upload.group(1) + ",param:t"),
                    new Tap.Part("t", "t.vot", votable(upload.group(2)).getBytes(StandardCharsets.UTF_8))));
            } else {
                r = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("MAXREC", "10"), Map.entry("QUERY", query)));
            }
            assertEquals(200, r.statusCode(), id + ": " + Tap.text(r));
            assertTrue(Tap.text(r).contains("<TABLEDATA>") || Tap.text(r).contains("<BINARY"), id);
            ran.add(id);
        }
        assertTrue(ran.containsAll(List.of("pleiades-cone", "upload-crossmatch", "plate-dois", "spectral-types")), ran.toString());
    }

    /** One row over the Pleiades, with the columns the example declares (VOTable datatypes). */
    private static String votable(String columns) {
        StringBuilder fields = new StringBuilder();
        StringBuilder row = new StringBuilder();
        double[] pleiades = {56.75, 24.12};
        int numeric = 0;
        for (String c : columns.split(",")) {
            String[] nameType = c.strip().split("\\s+");
            boolean text = nameType[1].endsWith("har");
            fields.append("<FIELD name=\"").append(nameType[0]).append("\" datatype=\"").append(nameType[1]).append('"')
                .append(text ? " arraysize=\"*\"" : "").append("/>");
            row.append("<TD>").append(text ? "x" : numeric < 2 ? String.valueOf(pleiades[numeric++]) : "1").append("</TD>");
        }
        return "<VOTABLE xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\" version=\"1.3\"><RESOURCE><TABLE>" + fields
            + "<DATA><TABLEDATA><TR>" + row + "</TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    @Test
    void theCapabilitiesDeclareTheExamples() throws Exception {
        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?s)<capability standardID=\"ivo://ivoa.net/std/DALI#examples\">\\s*<interface[^>]*"
            + "xsi:type=\"[a-z0-9]+:WebBrowser\"[^>]*>\\s*<accessURL use=\"full\">([^<]*)</accessURL>").matcher(capabilities);
        assertTrue(m.find(), capabilities);
        assertTrue(m.group(1).endsWith("/tap/examples"), m.group(1)); // the site's public base URL, configured
    }
}
