package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.conformance.SchemaValidator;

/**
 * OAI-PMH 2.0 over the DOI records (the demo table and plates): every verb and
 * format against the OAI-PMH schema and the embedded metadata schemas, every
 * error code, resumption across pages, and an incremental harvest after a
 * metadata edit returning exactly the changed record.
 */
class OaiIT {

    private static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    /** The admin that loads datalinks in aRecordThatGoesKeepsATombstoneUntilItComesBack. */
    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add("it-oai-admin", "it-oai-secret", "admin");

    private static String oai(String query) throws Exception {
        HttpResponse<byte[]> r = Archive.get("/oai?" + query);
        assertEquals(200, r.statusCode(), query);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertEquals(List.of(), SchemaValidator.problems(r.body(), OAI, "OAI-PMH"), query);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void identifyFormatsAndSets() throws Exception {
        String identify = oai("verb=Identify");
        // deleted records are kept for ever unless the operator set a retention (deploy/test sets 30 days)
        String retention = System.getenv("ARCHIVE_OAI_DELETED_RETENTION_DAYS");
        String policy = retention == null || retention.equals("0") ? "persistent" : "transient";
        assertTrue(identify.contains("<deletedRecord>" + policy + "</deletedRecord>"), identify);
        assertTrue(identify.contains("<protocolVersion>2.0</protocolVersion>")
            && identify.contains("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"), identify);
        assertTrue(identify.contains("<request verb=\"Identify\">"), identify);
        assertEquals(List.of("oai_dc", "datacite", "oai_datacite", "ivo_vor"),
            all(oai("verb=ListMetadataFormats"), "<metadataPrefix>([^<]+)</metadataPrefix>"));
        assertEquals(List.of("schemas", "tables", "objects", "ivo_managed"),
            all(oai("verb=ListSets"), "<setSpec>([^<]+)</setSpec>"));
        // Registry Interfaces 1.1: Identify describes the publishing registry
        assertTrue(identify.contains("xsi:type=\"vg:Registry\"") && identify.contains("<managedAuthority>"), identify);
    }

    @Test
    void recordsInEveryFormatAreValidWithTheirPayloads() throws Exception {
        String id = all(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=tables"), "<identifier>([^<]+)</identifier>")
            .stream().filter(i -> i.endsWith(":demo.plates")).findFirst().orElseThrow();
        for (String prefix : List.of("oai_dc", "datacite", "oai_datacite")) {
            String record = oai("verb=GetRecord&metadataPrefix=" + prefix + "&identifier=" + id);
            assertTrue(record.contains("10.5072/voarchive.demo.plates"), record);
            assertTrue(record.contains("<setSpec>tables</setSpec>"), record);
        }
        assertTrue(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id).contains(
            "<dc:identifier>https://doi.org/10.5072/voarchive.demo.plates</dc:identifier>"));
        assertTrue(oai("verb=GetRecord&metadataPrefix=oai_datacite&identifier=" + id).contains("<schemaVersion>4.5</schemaVersion>"));
    }

    @Test
    void everyErrorHasItsCode() throws Exception {
        String[][] cases = {{"", "badVerb"}, {"verb=Nothing", "badVerb"}, {"verb=Identify&verb=Identify", "badVerb"},
            {"verb=Identify&extra=1", "badArgument"}, {"verb=GetRecord&identifier=x", "badArgument"},
            {"verb=ListRecords", "badArgument"}, {"verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-01T00:00:00Z", "badArgument"},
            {"verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument"},
            {"verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-02&until=2025-01-01", "badArgument"},
            {"verb=ListRecords&resumptionToken=xyz", "badResumptionToken"},
            {"verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc", "badArgument"},
            {"verb=ListSets&resumptionToken=abc", "badResumptionToken"},
            {"verb=ListRecords&metadataPrefix=marc", "cannotDisseminateFormat"},
            {"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:x", "idDoesNotExist"},
            {"verb=ListMetadataFormats&identifier=oai:nowhere:x", "idDoesNotExist"},
            {"verb=ListRecords&metadataPrefix=oai_dc&from=1990-01-01&until=1990-01-02", "noRecordsMatch"},
            {"verb=ListIdentifiers&metadataPrefix=oai_dc&set=nosuchset", "noRecordsMatch"}};
        for (String[] c : cases) {
            String answer = oai(c[0]);
            assertTrue(answer.contains("<error code=\"" + c[1] + "\">"), c[0] + " -> " + answer);
            if (c[1].equals("badVerb") || c[1].equals("badArgument")) {
                assertTrue(answer.contains("<request>"), "no arguments echoed for " + c[1] + ": " + answer);
            }
        }
    }

    @Test
    void listsResumeStatelesslyAndIncrementalHarvestsSeeChanges() throws Exception {
        // the demo plates are 12 records plus the table: with a page of 5 (deploy/test) the list takes pages
        List<String> harvested = new ArrayList<>();
        String answer = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        int pages = 1;
        while (true) {
            harvested.addAll(all(answer, "<identifier>([^<]+)</identifier>"));
            List<String> token = all(answer, "<resumptionToken[^>]*>([^<]+)</resumptionToken>");
            if (token.isEmpty()) {
                break;
            }
            String again = oai("verb=ListIdentifiers&resumptionToken=" + token.get(0));
            assertEquals(again.replaceAll("<responseDate>[^<]+", ""),
                oai("verb=ListIdentifiers&resumptionToken=" + token.get(0)).replaceAll("<responseDate>[^<]+", ""),
                "a token gives the same page twice");
            answer = again;
            pages++;
        }
        assertTrue(pages > 1, "more than one page");
        assertEquals(harvested.size(), harvested.stream().distinct().count(), "no record twice");
        assertTrue(harvested.size() >= 13, harvested.toString());
        Matcher size = Pattern.compile("completeListSize=\"(\\d+)\"").matcher(answer);
        assertTrue(size.find());
        assertEquals(harvested.size(), Integer.parseInt(size.group(1)));

        String now = all(oai("verb=Identify"), "<responseDate>([^<]+)</responseDate>").get(0);
        Thread.sleep(1100); // datestamps have seconds
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.tables SET updated = now() WHERE name = 'plates'"
                + " AND schema_id = (SELECT id FROM archive.schemas WHERE name = 'demo')");
        }
        String changed = oai("verb=ListRecords&metadataPrefix=datacite&from=" + now);
        List<String> ids = all(changed, "<identifier>(oai:[^<]+)</identifier>");
        assertEquals(1, ids.size(), changed);
        assertTrue(ids.get(0).endsWith(":demo.plates"), ids.toString());
        assertFalse(changed.contains("resumptionToken"), changed);
    }

    private static HttpResponse<String> loadLinks(String csv) throws Exception {
        return Archive.loadDatalinks(csv, "merge", "it-oai-admin", "it-oai-secret");
    }

    @Test
    void aRecordThatGoesKeepsATombstoneUntilItComesBack() throws Exception {
        try {
            String withDoi = "ID,access_url,semantics\nit-oai-obj,https://doi.org/10.5072/it-oai-obj,#doi\n"
                + "it-oai-obj,https://example.org/it-oai-obj.fits,#this\n";
            assertEquals(200, loadLinks(withDoi).statusCode());
            String any = all(oai("verb=ListIdentifiers&metadataPrefix=oai_dc"), "<identifier>([^<]+)</identifier>").get(0);
            String id = any.substring(0, any.lastIndexOf(':') + 1) + "it-oai-obj";
            assertTrue(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id).contains("10.5072/it-oai-obj"));
            String before = all(oai("verb=Identify"), "<responseDate>([^<]+)</responseDate>").get(0);
            assertEquals(200, loadLinks("ID,access_url,semantics\nit-oai-obj,https://example.org/it-oai-obj.fits,#this\n")
                .statusCode());
            String gone = oai("verb=GetRecord&metadataPrefix=datacite&identifier=" + id);
            assertTrue(gone.contains("<header status=\"deleted\"><identifier>" + id + "</identifier>"), gone);
            assertFalse(gone.contains("<metadata>"), gone);
            String listed = oai("verb=ListRecords&metadataPrefix=oai_dc&set=objects&from=" + before);
            assertTrue(listed.contains("<header status=\"deleted\"><identifier>" + id + "</identifier>"), listed);
            assertEquals(200, loadLinks(withDoi).statusCode());
            String back = oai("verb=GetRecord&metadataPrefix=datacite&identifier=" + id);
            assertTrue(back.contains("10.5072/it-oai-obj") && !back.contains("status=\"deleted\""), back);
        } finally {
            try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
                s.execute("DELETE FROM archive.datalinks WHERE object_id = 'it-oai-obj'");
                s.execute("DELETE FROM archive.oai_deleted WHERE id = 'it-oai-obj'");
                s.execute("DELETE FROM archive.oai_offered WHERE id = 'it-oai-obj'");
            }
        }
    }

    @Test
    void theVoResourcesAreValidRegistryRecords() throws Exception {
        StringBuilder pages = new StringBuilder();
        String page = oai("verb=ListRecords&metadataPrefix=ivo_vor");
        while (true) {
            pages.append(page);
            List<String> token = all(page, "<resumptionToken[^>]*>([^<]+)</resumptionToken>");
            if (token.isEmpty()) {
                break;
            }
            page = oai("verb=ListRecords&resumptionToken=" + token.get(0));
        }
        String all = pages.toString();
        List<String> ids = all(all, "<header><identifier>([^<]+)</identifier>");
        String auth = ids.stream().filter(i -> !i.substring("ivo://".length()).contains("/")).findFirst().orElseThrow();
        for (String expected : List.of(auth, auth + "/registry", auth + "/tap", auth + "/datalink", auth + "/web",
                auth + "/scs/demo/bsc5", auth + "/scs/demo/kstars", auth + "/scs/demo/plates")) {
            assertTrue(ids.contains(expected), expected + " in " + ids);
        }
        assertTrue(all.contains("xsi:type=\"vg:Authority\"") && all.contains("<managingOrg>"), all);
        assertTrue(all.contains("xsi:type=\"tr:TableAccess\""), "the TAP capability as /tap/capabilities has it");
        assertTrue(all.contains("xsi:type=\"cs:ConeSearch\""), all);
        assertTrue(all.contains("<name>demo.kstars</name>"), "the TAP tableset");
        assertTrue(all.contains("xsi:type=\"vg:OAIHTTP\""), all);
        assertTrue(all.contains("<setSpec>ivo_managed</setSpec>"), all);
        String tap = oai("verb=GetRecord&metadataPrefix=ivo_vor&identifier=" + auth + "/tap");
        assertTrue(tap.contains("xsi:type=\"vs:CatalogService\""), tap);
        assertTrue(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + auth + "/tap").contains("<dc:type>Service</dc:type>"));
        assertTrue(oai("verb=GetRecord&metadataPrefix=datacite&identifier=" + auth + "/tap")
            .contains("<error code=\"cannotDisseminateFormat\">"));
        assertEquals(List.of("oai_dc", "ivo_vor"), all(oai("verb=ListMetadataFormats&identifier=" + auth + "/tap"),
            "<metadataPrefix>([^<]+)</metadataPrefix>"));
        assertTrue(oai("verb=GetRecord&metadataPrefix=ivo_vor&identifier=" + auth + "/nothing")
            .contains("<error code=\"idDoesNotExist\">"));
        assertTrue(oai("verb=ListIdentifiers&metadataPrefix=datacite&set=ivo_managed").contains("noRecordsMatch"),
            "VO resources have no DataCite records");
    }
}
