package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.conformance.SchemaValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * The IVOA Data Origin INFOs of every query result: TAP sync and async, cone search and datalink VOTables
 * (the query's items at the root, each read table's in the results RESOURCE), JSON and FITS; their facts
 * from the published metadata, so a DOI changed through the admin API is the next result's citation.
 * demo.plates has the demo DOI (LoadDemoData); demo.bsc5 has none.
 */
class DataOriginIT {

    private static final String VOTABLE_NS = "http://www.ivoa.net/xml/VOTable/v1.3";
    private static final String PLATES_DOI = "10.5072/voarchive.demo.plates";
    private static final String PLATES = "SELECT TOP 3 plate_id, ra, dec FROM demo.plates ORDER BY plate_id";
    private static final String ADMIN = "it-origin-admin";
    private static final String PASSWORD = "it-origin-secret";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    /** A result VOTable's INFOs: those at the root and those of its results RESOURCE, by name, in order. */
    private record Infos(Map<String, List<String>> root, Map<String, List<String>> resource) {

        static Infos of(byte[] votable) throws Exception {
            assertEquals(List.of(), SchemaValidator.problems(votable, VOTABLE_NS, "VOTABLE"),
                new String(votable, StandardCharsets.UTF_8));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(votable)).getDocumentElement();
            Map<String, List<String>> top = new LinkedHashMap<>();
            Map<String, List<String>> results = new LinkedHashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getLocalName().equals("INFO")) {
                    add(top, e);
                } else if (n instanceof Element e && e.getLocalName().equals("RESOURCE")
                        && "results".equals(e.getAttribute("type"))) {
                    for (Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                        if (m instanceof Element i && i.getLocalName().equals("INFO")) {
                            add(results, i);
                        }
                    }
                }
            }
            return new Infos(top, results);
        }

        private static void add(Map<String, List<String>> map, Element info) {
            map.computeIfAbsent(info.getAttribute("name"), k -> new ArrayList<>()).add(info.getAttribute("value"));
        }

        String one(String name) {
            List<String> values = root.getOrDefault(name, List.of());
            assertEquals(1, values.size(), name + " at the root: " + root);
            return values.get(0);
        }

        List<String> table(String name) {
            return resource.getOrDefault(name, List.of());
        }
    }

    private static List<Map.Entry<String, String>> params(String... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return list;
    }

    private static HttpResponse<byte[]> sync(String adql, String format) throws Exception {
        HttpResponse<byte[]> r = Tap.get(params("LANG", "ADQL", "QUERY", adql, "RESPONSEFORMAT", format));
        assertEquals(200, r.statusCode(), Tap.text(r));
        return r;
    }

    /** What the query items say whatever the protocol: the site, the software, the date. */
    private static void assertSiteItems(Infos infos, String server) {
        assertFalse(infos.one("publisher").isBlank());
        // the Server header's product token, and the release (the build's version) after a slash
        assertTrue(infos.one("server_software").matches(java.util.regex.Pattern.quote(server) + "/\\d+\\.\\d+.*"),
            infos.one("server_software"));
        assertFalse(infos.one("contact").isBlank());
        Instant date = Instant.parse(infos.one("request_date"));
        assertTrue(Duration.between(date, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0, "request_date " + date);
    }

    @Test
    void aSyncTapResultCarriesTheQueryAndTheTablesOrigin() throws Exception {
        HttpResponse<byte[]> r = sync(PLATES, "votable/td");
        Infos infos = Infos.of(r.body());
        assertSiteItems(infos, r.headers().firstValue("Server").orElse(""));
        assertEquals("ivo://ivoa.net/std/TAP", infos.one("service_protocol"));
        assertTrue(infos.one("service_ivoid").matches("ivo://.+/tap"), infos.one("service_ivoid"));
        String request = infos.one("request");
        assertTrue(request.contains("/tap/sync?") && request.contains("LANG=ADQL")
            && request.contains("QUERY=" + URLEncoder.encode(PLATES, StandardCharsets.UTF_8)), request);
        assertEquals(PLATES, infos.one("query"));
        assertEquals(List.of("doi:" + PLATES_DOI), infos.table("citation"));
        assertEquals(1, infos.table("reference_url").size(), infos.resource().toString());
        String landing = infos.table("reference_url").get(0);
        assertTrue(landing.endsWith("/landing/demo.plates"), landing);
        assertEquals(200, Archive.get("/landing/demo.plates").statusCode());
        assertEquals(infos.table("data_ivoid"), infos.table("ivoid"));
        assertEquals(List.of(infos.one("service_ivoid")), infos.table("data_ivoid"), "the record whose tableset has it");
        assertEquals(1, infos.table("publication_date").size(), infos.resource().toString());
        // still a TAP result: QUERY_STATUS first in the results RESOURCE
        assertEquals("OK", infos.table("QUERY_STATUS").get(0));
    }

    @Test
    void aTableWithoutDoiIsCitedByItsLandingPageAndAJoinNamesEachTable() throws Exception {
        Infos infos = Infos.of(sync("SELECT TOP 1 p.plate_id, b.name FROM demo.plates AS p, demo.bsc5 AS b", "votable").body());
        List<String> pages = infos.table("reference_url");
        List<String> citations = infos.table("citation");
        assertEquals(2, pages.size(), pages.toString());
        assertEquals(2, citations.size(), citations.toString());
        assertTrue(pages.stream().anyMatch(p -> p.endsWith("/landing/demo.plates"))
            && pages.stream().anyMatch(p -> p.endsWith("/landing/demo.bsc5")), pages.toString());
        for (int i = 0; i < 2; i++) { // each table's items together, in the order the tables were read
            assertEquals(pages.get(i).endsWith("/landing/demo.plates") ? "doi:" + PLATES_DOI : pages.get(i), citations.get(i),
                "demo.bsc5 has no DOI: its landing page");
        }
    }

    @Test
    void aDoiLicenceCreatorAndVersionChangedThroughTheAdminApiAreInTheNextResult() throws Exception {
        String path = "/admin/metadata/tables/demo.plates";
        String[] before = stored();
        try {
            int version = Archive.version(Archive.send("GET", path, null, ADMIN, PASSWORD).body());
            HttpResponse<String> edit = Archive.send("PUT", path, "{\"doi\":\"10.5072/it-origin.changed\","
                + "\"licenseUrl\":\"https://creativecommons.org/licenses/by/4.0/\",\"licenseLabel\":\"CC BY 4.0\","
                + "\"version\":" + version + "}", ADMIN, PASSWORD);
            assertEquals(200, edit.statusCode(), edit.body());
            // a release is one short line: anything else is refused, naming the field, and changes nothing
            HttpResponse<String> refused = Archive.send("PUT", path + "/credits", "{\"resourceVersion\":\"DR1\\nDR2\","
                + "\"version\":" + Archive.version(edit.body()) + "}", ADMIN, PASSWORD);
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("resourceVersion"), refused.body());
            HttpResponse<String> credits = Archive.send("PUT", path + "/credits", "{\"creators\":[{\"name\":\"Origin, Ada\","
                + "\"nameType\":\"Personal\",\"givenName\":\"Ada\",\"familyName\":\"Origin\"},{\"name\":\"Plate <Survey> & Co\","
                + "\"nameType\":\"Organizational\"}],\"resourceVersion\":\"DR-it\",\"version\":" + Archive.version(edit.body())
                + "}", ADMIN, PASSWORD);
            assertEquals(200, credits.statusCode(), credits.body());
            Infos infos = Infos.of(sync(PLATES, "votable").body());
            assertEquals(List.of("doi:10.5072/it-origin.changed"), infos.table("citation"));
            assertEquals(List.of("https://creativecommons.org/licenses/by/4.0/"), infos.table("rights_uri"));
            assertEquals(List.of("CC BY 4.0"), infos.table("rights"));
            assertEquals(List.of("Origin, Ada", "Plate <Survey> & Co"), infos.table("creator"), "escaped, in order");
            assertEquals(List.of("DR-it"), infos.table("resource_version"), "the release the credits name");
            // the same source as the DataCite record
            String record = new String(Archive.get("/doi/datacite/demo.plates").body(), StandardCharsets.UTF_8);
            assertTrue(record.contains(">10.5072/it-origin.changed</identifier>"), record);
            assertTrue(record.contains("<version>DR-it</version>"), record);
            String landing = new String(Archive.get("/landing/demo.plates").body(), StandardCharsets.UTF_8);
            assertTrue(landing.contains("<dd id=\"version\">DR-it</dd>"), landing);
        } finally {
            restore(before);
        }
        assertEquals(List.of("doi:" + PLATES_DOI), Infos.of(sync(PLATES, "votable").body()).table("citation"));
    }

    /** demo.plates' DOI, licence and credits as stored. */
    private static String[] stored() throws Exception {
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement("""
                SELECT t.doi, t.license_spdx, t.license_label, t.license_url, t.credits::text
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = 'demo' AND t.name = 'plates'""");
             ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), "demo.plates has metadata");
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
        }
    }

    /** Puts them back (the admin API cannot empty a licence): the metadata generation moves on with it. */
    private static void restore(String[] before) throws Exception {
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement("""
                UPDATE archive.tables t SET doi = ?, license_spdx = ?, license_label = ?, license_url = ?,
                       credits = ?::jsonb, version = t.version + 1, updated = now()
                  FROM archive.schemas s WHERE s.id = t.schema_id AND s.name = 'demo' AND t.name = 'plates'""")) {
            for (int i = 0; i < before.length; i++) {
                s.setString(i + 1, before[i]);
            }
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void anAsyncResultCarriesThemWithTheAsyncRequest() throws Exception {
        Uws anonymous = Uws.anonymous();
        String job = anonymous.submit(PLATES, "RESPONSEFORMAT", "votable");
        String doc = anonymous.awaitEnd(job, Duration.ofSeconds(60));
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        HttpResponse<byte[]> result = anonymous.getBytes(job + "/results/result");
        assertEquals(200, result.statusCode());
        Infos infos = Infos.of(result.body());
        assertSiteItems(infos, result.headers().firstValue("Server").orElse(""));
        assertEquals("ivo://ivoa.net/std/TAP", infos.one("service_protocol"));
        assertTrue(infos.one("request").contains("/tap/async?"), infos.one("request"));
        assertTrue(infos.one("request").contains("QUERY=" + URLEncoder.encode(PLATES, StandardCharsets.UTF_8)));
        assertEquals(List.of("doi:" + PLATES_DOI), infos.table("citation"));
        anonymous.delete(job);
    }

    @Test
    void aConeSearchResultCarriesThemWithItsOwnService() throws Exception {
        HttpResponse<byte[]> r = Archive.get("/scs/demo/plates?RA=10&DEC=20&SR=5&MAXREC=2");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        Infos infos = Infos.of(r.body());
        assertSiteItems(infos, r.headers().firstValue("Server").orElse(""));
        assertEquals("ivo://ivoa.net/std/ConeSearch", infos.one("service_protocol"));
        assertTrue(infos.one("service_ivoid").endsWith("/scs/demo/plates"), infos.one("service_ivoid"));
        assertTrue(infos.one("request").contains("/scs/demo/plates?") && infos.one("request").contains("RA=10"),
            infos.one("request"));
        assertFalse(infos.root().containsKey("query"), "no ADQL was given");
        assertEquals(List.of("doi:" + PLATES_DOI), infos.table("citation"));
        // SR=0 asks for the metadata only: still the origin of the table it describes
        Infos empty = Infos.of(Archive.get("/scs/demo/plates?RA=10&DEC=20&SR=0").body());
        assertEquals(List.of("doi:" + PLATES_DOI), empty.table("citation"));
    }

    @Test
    void aDatalinkResponseCarriesThemForTheTablesOfItsRows() throws Exception {
        HttpResponse<byte[]> r = Archive.get("/datalink/links?ID=P0001");
        assertEquals(200, r.statusCode());
        Infos infos = Infos.of(r.body());
        assertSiteItems(infos, r.headers().firstValue("Server").orElse(""));
        assertEquals("ivo://ivoa.net/std/DataLink#links-1.1", infos.one("service_protocol"));
        assertTrue(infos.one("service_ivoid").endsWith("/datalink"), infos.one("service_ivoid"));
        assertTrue(infos.one("request").contains("/datalink/links?ID=P0001"), infos.one("request"));
        assertEquals(List.of("doi:" + PLATES_DOI), infos.table("citation"), "P0001's rows belong to demo.plates");
        Infos unknown = Infos.of(Archive.get("/datalink/links?ID=no-such-object").body());
        assertEquals("ivo://ivoa.net/std/DataLink#links-1.1", unknown.one("service_protocol"));
        assertFalse(unknown.resource().containsKey("citation"), "no table: the service's items only");
        String json = new String(Archive.get("/datalink/links?ID=demo.plates&RESPONSEFORMAT=application/json").body(),
            StandardCharsets.UTF_8);
        assertTrue(json.contains("{\"name\":\"citation\",\"value\":\"doi:" + PLATES_DOI + "\""), json);
    }

    @Test
    void fitsAndJsonResultsCarryWhatTheirFormatAllows() throws Exception {
        String publisher = Infos.of(sync(PLATES, "votable").body()).one("publisher");
        HttpResponse<byte[]> fits = sync(PLATES, "fits");
        List<String> cards = tableHeader(fits.body());
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("REFERENC= 'doi:" + PLATES_DOI + "'")), cards.toString());
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("DATE    = '")), cards.toString());
        if (publisher.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e) && publisher.length() <= 60) {
            assertTrue(cards.stream().anyMatch(c -> c.startsWith("ORIGIN  = '" + publisher.replace("'", "''") + "'")),
                cards.toString());
        }
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("COMMENT Data Origin service_protocol = ivo://ivoa.net/std/TAP")),
            cards.toString());
        StarTable table = Tap.table(fits.body(), "fits");
        int rows = 0;
        try (RowSequence seq = table.getRowSequence()) {
            while (seq.next()) {
                rows++;
            }
        }
        assertEquals(3, rows, "the rows as before");
        String json = Tap.text(sync(PLATES, "json"));
        assertTrue(json.contains("\"dataOrigin\":[{\"name\":\"publisher\""), json);
        assertTrue(json.contains("{\"name\":\"citation\",\"value\":\"doi:" + PLATES_DOI + "\""), json);
        assertTrue(json.contains("\"data\":["), json);
    }

    /** The header cards of the FITS file's second HDU (the table), each 80 characters. */
    private static List<String> tableHeader(byte[] fits) {
        int at = 0;
        boolean primary = true;
        List<String> cards = new ArrayList<>();
        while (at + 80 <= fits.length) {
            String card = new String(fits, at, 80, StandardCharsets.US_ASCII);
            at += 80;
            if (!primary) {
                cards.add(card);
            }
            if (card.startsWith("END     ") || card.equals("END" + " ".repeat(77))) {
                if (!primary) {
                    return cards;
                }
                primary = false;
                at = (at + 2879) / 2880 * 2880; // the primary HDU has no data: the next header starts at a block
            }
        }
        throw new AssertionError("no table HDU header found");
    }
}
