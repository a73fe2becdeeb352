package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API: HTTP Basic against the database users, role admin, validation and optimistic locking. */
@Tag("smoke")
class AdminIT {

    private static final String ADMIN = "it-admin";
    private static final String ADMIN_PASSWORD = "it-admin-secret-1";
    private static final String OTHER = "it-astronomer";
    private static final String OTHER_PASSWORD = "it-astronomer-secret";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, ADMIN_PASSWORD, "admin")
        .add(OTHER, OTHER_PASSWORD, "astronomers");

    @BeforeAll
    static void aScratchTable() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_admin CASCADE");
            s.execute("CREATE SCHEMA it_admin");
            s.execute("CREATE TABLE it_admin.t (id integer PRIMARY KEY, x real)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_admin CASCADE");
            s.execute("DELETE FROM archive.schemas WHERE name = 'it_admin'");
        }
    }


    @Test
    void onlyAdministratorsGetIn() throws Exception {
        HttpResponse<String> anonymous = Archive.send("GET", "/admin/metadata/tables", null, null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
        assertEquals(401, Archive.send("GET", "/admin/metadata/tables", null, ADMIN, "wrong password").statusCode());
        assertEquals(403, Archive.send("GET", "/admin/metadata/tables", null, OTHER, OTHER_PASSWORD).statusCode());
        HttpResponse<String> admin = Archive.send("GET", "/admin/metadata/tables", null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("\"name\":\"bsc5\""), admin.body());
        // public endpoints stay public, with or without credentials
        assertEquals(200, Archive.send("GET", "/tap/availability", null, null, null).statusCode());
        assertEquals(200, Archive.send("GET", "/tap/availability", null, OTHER, OTHER_PASSWORD).statusCode());
    }

    @Test
    void editsAreValidatedAndNeverLostBetweenTwoEditors() throws Exception {
        HttpResponse<String> discovered = Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, discovered.statusCode(), discovered.body());
        assertTrue(discovered.body().contains("\"tables\":1"), discovered.body());

        String path = "/admin/metadata/tables/it_admin.t";
        int read = Archive.version(Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body());

        // two editors read the same version; the first wins, the second is told, nothing is lost
        HttpResponse<String> first = Archive.send("PUT", path,
            "{\"title\":\"First title\",\"version\":" + read + "}", ADMIN, ADMIN_PASSWORD);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(read + 1, Archive.version(first.body()));
        HttpResponse<String> second = Archive.send("PUT", path,
            "{\"description\":\"Second editor\",\"version\":" + read + "}", ADMIN, ADMIN_PASSWORD);
        assertEquals(409, second.statusCode(), second.body());
        assertTrue(second.body().contains("\"currentVersion\":" + (read + 1)), second.body());
        String now = Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body();
        assertTrue(now.contains("\"title\":\"First title\"") && !now.contains("Second editor"), now);

        HttpResponse<String> bad = Archive.send("PUT", path,
            "{\"dataAccess\":\"SECRET\",\"version\":" + (read + 1) + "}", ADMIN, ADMIN_PASSWORD);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"field\":\"dataAccess\""), bad.body());
        HttpResponse<String> noVersion = Archive.send("PUT", path, "{\"title\":\"x\"}", ADMIN, ADMIN_PASSWORD);
        assertEquals(400, noVersion.statusCode(), noVersion.body());
        assertTrue(noVersion.body().contains("\"field\":\"version\""), noVersion.body());
        assertEquals(404, Archive.send("GET", "/admin/metadata/tables/it_admin.nope", null, ADMIN, ADMIN_PASSWORD).statusCode());
    }

    @Test
    void deletingMetadataKeepsTheDataAndDiscoveryBringsItBack() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS it_admin.gone (id integer PRIMARY KEY)");
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD).statusCode());
        String path = "/admin/metadata/tables/it_admin.gone";
        int read = Archive.version(Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body());
        assertEquals(409, Archive.send("DELETE", path + "?version=" + (read + 7), null, ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(403, Archive.send("DELETE", path, null, OTHER, OTHER_PASSWORD).statusCode());
        assertEquals(204, Archive.send("DELETE", path + "?version=" + read, null, ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(404, Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(404, Archive.send("DELETE", path, null, ADMIN, ADMIN_PASSWORD).statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT to_regclass('it_admin.gone') IS NOT NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the data must stay");
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(200, Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(404, Archive.send("DELETE", "/admin/metadata/schemas/nope", null, ADMIN, ADMIN_PASSWORD).statusCode());
        // leave it_admin as the other tests expect it: one table
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE it_admin.gone");
        }
        assertEquals(204, Archive.send("DELETE", path, null, ADMIN, ADMIN_PASSWORD).statusCode());
    }

    /** Row counts and sizes follow the database on a timer (deploy/test runs it every 2 s). */
    @Test
    void tableStatisticsFollowTheDatabase() throws Exception {
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD).statusCode());
        String path = "/admin/metadata/tables/it_admin.t";
        int version = Archive.version(Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO it_admin.t SELECT i, i FROM generate_series(1001, 1500) AS i ON CONFLICT DO NOTHING");
            s.execute("ANALYZE it_admin.t");
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String table = Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body();
        while (!table.matches("(?s).*\"nrows\":(5\\d\\d|[6-9]\\d\\d|\\d{4,}).*")) {
            assertTrue(System.nanoTime() < until, "nrows not refreshed: " + table);
            Thread.sleep(500);
            table = Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body();
        }
        assertEquals(version, Archive.version(table), "statistics are no edit: the version stays");
    }

    @Test
    void schemasAreCuratedWithTheSameRules() throws Exception {
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD).statusCode());
        String path = "/admin/metadata/schemas/it_admin";
        assertTrue(Archive.send("GET", "/admin/metadata/schemas", null, ADMIN, ADMIN_PASSWORD).body().contains("\"name\":\"it_admin\""));
        int read = Archive.version(Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body());
        HttpResponse<String> edit = Archive.send("PUT", path, "{\"title\":\"Admin test schema\",\"doi\":\"10.5072/it-admin\","
            + "\"version\":" + read + "}", ADMIN, ADMIN_PASSWORD);
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("\"title\":\"Admin test schema\"") && edit.body().contains("\"doi\":\"10.5072/it-admin\""));
        assertEquals(409, Archive.send("PUT", path, "{\"title\":\"Lost\",\"version\":" + read + "}", ADMIN, ADMIN_PASSWORD)
            .statusCode());
        HttpResponse<String> badDoi = Archive.send("PUT", path, "{\"doi\":\"https://doi.org/10.5072/x\",\"version\":"
            + (read + 1) + "}", ADMIN, ADMIN_PASSWORD);
        assertEquals(400, badDoi.statusCode());
        assertTrue(badDoi.body().contains("\"field\":\"doi\""), badDoi.body());
        assertEquals(400, Archive.send("PUT", path, "{\"name\":\"renamed\",\"version\":" + (read + 1) + "}", ADMIN,
            ADMIN_PASSWORD).statusCode());
        assertEquals(200, Archive.send("PUT", path + "/groups", "[\"astronomers\"]", ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(400, Archive.send("PUT", path + "/groups", "[\"no_such_group\"]", ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(404, Archive.send("GET", "/admin/metadata/schemas/nope", null, ADMIN, ADMIN_PASSWORD).statusCode());
        assertEquals(404, Archive.send("PUT", "/admin/metadata/schemas/nope", "{\"version\":0}", ADMIN, ADMIN_PASSWORD)
            .statusCode());
        assertEquals(403, Archive.send("GET", path, null, OTHER, OTHER_PASSWORD).statusCode());
        HttpResponse<String> malformed = Archive.send("PUT", path, "{\"title\": ", ADMIN, ADMIN_PASSWORD);
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().startsWith("the request body could not be read"), malformed.body());
        assertEquals(400, Archive.send("PUT", path, "{\"version\": \"abc\"}", ADMIN, ADMIN_PASSWORD).statusCode());
        // schemas have credits as tables do, versioned with the schema
        int now = Archive.version(Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body());
        HttpResponse<String> credits = Archive.send("PUT", path + "/credits", "{\"creators\":[{\"name\":\"Example Observatory\","
            + "\"nameType\":\"Organizational\",\"affiliations\":[{\"name\":\"Example\",\"ror\":\"https://ror.org/04wxnsj81\"}]}],"
            + "\"version\":" + now + "}", ADMIN, ADMIN_PASSWORD);
        assertEquals(200, credits.statusCode(), credits.body());
        assertEquals(now + 1, Archive.version(credits.body()));
        assertTrue(Archive.send("GET", path + "/credits", null, ADMIN, ADMIN_PASSWORD).body().contains("04wxnsj81"));
        assertEquals(409, Archive.send("PUT", path + "/credits", "{\"creators\":[],\"version\":" + now + "}", ADMIN,
            ADMIN_PASSWORD).statusCode());
        assertEquals(404, Archive.send("GET", "/admin/metadata/schemas/nope/credits", null, ADMIN, ADMIN_PASSWORD).statusCode());
    }

    @Test
    void creditsAreCheckedStoredCanonicallyAndVersioned() throws Exception {
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD).statusCode());
        String path = "/admin/metadata/tables/it_admin.t/credits";
        HttpResponse<String> empty = Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("\"creators\":[]"), empty.body());
        int read = Archive.version(empty.body());
        String credits = """
            {"creators": [{"name": "Doe, Jane", "nameType": "Personal", "givenName": "Jane", "familyName": "Doe",
                           "orcid": "0000-0002-1825-0097",
                           "affiliations": [{"name": "Example Observatory", "ror": "03yrm5c26"}]}],
             "contributors": [{"type": "DataCurator", "contributor": {"name": "Archive team", "nameType": "Organizational"}}],
             "relatedIdentifiers": [{"identifier": "10.1234/paper", "type": "DOI", "relation": "IsDocumentedBy"}],
             "version": %d}""";
        HttpResponse<String> set = Archive.send("PUT", path, credits.formatted(read), ADMIN, ADMIN_PASSWORD);
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(read + 1, Archive.version(set.body()));
        String stored = Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body();
        assertTrue(stored.contains("\"orcid\":\"https://orcid.org/0000-0002-1825-0097\""), stored);
        assertTrue(stored.contains("\"ror\":\"https://ror.org/03yrm5c26\""), stored);
        assertTrue(stored.contains("\"relation\":\"IsDocumentedBy\""), stored);
        // a second editor with the old version is told, and a bad ORCID is named
        assertEquals(409, Archive.send("PUT", path, credits.formatted(read), ADMIN, ADMIN_PASSWORD).statusCode());
        HttpResponse<String> bad = Archive.send("PUT", path,
            credits.formatted(read + 1).replace("0000-0002-1825-0097", "0000-0002-1825-0098"), ADMIN, ADMIN_PASSWORD);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"field\":\"creators[0].orcid\""), bad.body());
        HttpResponse<String> badRelation = Archive.send("PUT", path,
            credits.formatted(read + 1).replace("IsDocumentedBy", "LooksLike"), ADMIN, ADMIN_PASSWORD);
        assertTrue(badRelation.body().contains("\"field\":\"relatedIdentifiers[0].relation\""), badRelation.body());
        assertEquals(stored, Archive.send("GET", path, null, ADMIN, ADMIN_PASSWORD).body(), "refused edits change nothing");
        String export = Archive.send("GET", "/admin/metadata/export", null, ADMIN, ADMIN_PASSWORD).body();
        assertTrue(export.contains("https://ror.org/03yrm5c26"), "credits are exported");
        assertEquals(404, Archive.send("GET", "/admin/metadata/tables/it_admin.nope/credits", null, ADMIN, ADMIN_PASSWORD)
            .statusCode());
        assertEquals(403, Archive.send("GET", path, null, OTHER, OTHER_PASSWORD).statusCode());
    }

    @Test
    void columnEditsCheckUcdAndUnit() throws Exception {
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD)
            .statusCode());
        String path = "/admin/metadata/tables/it_admin.t/columns/x";
        String list = Archive.send("GET", "/admin/metadata/tables/it_admin.t/columns", null, ADMIN, ADMIN_PASSWORD).body();
        assertTrue(list.contains("\"name\":\"x\"") && list.contains("\"datatype\":\"float\""), list);
        int read = Archive.version(list.substring(list.indexOf("\"name\":\"x\"")));

        HttpResponse<String> badUcd = Archive.send("PUT", path, "{\"ucd\":\"phot.magnitude\",\"version\":" + read + "}",
            ADMIN, ADMIN_PASSWORD);
        assertEquals(400, badUcd.statusCode(), badUcd.body());
        assertTrue(badUcd.body().contains("\"field\":\"ucd\"") && badUcd.body().contains("not a UCD1+ word"), badUcd.body());
        HttpResponse<String> badUnit = Archive.send("PUT", path, "{\"unit\":\"furlongs\",\"version\":" + read + "}",
            ADMIN, ADMIN_PASSWORD);
        assertEquals(400, badUnit.statusCode(), badUnit.body());
        assertTrue(badUnit.body().contains("\"field\":\"unit\""), badUnit.body());
        HttpResponse<String> type = Archive.send("PUT", path, "{\"datatype\":\"double\",\"version\":" + read + "}",
            ADMIN, ADMIN_PASSWORD);
        assertEquals(400, type.statusCode(), type.body());

        HttpResponse<String> good = Archive.send("PUT", path,
            "{\"ucd\":\"phot.mag;em.opt.V\",\"unit\":\"mag\",\"description\":\"V magnitude\",\"version\":" + read + "}",
            ADMIN, ADMIN_PASSWORD);
        assertEquals(200, good.statusCode(), good.body());
        assertEquals(read + 1, Archive.version(good.body()));
        assertEquals(409, Archive.send("PUT", path, "{\"description\":\"late\",\"version\":" + read + "}",
            ADMIN, ADMIN_PASSWORD).statusCode());
    }

    @Test
    void exportedMetadataImportsBackAllOrNothing() throws Exception {
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_admin", null, ADMIN, ADMIN_PASSWORD)
            .statusCode());
        HttpResponse<String> exported = Archive.send("GET", "/admin/metadata/export", null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, exported.statusCode(), exported.body());
        assertTrue(exported.body().contains("\"format\":\"voarchive-metadata/1\""), exported.body());
        assertTrue(exported.body().contains("\"name\":\"bsc5\""), exported.body());

        String doc = """
            {"format": "voarchive-metadata/1", "tables": [
              {"table": {"schema": "it_admin", "name": "t", "description": "Imported description"},
               "columns": [{"name": "x", "description": "Imported x", "unit": "mag"}], "groups": []}]}""";
        HttpResponse<String> imported = Archive.send("POST", "/admin/metadata/import", doc, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(Archive.send("GET", "/admin/metadata/tables/it_admin.t", null, ADMIN, ADMIN_PASSWORD).body()
            .contains("\"description\":\"Imported description\""));
        assertTrue(Archive.send("GET", "/admin/metadata/tables/it_admin.t/columns", null, ADMIN, ADMIN_PASSWORD).body()
            .contains("\"description\":\"Imported x\""));

        // a valid first entry and an unknown table: 400 naming the entry, and the first entry is not applied either
        String bad = """
            {"format": "voarchive-metadata/1", "tables": [
              {"table": {"schema": "it_admin", "name": "t", "description": "Must not stick"}},
              {"table": {"schema": "it_admin", "name": "nothere", "description": "x"}}]}""";
        HttpResponse<String> refused = Archive.send("POST", "/admin/metadata/import", bad, ADMIN, ADMIN_PASSWORD);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("tables[1]"), refused.body());
        assertTrue(Archive.send("GET", "/admin/metadata/tables/it_admin.t", null, ADMIN, ADMIN_PASSWORD).body()
            .contains("\"description\":\"Imported description\""));
        assertEquals(400, Archive.send("POST", "/admin/metadata/import", "{\"format\": \"other\"}", ADMIN, ADMIN_PASSWORD)
            .statusCode());
        assertEquals(403, Archive.send("GET", "/admin/metadata/export", null, OTHER, OTHER_PASSWORD).statusCode());

        // schemas travel too: their curated fields, groups and credits; a bad one changes nothing
        assertTrue(exported.body().contains("\"schemas\":[") && exported.body().contains("\"name\":\"demo\""), exported.body());
        String schemas = """
            {"format": "voarchive-metadata/1", "schemas": [
              {"schema": {"name": "it_admin", "title": "Imported schema title"}, "groups": ["astronomers"],
               "credits": {"creators": [{"name": "Doe, Jane", "orcid": "0000-0002-1825-0097"}]}}]}""";
        assertEquals(200, Archive.send("POST", "/admin/metadata/import", schemas, ADMIN, ADMIN_PASSWORD).statusCode());
        assertTrue(Archive.send("GET", "/admin/metadata/schemas/it_admin", null, ADMIN, ADMIN_PASSWORD).body()
            .contains("\"title\":\"Imported schema title\""));
        assertTrue(Archive.send("GET", "/admin/metadata/schemas/it_admin/credits", null, ADMIN, ADMIN_PASSWORD).body()
            .contains("https://orcid.org/0000-0002-1825-0097"));
        HttpResponse<String> badSchema = Archive.send("POST", "/admin/metadata/import", schemas
            .replace("Imported schema title", "Must not stick").replace("0000-0002-1825-0097", "0000-0002-1825-0098"),
            ADMIN, ADMIN_PASSWORD);
        assertEquals(400, badSchema.statusCode(), badSchema.body());
        assertTrue(badSchema.body().contains("schemas[0].creators[0].orcid"), badSchema.body());
        assertTrue(Archive.send("GET", "/admin/metadata/schemas/it_admin", null, ADMIN, ADMIN_PASSWORD).body()
            .contains("\"title\":\"Imported schema title\""), "a refused import changes nothing");
    }
}
