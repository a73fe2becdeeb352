package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Datalink: {links} of stored rows (the demo plates and rows loaded here) and
 * of rows generated from the metadata (DOI, landing page, related
 * identifiers), NotFoundFault, the ID cap, formats, access levels, loading
 * through the admin API (all or nothing), landing pages, the semantics page,
 * the files the links point to, and service descriptors in TAP results.
 */
@Tag("smoke")
class DatalinkIT {

    private static final String ADMIN = "it-dl-admin";
    private static final String MEMBER = "it-dl-member";
    private static final String PASSWORD = "it-dl-secret";
    private static final String DOI_SEMANTICS = "/datalink/semantics#doi";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, "it_dl_members");

    @BeforeAll
    static void fixtures() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_dl CASCADE");
            s.execute("CREATE SCHEMA it_dl");
            s.execute("CREATE TABLE it_dl.secret (id text PRIMARY KEY)");
            s.execute("DELETE FROM archive.datalinks WHERE object_id LIKE 'it-dl-%'");
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_dl", null, ADMIN, PASSWORD).statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.schemas SET published = true, doi = '10.5072/it-dl' WHERE name = 'it_dl'");
            s.execute("UPDATE archive.tables SET published = true, data_access = 'PRIVATE', metadata_access = 'PRIVATE'"
                + " WHERE schema_id = (SELECT id FROM archive.schemas WHERE name = 'it_dl')");
        }
        assertEquals(200, Archive.send("PUT", "/admin/metadata/tables/it_dl.secret/groups", "[\"it_dl_members\"]",
            ADMIN, PASSWORD).statusCode());
        String credits = Archive.send("GET", "/admin/metadata/schemas/it_dl/credits", null, ADMIN, PASSWORD).body();
        int version = Archive.version(credits);
        HttpResponse<String> set = Archive.send("PUT", "/admin/metadata/schemas/it_dl/credits", """
            {"creators":[{"name":"Doe, Jane","nameType":"Personal","givenName":"Jane","familyName":"Doe"}],
             "contributors":[],"relatedIdentifiers":[{"identifier":"2101.00001","type":"arXiv","relation":"IsDescribedBy"},
             {"identifier":"ISBN 978-3-16","type":"ISBN","relation":"References"}],"version":%d}""".formatted(version),
            ADMIN, PASSWORD);
        assertEquals(200, set.statusCode(), set.body());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.datalinks WHERE object_id LIKE 'it-dl-%'");
            s.execute("DROP SCHEMA IF EXISTS it_dl CASCADE");
            s.execute("DELETE FROM archive.schemas WHERE name = 'it_dl'");
            // before its members (USERS deletes them after this): their archive.user_groups rows cascade (V3)
            s.execute("DELETE FROM archive.groups WHERE name = 'it_dl_members'");
        }
    }


    private static HttpResponse<String> links(String query, String user) throws Exception {
        return Archive.send("GET", "/datalink/links?" + query, null, user, user == null ? null : PASSWORD);
    }

    /** Each row as ID|access_url|service_def|error_message|semantics|content_type|content_length. */
    private static List<String> rows(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        StarTable t = Tap.table(response.body().getBytes(StandardCharsets.UTF_8), "votable");
        List<String> rows = new ArrayList<>();
        try (RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                rows.add(rs.getCell(0) + "|" + rs.getCell(1) + "|" + rs.getCell(2) + "|" + rs.getCell(3) + "|"
                    + rs.getCell(4) + "|" + rs.getCell(6) + "|" + rs.getCell(7));
            }
        }
        return rows;
    }

    @Test
    void plateLinksAreStoredRowsWithWorkingFilesAndTheirDoi() throws Exception {
        HttpResponse<String> r = links("ID=P0001&ID=no-such-plate", null);
        assertEquals("application/x-votable+xml;content=datalink", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("<INFO name=\"standardID\" value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>"));
        List<String> rows = rows(r);
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(0).matches("P0001\\|http://[^|]+/files/demo/plates/P0001\\.fits\\|null\\|null\\|#this\\|image/fits\\|\\d+"),
            rows.get(0));
        assertTrue(rows.get(1).contains("|#preview|image/png|"), rows.get(1));
        assertTrue(rows.get(2).contains("https://doi.org/10.5072/voarchive.demo.plates.P0001|null|null|http")
            && rows.get(2).contains(DOI_SEMANTICS), rows.get(2));
        assertTrue(rows.get(3).startsWith("no-such-plate|null|null|NotFoundFault: "), rows.get(3));
        // the files are there, as long as the links say
        String[] scan = rows.get(0).split("\\|");
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(scan[1])).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("application/fits", file.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Long.parseLong(scan[6]), file.body().length);
        assertTrue(new String(file.body(), 0, 30, StandardCharsets.US_ASCII).startsWith("SIMPLE  ="));
        assertEquals(404, Archive.get("/files/../archive.env").statusCode());
        assertEquals(404, Archive.get("/files/demo/plates/nothing.fits").statusCode());
    }

    @Test
    void schemasAndTablesHaveTheirDoiLandingPageAndRelatedIdentifiers() throws Exception {
        List<String> schema = rows(links("ID=it_dl", null));
        assertTrue(schema.get(0).startsWith("it_dl|https://doi.org/10.5072/it-dl|null|null|http")
            && schema.get(0).contains(DOI_SEMANTICS), schema.toString());
        assertTrue(schema.get(1).matches("it_dl\\|http://[^|]+/landing/it_dl\\|null\\|null\\|#documentation\\|text/html\\|null"),
            schema.get(1));
        assertTrue(schema.get(2).startsWith("it_dl|https://arxiv.org/abs/2101.00001|null|null|#auxiliary"), schema.get(2));
        assertEquals(3, schema.size(), "an ISBN has no resolver: no link: " + schema);
        String landing = new String(Archive.get("/landing/it_dl").body(), StandardCharsets.UTF_8);
        assertTrue(landing.contains("https://doi.org/10.5072/it-dl") && landing.contains("Doe, Jane"), landing);
        // DataCite's recommended form: Creators (PublicationYear): Title. ...
        assertTrue(landing.matches("(?s).*<p class=\"citation\" id=\"citation\">Doe, Jane \\(\\d{4}\\): it_dl\\. .*"),
            landing);
        String table = new String(Archive.get("/landing/demo.plates").body(), StandardCharsets.UTF_8);
        assertTrue(table.contains("10.5072/voarchive.demo.plates"), table);
        String plate = new String(Archive.get("/landing/P0001").body(), StandardCharsets.UTF_8);
        assertTrue(plate.contains("<meta name=\"DC.identifier\" content=\"doi:10.5072/voarchive.demo.plates.P0001\">"), plate);
        assertEquals(404, Archive.get("/landing/it_dl.secret").statusCode(), "private");
        assertEquals(200, Archive.send("GET", "/landing/it_dl.secret", null, MEMBER, PASSWORD).statusCode());
    }

    @Test
    void accessLevelsHoldForGeneratedAndStoredRows() throws Exception {
        String csv = "ID,access_url,semantics,table_name\nit-dl-hidden,https://example.org/h,#this,it_dl.secret\n";
        HttpResponse<String> loaded = upload(csv, "merge");
        assertEquals(200, loaded.statusCode(), loaded.body());
        assertTrue(rows(links("ID=it_dl.secret&ID=it-dl-hidden", null)).stream().allMatch(r -> r.contains("NotFoundFault")));
        List<String> member = rows(links("ID=it_dl.secret&ID=it-dl-hidden", MEMBER));
        assertTrue(member.stream().noneMatch(r -> r.contains("NotFoundFault")), member.toString());
        assertTrue(member.contains("it-dl-hidden|https://example.org/h|null|null|#this|null|null"), member.toString());
    }

    private static HttpResponse<String> upload(String csv, String mode) throws Exception {
        return Archive.loadDatalinks(csv, mode, ADMIN, PASSWORD);
    }

    private static long stored(String like) throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM archive.datalinks WHERE object_id LIKE '" + like + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void loadsAreAllOrNothingAndMergeByIdentifier() throws Exception {
        String good = "ID,access_url,semantics,description,content_length\n"
            + "it-dl-a,https://example.org/a.fits,#this,\"A, the first\",100\n"
            + "it-dl-a,https://example.org/a.png,http://www.ivoa.net/rdf/datalink/core#preview,,\n"
            + "00042,/files/demo/plates/P0001.png,#doi,leading zeros stay,\n";
        HttpResponse<String> first = upload(good.replace("00042", "it-dl-00042"), "merge");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"rows\":3") && first.body().contains("\"objects\":2"), first.body());
        List<String> a = rows(links("ID=it-dl-a&ID=it-dl-00042", null));
        assertEquals("it-dl-a|https://example.org/a.png|null|null|#preview|null|null", a.get(1), "core URIs written #term");
        assertTrue(a.get(2).matches("it-dl-00042\\|http://[^|]+/files/demo/plates/P0001\\.png\\|.*"), a.get(2));
        String[][] bad = {
            {"ID,access_url,semantics\nit-dl-a,https://example.org/new,#this\nit-dl-b,https://example.org/b,#nonsense\n",
                "row 2 (ID it-dl-b): semantics #nonsense"},
            {"ID,access_url,error_message,semantics\nit-dl-a,https://example.org/x,oops,#this\n", "exactly one of"},
            {"ID,access_url,semantics,content_length\nit-dl-a,https://example.org/x,#this,-5\n", "content_length"},
            {"ID,access_url,semantics\nit-dl-a,not a url,#this\n", "access_url"},
            {"ID,access_url,semantics,table_name\nit-dl-a,https://example.org/x,#this,nowhere.nothing\n", "nowhere.nothing"},
            {"ID,href,semantics\nit-dl-a,https://example.org/x,#this\n", "unknown columns [href]"},
            {"ID,access_url,semantics\nit-dl-a,\"https://example.org/x,#this\n", "not closed"}};
        for (String[] b : bad) {
            HttpResponse<String> r = upload(b[0], "merge");
            assertEquals(400, r.statusCode(), b[0]);
            assertTrue(r.body().contains(b[1]), r.body() + " should say " + b[1]);
        }
        assertEquals(2, rows(links("ID=it-dl-a", null)).size(), "the bad files changed nothing");
        HttpResponse<String> merged = upload("ID,access_url,semantics\nit-dl-a,https://example.org/only,#this\n", "merge");
        assertEquals(200, merged.statusCode(), merged.body());
        assertEquals(List.of("it-dl-a|https://example.org/only|null|null|#this|null|null"), rows(links("ID=it-dl-a", null)));
        assertEquals(1, stored("it-dl-00042"), "merging replaces only the file's IDs");
        assertEquals(400, upload("ID,access_url,semantics\n", "everything").statusCode());
    }

    @Test
    void formatsTheIdCapAndRequestsWithoutIds() throws Exception {
        assertEquals(List.of(), rows(links("", null)), "no ID: an empty table");
        HttpResponse<String> json = links("ID=P0002&RESPONSEFORMAT=json", null);
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElse(""));
        assertTrue(json.body().contains("\"P0002\",\"http") && json.body().contains("\"queryStatus\":\"OK\""), json.body());
        HttpResponse<String> b2 = Archive.send("GET", "/datalink/links?ID=P0002&RESPONSEFORMAT=votable/b2", null, null, null);
        assertTrue(b2.body().contains("<BINARY2>"), b2.body());
        HttpResponse<String> bad = links("ID=P0002&RESPONSEFORMAT=pdf", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("UsageFault: RESPONSEFORMAT=pdf"), bad.body());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1005; i++) {
            many.append("ID=many-").append(i).append('&');
        }
        HttpResponse<String> capped = HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + "/datalink/links"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(many.toString())).build(), HttpResponse.BodyHandlers.ofString());
        List<String> rows = rows(capped);
        assertEquals(1000, rows.size(), "one NotFoundFault row for each of the first 1000 IDs");
        assertTrue(capped.body().contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\">"), "DALI overflow");
        HttpResponse<byte[]> viewed = Archive.get("/datalink/view?ID=P0003");
        // the site's page policy: styles and scripts from the archive only, none inline
        assertTrue(viewed.headers().firstValue("Content-Security-Policy").orElse("")
            .startsWith("default-src 'none'; script-src 'self'; style-src 'self';"), viewed.headers().toString());
        String view = new String(viewed.body(), StandardCharsets.UTF_8);
        assertFalse(view.contains("<style") || view.contains("<script>"), view);
        assertTrue(view.contains("<title>Datalinks for P0003 \u2013 ") && view.contains("P0003.fits\">"), view);
    }

    @Test
    void theLocalSemanticsResolveAndResultsDescribeTheService() throws Exception {
        String semantics = new String(Archive.get("/datalink/semantics").body(), StandardCharsets.UTF_8);
        assertTrue(semantics.contains("id=\"doi\"") && semantics.contains("typeof=\"skos:Concept\""), semantics);
        String capabilities = new String(Archive.get("/datalink/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(capabilities.contains("standardID=\"ivo://ivoa.net/std/DataLink#links-1.1\""), capabilities);
        String result = Tap.text(Tap.get(List.of(java.util.Map.entry("LANG", "ADQL"), java.util.Map.entry("QUERY",
            "SELECT TOP 3 field, plate_id FROM demo.plates"))));
        Matcher field = Pattern.compile("<FIELD[^>]*ID=\"([^\"]+)\"[^>]*name=\"plate_id\"").matcher(result);
        assertTrue(field.find(), result);
        assertTrue(result.contains("<RESOURCE type=\"meta\" utype=\"adhoc:service\">") && result.contains(
            "ref=\"" + field.group(1) + "\""), result);
        String plain = Tap.text(Tap.get(List.of(java.util.Map.entry("LANG", "ADQL"), java.util.Map.entry("QUERY",
            "SELECT TOP 3 field FROM demo.plates"))));
        assertFalse(plain.contains("adhoc:service"), "no descriptor without a Datalink ID column");
        String cone = new String(Archive.get("/scs/demo/plates?RA=56.75&DEC=24.12&SR=1").body(), StandardCharsets.UTF_8);
        assertTrue(cone.contains("adhoc:service"), "cone search results too: " + cone);
        Uws uws = Uws.anonymous();
        String job = uws.submit("SELECT TOP 2 plate_id FROM demo.plates");
        assertEquals("COMPLETED", Uws.phaseOf(uws.awaitEnd(job, java.time.Duration.ofSeconds(60))));
        String stored = uws.get(job + "/results/result").body();
        assertTrue(stored.contains("<RESOURCE type=\"meta\" utype=\"adhoc:service\">"), "async results too: " + stored);
        uws.delete(job);
    }
}
