package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's DOIs and datalink loads (/admin/metadata/dois, /admin/metadata/datalinks): a preview is
 * exactly what changes, per ID and field; apply changes exactly those rows (unchanged IDs keep their stored rows,
 * ids and dates); a preview made stale by another load is refused with 409 and changes nothing; a malformed file
 * is a 400 naming the problem; a DataCite record and a broken one validated against the DataCite 4.5 schema; the
 * pages and endpoints for curators and administrators, 403 for other users, 401 without credentials.
 */
class OfficeDoisDatalinksIT {

    private static final String ADMIN = "it-dl-admin";
    private static final String CURATOR = "it-dl-curator";
    private static final String OTHER = "it-dl-other";
    private static final String PASSWORD = "it-dl-secret-1";
    private static final String PREFIX = "it-office-dl-";
    private static final String HEADER = "ID,access_url,service_def,error_message,semantics,description,content_type,"
        + "content_length,content_qualifier,local_semantics,table_name\n";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(CURATOR, PASSWORD, "curator")
        .add(OTHER, PASSWORD);

    private static final String SCHEMA = "it_office_dl";

    @org.junit.jupiter.api.BeforeAll
    static void scratchTable() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE it_office_dl.t (id integer PRIMARY KEY, ra double precision)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.datalinks WHERE object_id LIKE '" + PREFIX + "%'");
            Archive.dropScratchSchema(s, SCHEMA);
        }
    }

    private static HttpResponse<String> file(String action, String csv, String mode, String token, String user)
            throws Exception {
        Map<String, String> fields = token == null ? Map.of("MODE", mode) : Map.of("MODE", mode, "token", token);
        return Archive.datalinkFile("/admin/metadata/datalinks/" + action, csv, fields, user, PASSWORD);
    }

    private static String token(String json) {
        Matcher m = Pattern.compile("\"token\":\"([0-9a-f]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static String row(String id, String url, String semantics, String description) {
        return id + "," + url + ",,," + semantics + "," + description + ",,,,,\n";
    }

    /** The stored rows of the IDs that start so: "object_id id updated access_url description" in load order. */
    private static List<String> stored(String prefix) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT object_id, id, updated, access_url, description FROM archive.datalinks"
                + " WHERE object_id LIKE '" + prefix + "%' ORDER BY object_id, id")) {
            while (rs.next()) {
                rows.add(rs.getString("object_id") + " " + rs.getLong("id") + " " + rs.getString("updated") + " "
                    + rs.getString("access_url") + " " + rs.getString("description"));
            }
        }
        return rows;
    }

    @Test
    void aPreviewIsExactlyWhatApplyThenChanges() throws Exception {
        String mine = PREFIX + "apply-";
        String a = mine + "a";
        String b = mine + "b";
        String c = mine + "c";
        String d = mine + "d";
        HttpResponse<String> first = file("preview", HEADER + row(a, "https://example.org/a.fits", "#this", "A")
            + row(b, "https://example.org/b.fits", "#this", "B") + row(c, "https://example.org/c.fits", "#this", "C"),
            "merge", null, CURATOR);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> applied = file("apply", HEADER + row(a, "https://example.org/a.fits", "#this", "A")
            + row(b, "https://example.org/b.fits", "#this", "B") + row(c, "https://example.org/c.fits", "#this", "C"),
            "merge", token(first.body()), CURATOR);
        assertEquals(200, applied.statusCode(), applied.body());
        List<String> before = stored(mine);
        assertEquals(3, before.size(), before.toString());

        // a unchanged, b's description changes, c gets a second row, d is new
        String csv = HEADER + row(a, "https://example.org/a.fits", "#this", "A")
            + row(b, "https://example.org/b.fits", "#this", "\"B, second edition\"")
            + row(c, "https://example.org/c.fits", "#this", "C") + row(c, "https://example.org/c.png", "#preview", "C preview")
            + row(d, "https://example.org/d.fits", "#this", "D");
        HttpResponse<String> preview = file("preview", csv, "merge", null, CURATOR);
        assertEquals(200, preview.statusCode(), preview.body());
        String p = preview.body();
        assertTrue(p.contains("\"rows\":5") && p.contains("\"added\":1") && p.contains("\"replaced\":2")
            && p.contains("\"removed\":0") && p.contains("\"unchanged\":1") && p.contains("\"applied\":false"), p);
        assertTrue(p.contains("{\"id\":\"" + b + "\",\"change\":\"replaced\",\"rows\":1,\"storedRows\":1,"
            + "\"fields\":[\"description\"]}"), p);
        assertTrue(p.contains("{\"id\":\"" + c + "\",\"change\":\"replaced\",\"rows\":2,\"storedRows\":1,\"fields\":[]}"), p);
        assertTrue(p.contains("{\"id\":\"" + d + "\",\"change\":\"added\",\"rows\":1,\"storedRows\":0,\"fields\":[]}"), p);
        assertFalse(p.contains("\"" + a + "\""), "an unchanged ID is not listed: " + p);
        assertEquals(before, stored(mine), "a preview changes nothing");
        assertEquals(token(p), token(file("preview", csv, "merge", null, ADMIN).body()), "the same file, the same token");

        HttpResponse<String> apply = file("apply", csv, "merge", token(p), CURATOR);
        assertEquals(200, apply.statusCode(), apply.body());
        assertTrue(apply.body().contains("\"applied\":true") && apply.body().contains("\"replaced\":2"), apply.body());
        List<String> after = stored(mine);
        assertEquals(before.get(0), after.get(0), "the unchanged ID keeps its row, id and date");
        assertEquals(5, after.size(), after.toString());
        assertTrue(after.get(1).startsWith(b) && after.get(1).endsWith("B, second edition"), after.toString());
        assertTrue(after.get(3).startsWith(c) && after.get(3).endsWith("C preview"), after.toString());
        assertTrue(after.get(4).startsWith(d), after.toString());
        // and the public {links} shows the new rows
        String links = new String(Archive.get("/datalink/links?ID=" + c + "&RESPONSEFORMAT=json").body(),
            StandardCharsets.UTF_8);
        assertTrue(links.contains("https://example.org/c.png") && links.contains("C preview"), links);

        // the same apply again: its preview is stale now (the stored rows changed), nothing happens
        HttpResponse<String> again = file("apply", csv, "merge", token(p), CURATOR);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("preview the file again"), again.body());
        assertEquals(after, stored(mine));
    }

    @Test
    void aPreviewMadeStaleByAnotherLoadIsAConflictAndChangesNothing() throws Exception {
        String e = PREFIX + "e";
        String csv = HEADER + row(e, "https://example.org/e.fits", "#this", "E");
        HttpResponse<String> preview = file("preview", csv, "merge", null, ADMIN);
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("{\"id\":\"" + e + "\",\"change\":\"added\""), preview.body());
        // someone else loads the same ID meanwhile
        assertEquals(200, Archive.loadDatalinks(HEADER + row(e, "https://example.org/other.fits", "#this", "other"),
            "merge", ADMIN, PASSWORD).statusCode());
        List<String> between = stored(PREFIX).stream().filter(r -> r.startsWith(e)).toList();
        HttpResponse<String> apply = file("apply", csv, "merge", token(preview.body()), ADMIN);
        assertEquals(409, apply.statusCode(), apply.body());
        assertTrue(apply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(between, stored(PREFIX).stream().filter(r -> r.startsWith(e)).toList());
        // another file with the token of this one is no better
        HttpResponse<String> fresh = file("preview", csv, "merge", null, ADMIN);
        HttpResponse<String> other = file("apply", HEADER + row(e, "https://example.org/x.fits", "#this", "X"), "merge",
            token(fresh.body()), ADMIN);
        assertEquals(409, other.statusCode(), other.body());
        assertEquals(400, file("apply", csv, "merge", "", ADMIN).statusCode(), "apply needs the token");
    }

    @Test
    void aReplacePreviewListsTheIdsTheFileLeavesOut() throws Exception {
        String f = PREFIX + "f";
        assertEquals(200, Archive.loadDatalinks(HEADER + row(f, "https://example.org/f.fits", "#this", "F"), "merge",
            ADMIN, PASSWORD).statusCode());
        // replace with a file of one new ID: every stored ID would go (previewed only: the test shares the archive)
        HttpResponse<String> preview = file("preview", HEADER + row(PREFIX + "g", "https://example.org/g.fits", "#this",
            "G"), "replace", null, ADMIN);
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("{\"id\":\"" + f + "\",\"change\":\"removed\",\"rows\":0,\"storedRows\":1"),
            preview.body());
        assertTrue(preview.body().contains("\"mode\":\"replace\"") && preview.body().contains("\"unchanged\":0"),
            preview.body());
        assertTrue(stored(PREFIX).stream().anyMatch(r -> r.startsWith(f)), "a preview changes nothing");
    }

    @Test
    void aMalformedFileIsA400NamingTheProblem() throws Exception {
        HttpResponse<String> badRow = file("preview", HEADER + PREFIX + "h,https://example.org/h,,,#nonsense,,,,,,\n",
            "merge", null, CURATOR);
        assertEquals(400, badRow.statusCode(), badRow.body());
        assertTrue(badRow.body().contains("row 1") && badRow.body().contains("semantics #nonsense"), badRow.body());
        HttpResponse<String> badColumns = file("preview", "ID,where\nx,y\n", "merge", null, CURATOR);
        assertEquals(400, badColumns.statusCode(), badColumns.body());
        assertTrue(badColumns.body().contains("unknown columns [where]"), badColumns.body());
        HttpResponse<String> badMode = file("preview", HEADER, "sometimes", null, CURATOR);
        assertEquals(400, badMode.statusCode(), badMode.body());
    }

    @Test
    void curatorsAndAdministratorsOnly() throws Exception {
        String csv = HEADER + row(PREFIX + "z", "https://example.org/z.fits", "#this", "Z");
        assertEquals(403, file("preview", csv, "merge", null, OTHER).statusCode());
        assertEquals(403, file("apply", csv, "merge", "0", OTHER).statusCode());
        assertEquals(401, Archive.datalinkFile("/admin/metadata/datalinks/preview", csv, Map.of(), null, null).statusCode());
        for (String path : List.of("/admin/metadata/dois", "/admin/metadata/dois/record?ID=demo.plates")) {
            assertEquals(200, Archive.send("GET", path, null, CURATOR, PASSWORD).statusCode(), path);
            assertEquals(200, Archive.send("GET", path, null, ADMIN, PASSWORD).statusCode(), path);
            assertEquals(403, Archive.send("GET", path, null, OTHER, PASSWORD).statusCode(), path);
            assertEquals(401, Archive.send("GET", path, null, null, null).statusCode(), path);
        }
        for (String page : List.of("/admin/dois", "/admin/datalinks", "/admin/exchange")) {
            assertEquals(200, Archive.send("GET", page, null, CURATOR, PASSWORD).statusCode(), page);
            assertEquals(403, Archive.send("GET", page, null, OTHER, PASSWORD).statusCode(), page);
            assertEquals(303, Archive.send("GET", page, null, null, null).statusCode(), page);
        }
        // the sign-in comes back to the record asked for, query included
        HttpResponse<String> anonymous = Archive.send("GET", "/admin/dois?ID=demo.plates", null, null, null);
        assertEquals(Archive.baseUrl() + "/account?next=" + java.net.URLEncoder.encode("/admin/dois?ID=demo.plates",
            StandardCharsets.UTF_8), anonymous.headers().firstValue("Location").orElse(""));
        assertEquals(403, Archive.request("POST", "/admin/metadata/dois/validate", "application/xml", "<resource/>", OTHER,
            PASSWORD).statusCode());
    }

    @Test
    void theDoiPageHasTheTablesRecordValidatedAndABrokenRecordIsInvalid() throws Exception {
        HttpResponse<String> list = Archive.send("GET", "/admin/metadata/dois", null, CURATOR, PASSWORD);
        assertTrue(list.body().contains("{\"id\":\"demo.plates\",\"kind\":\"table\",\"doi\":\"10.5072/voarchive.demo.plates\""),
            list.body());
        HttpResponse<String> record = Archive.send("GET", "/admin/metadata/dois/record?ID=demo.plates", null, CURATOR,
            PASSWORD);
        assertEquals(200, record.statusCode(), record.body());
        assertTrue(record.body().contains("\"valid\":true,\"problems\":[]"), record.body());
        String published = new String(Archive.get("/doi/datacite/demo.plates").body(), StandardCharsets.UTF_8);
        String xml = jakarta.json.Json.createReader(new java.io.StringReader(record.body())).readObject().getString("xml");
        assertEquals(published, xml, "the record shown is the one DataCite and OAI-PMH get");
        assertTrue(record.body().contains("\"registration\":{\"state\":"), record.body());

        HttpResponse<String> valid = Archive.request("POST", "/admin/metadata/dois/validate", "application/xml", published,
            CURATOR, PASSWORD);
        assertEquals(200, valid.statusCode(), valid.body());
        assertEquals("{\"valid\":true,\"problems\":[]}", valid.body());
        String broken = published.replaceAll("<publisher[^>]*>[^<]*</publisher>", "");
        HttpResponse<String> invalid = Archive.request("POST", "/admin/metadata/dois/validate", "application/xml", broken,
            CURATOR, PASSWORD);
        assertEquals(200, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().startsWith("{\"valid\":false,\"problems\":[") && invalid.body().contains("publisher"),
            invalid.body());
        assertEquals(404, Archive.send("GET", "/admin/metadata/dois/record?ID=demo.bsc5", null, CURATOR, PASSWORD)
            .statusCode(), "no DOI");
        assertEquals(400, Archive.send("GET", "/admin/metadata/dois/record", null, CURATOR, PASSWORD).statusCode());
    }

    /**
     * The Export and import page's calls as a curator: the export downloads; an import of one table's entry with
     * another title applies it and says how many tables; a document with ADQL functions is refused (403, with
     * the reason) unless an administrator imports it, since functions are SQL the database runs.
     */
    @Test
    void curatorsImportTablesButNotFunctions() throws Exception {
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=" + SCHEMA + "&table=t", null, CURATOR,
            PASSWORD).statusCode());
        HttpResponse<String> export = Archive.send("GET", "/admin/metadata/export", null, CURATOR, PASSWORD);
        assertEquals(200, export.statusCode());
        jakarta.json.JsonObject document = jakarta.json.Json.createReader(new java.io.StringReader(export.body()))
            .readObject();
        jakarta.json.JsonObject entry = document.getJsonArray("tables").getValuesAs(jakarta.json.JsonObject.class).stream()
            .filter(t -> t.getJsonObject("table").getString("schema").equals(SCHEMA)).findFirst().orElseThrow();
        jakarta.json.JsonObject retitled = jakarta.json.Json.createObjectBuilder(entry).add("table",
            jakarta.json.Json.createObjectBuilder(entry.getJsonObject("table")).add("title", "Imported title")).build();
        String one = jakarta.json.Json.createObjectBuilder().add("format", document.getString("format"))
            .add("schemas", jakarta.json.Json.createArrayBuilder()).add("tables", jakarta.json.Json.createArrayBuilder()
                .add(retitled)).build().toString();
        HttpResponse<String> imported = Archive.send("POST", "/admin/metadata/import", one, CURATOR, PASSWORD);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"tables\":1"), imported.body());
        assertTrue(Archive.send("GET", "/admin/metadata/tables/" + SCHEMA + ".t", null, CURATOR, PASSWORD).body()
            .contains("\"title\":\"Imported title\""));

        String function = jakarta.json.Json.createObjectBuilder().add("format", document.getString("format"))
            .add("schemas", jakarta.json.Json.createArrayBuilder()).add("tables", jakarta.json.Json.createArrayBuilder())
            .add("functions", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                .add("name", "it_dl_f"))).build().toString();
        HttpResponse<String> refused = Archive.send("POST", "/admin/metadata/import", function, CURATOR, PASSWORD);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("only administrators import"), refused.body());
        assertEquals(403, Archive.send("POST", "/admin/metadata/import", one, OTHER, PASSWORD).statusCode());
        assertEquals(401, Archive.send("POST", "/admin/metadata/import", one, null, null).statusCode());
    }

    /**
     * The record's registration state is what the DataCite API (here a stand-in on the port deploy/test
     * configures, as in DoiIT) says of the DOI: not registered (404), then a draft after the page's Register
     * (an administrator's POST /admin/doi/register), failed with DataCite's answer when it refuses.
     */
    @Test
    void theRegistrationStateIsWhatDataCiteSays() throws Exception {
        java.net.URI api = java.net.URI.create(Archive.env("ARCHIVE_DATACITE_API_URL"));
        Map<String, String> states = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        com.sun.net.httpserver.HttpServer datacite = com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress("localhost", api.getPort()), 0);
        datacite.createContext("/dois/", exchange -> {
            String doi = exchange.getRequestURI().getPath().substring("/dois/".length());
            exchange.getRequestBody().readAllBytes();
            int status;
            String answer;
            if (broken.get()) {
                status = 500;
                answer = "{\"errors\":[{\"title\":\"stand-in refuses\"}]}";
            } else if (exchange.getRequestMethod().equals("PUT")) {
                states.put(doi, "draft");
                status = 201;
                answer = "{\"data\":{\"id\":\"" + doi + "\",\"attributes\":{\"state\":\"draft\"}}}";
            } else if (states.containsKey(doi)) {
                status = 200;
                answer = "{\"data\":{\"id\":\"" + doi + "\",\"attributes\":{\"state\":\"" + states.get(doi) + "\"}}}";
            } else {
                status = 404;
                answer = "{\"errors\":[{\"status\":\"404\",\"title\":\"The resource you are looking for doesn't exist.\"}]}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        datacite.start();
        String path = "/admin/metadata/dois/record?ID=demo.plates";
        try {
            String before = Archive.send("GET", path, null, CURATOR, PASSWORD).body();
            assertTrue(before.contains("\"registration\":{\"state\":\"not-registered\"}"), before);
            assertEquals(403, Archive.send("POST", "/admin/doi/register?ID=demo.plates", null, CURATOR, PASSWORD)
                .statusCode(), "curators see the state; administrators register");
            HttpResponse<String> registered = Archive.send("POST", "/admin/doi/register?ID=demo.plates", null, ADMIN,
                PASSWORD);
            assertEquals(200, registered.statusCode(), registered.body());
            String after = Archive.send("GET", path, null, CURATOR, PASSWORD).body();
            assertTrue(after.contains("\"registration\":{\"state\":\"draft\"}"), after);
            broken.set(true);
            String failed = Archive.send("GET", path, null, CURATOR, PASSWORD).body();
            assertTrue(failed.contains("\"registration\":{\"state\":\"failed\",\"reason\":\"DataCite answered HTTP 500:")
                && failed.contains("stand-in refuses"), failed);
        } finally {
            datacite.stop(0);
        }
    }
}
