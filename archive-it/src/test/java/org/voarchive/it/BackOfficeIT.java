package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's roles, pages and the admin API endpoints it added: role curator on the metadata's part of
 * the admin API only; the pages under /admin for curators and administrators (anonymous callers sent to sign
 * in, others refused with a page); the database's undescribed tables, discovering one table, the changes since
 * the last discovery, the columns' order, clearing a field, versioned group grants, UCD suggestions, and a
 * table's access in words, checked against what TAP lets each caller do.
 */
class BackOfficeIT {

    private static final String ADMIN = "it-office-admin";
    private static final String CURATOR = "it-office-curator";
    private static final String MEMBER = "it-office-member";
    private static final String OTHER = "it-office-other";
    private static final String PASSWORD = "it-office-secret-1";
    private static final String GROUP = "it_office_group";
    private static final String SCHEMA = "it_office";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
        + " img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(CURATOR, PASSWORD, "curator")
        .add(MEMBER, PASSWORD, GROUP).add(OTHER, PASSWORD);

    @BeforeAll
    static void scratchTables() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            // t for access, u for edits, d for discovery (e stays undescribed until the schema is discovered)
            s.execute("CREATE TABLE it_office.t (id integer PRIMARY KEY, ra double precision, secret text)");
            s.execute("INSERT INTO it_office.t SELECT i, i, 's' || i FROM generate_series(1, 5) AS i");
            s.execute("CREATE TABLE it_office.u (id integer)");
            s.execute("CREATE TABLE it_office.d (id integer PRIMARY KEY, ra double precision, x real, note text)");
            s.execute("CREATE TABLE it_office.e (id integer)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
            s.execute("DELETE FROM archive.groups WHERE name = '" + GROUP + "'");
        }
    }

    private static HttpResponse<String> as(String user, String method, String path, String json) throws Exception {
        return Archive.send(method, path, json, user, user == null ? null : PASSWORD);
    }

    private static int status(String user, String method, String path) throws Exception {
        return as(user, method, path, null).statusCode();
    }

    @Test
    void curatorsMayDescribeButNotTheRestOfTheAdminApi() throws Exception {
        for (String path : List.of("/admin/metadata/tables", "/admin/metadata/schemas", "/admin/metadata/undescribed",
                "/admin/metadata/groups", "/admin/metadata/tables/demo.bsc5/access", "/admin/metadata/export")) {
            assertEquals(200, status(CURATOR, "GET", path), path);
            assertEquals(200, status(ADMIN, "GET", path), path);
            assertEquals(403, status(OTHER, "GET", path), path);
            assertEquals(401, status(null, "GET", path), path);
        }
        // the ADQL functions (SQL the database runs), ingest, datalinks, DOIs, maintenance, users: administrators only
        for (String path : List.of("/admin/metadata/functions", "/admin/metadata/functions/x", "/admin/ingest",
                "/admin/datalink", "/admin/maintenance", "/admin/accounts", "/admin/obscore")) {
            assertEquals(403, status(CURATOR, "GET", path), path);
            assertEquals(401, status(null, "GET", path), path);
        }
        assertEquals(403, status(CURATOR, "POST", "/admin/doi/register"));
        HttpResponse<String> accounts = as(ADMIN, "GET", "/admin/accounts", null);
        assertEquals(200, accounts.statusCode(), accounts.body());
        assertTrue(accounts.body().contains("\"name\":\"" + CURATOR + "\"") && accounts.body().contains("\"curator\""),
            accounts.body());
        assertFalse(accounts.body().contains("password") || accounts.body().contains("hash"), accounts.body());
        // a curator's edit goes through like an administrator's
        assertEquals(200, status(CURATOR, "POST", "/admin/metadata/discover?schema=it_office&table=u"));
        String path = "/admin/metadata/tables/it_office.u";
        int version = Archive.version(as(CURATOR, "GET", path, null).body());
        HttpResponse<String> edit = as(CURATOR, "PUT", path, "{\"title\":\"Curated\",\"version\":" + version + "}");
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("\"title\":\"Curated\""), edit.body());
    }

    @Test
    void thePagesLetInCuratorsAndAdministratorsSendAnonymousCallersToSignInAndTellOthersWhy() throws Exception {
        for (String page : List.of("/admin", "/admin/", "/admin/tables/demo.bsc5", "/admin/schemas/demo")) {
            HttpResponse<String> anonymous = as(null, "GET", page, null);
            assertEquals(303, anonymous.statusCode(), page);
            assertEquals(Archive.baseUrl() + "/account?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8),
                anonymous.headers().firstValue("Location").orElse(""), page);
            HttpResponse<String> curator = as(CURATOR, "GET", page, null);
            assertEquals(200, curator.statusCode(), page);
            assertTrue(curator.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            assertEquals(POLICY, curator.headers().firstValue("Content-Security-Policy").orElse(""), page);
            assertEquals("no-store", curator.headers().firstValue("Cache-Control").orElse(""), page);
            assertFalse(curator.body().contains("<script>") || curator.body().contains("<style"), page);
            assertTrue(curator.body().contains("<script defer src=\"/portal/assets/office.js\"></script>"), page);
            assertTrue(curator.body().contains("data-api=\"/admin/metadata\""), page);
            assertFalse(curator.body().contains("admin/users\""), "a curator's pages do not link user administration");
            HttpResponse<String> other = as(OTHER, "GET", page, null);
            assertEquals(403, other.statusCode(), page);
            assertTrue(other.body().contains("Not open to you") && other.body().contains(OTHER), other.body());
        }
        HttpResponse<String> users = as(CURATOR, "GET", "/admin/users", null);
        assertEquals(403, users.statusCode());
        assertTrue(users.body().contains("user administration") && users.body().contains("<code>admin</code>"), users.body());
        HttpResponse<String> admin = as(ADMIN, "GET", "/admin/users", null);
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("data-accounts=\"/admin/accounts\""), admin.body());
        assertTrue(as(ADMIN, "GET", "/admin", null).body().contains("href=\"/admin/users\""), "administrators see the link");
        // the bundle the pages load
        HttpResponse<String> script = as(null, "GET", "/portal/assets/office.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(as(null, "GET", "/portal/assets/office.css", null).statusCode() == 200);
    }

    @Test
    void theSignInFormGoesBackOnlyToThisArchivesPages() throws Exception {
        assertTrue(as(null, "GET", "/account?next=%2Fadmin%2Ftables%2Fdemo.bsc5", null).body()
            .contains("data-next=\"/admin/tables/demo.bsc5\""));
        for (String next : List.of("%2F%2Fevil.example%2Fadmin", "https%3A%2F%2Fevil.example%2F", "admin",
                "%2Fadmin%5C..", "javascript%3Aalert(1)")) {
            assertFalse(as(null, "GET", "/account?next=" + next, null).body().contains("data-next"), next);
        }
        assertTrue(as(CURATOR, "GET", "/account", null).body().contains("id=\"office-link\""), "curators get a link");
        assertFalse(as(OTHER, "GET", "/account", null).body().contains("id=\"office-link\""));
    }

    @Test
    void aCrossSiteEditIsRefusedAsEverywhereElse() throws Exception {
        String path = "/admin/metadata/tables/demo.bsc5";
        int version = Archive.version(as(CURATOR, "GET", path, null).body());
        HttpResponse<String> refused = Archive.request("PUT", path, "application/json",
            "{\"utype\":\"x\",\"version\":" + version + "}", CURATOR, PASSWORD, "Origin", "https://evil.example");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("cross-site request refused"), refused.body());
        assertEquals(version, Archive.version(as(CURATOR, "GET", path, null).body()), "nothing changed");
    }

    @Test
    void discoverOneTableSeeTheChangesAndKeepTheCuratedOrder() throws Exception {
        String undescribed = as(CURATOR, "GET", "/admin/metadata/undescribed", null).body();
        assertTrue(undescribedTables(undescribed).containsAll(List.of("d", "e")), undescribed);
        for (String system : List.of("\"archive\"", "\"pg_catalog\"", "\"information_schema\"", "\"tap_schema\"")) {
            assertFalse(undescribed.contains("\"schema\":" + system), system);
        }
        HttpResponse<String> unknown = as(CURATOR, "POST", "/admin/metadata/discover?schema=it_office&table=nope", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"field\":\"table\""), unknown.body());
        HttpResponse<String> system = as(CURATOR, "POST", "/admin/metadata/discover?schema=archive&table=users", null);
        assertEquals(400, system.statusCode());
        assertTrue(system.body().contains("\"field\":\"schema\""), system.body());
        HttpResponse<String> one = as(CURATOR, "POST", "/admin/metadata/discover?schema=it_office&table=d", null);
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"tables\":1") && one.body().contains("\"columns\":4")
            && one.body().contains("\"tablesRemoved\":0"), one.body());
        List<String> left = undescribedTables(as(CURATOR, "GET", "/admin/metadata/undescribed", null).body());
        assertTrue(left.contains("e") && !left.contains("d"), "one table only: " + left);

        String table = "/admin/metadata/tables/it_office.d";
        int version = Archive.version(as(CURATOR, "GET", table, null).body());
        HttpResponse<String> wrong = as(CURATOR, "PUT", table + "/column-order",
            "{\"columns\":[\"x\",\"id\"],\"version\":" + version + "}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("\"field\":\"columns\""), wrong.body());
        HttpResponse<String> stale = as(CURATOR, "PUT", table + "/column-order",
            "{\"columns\":[\"note\",\"x\",\"ra\",\"id\"],\"version\":" + (version - 1) + "}");
        assertEquals(409, stale.statusCode(), stale.body());
        HttpResponse<String> ordered = as(CURATOR, "PUT", table + "/column-order",
            "{\"columns\":[\"note\",\"x\",\"ra\",\"id\"],\"version\":" + version + "}");
        assertEquals(200, ordered.statusCode(), ordered.body());
        assertEquals(version + 1, Archive.version(ordered.body()));
        assertEquals(List.of("note", "x", "ra", "id"), names(as(CURATOR, "GET", table + "/columns", null).body()));

        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE it_office.d ADD COLUMN y smallint, DROP COLUMN x, ALTER COLUMN ra TYPE real");
            s.execute("CREATE INDEX ON it_office.d (ra)");
        }
        String changes = as(CURATOR, "GET", "/admin/metadata/schemas/it_office/changes", null).body();
        assertEquals(List.of(
            "{\"column\":\"ra\",\"database\":\"float\",\"kind\":\"TYPE_CHANGED\",\"metadata\":\"double\",\"table\":\"d\"}",
            "{\"column\":\"ra\",\"database\":\"indexed\",\"kind\":\"INDEX_CHANGED\",\"metadata\":\"not indexed\",\"table\":\"d\"}",
            "{\"column\":\"y\",\"database\":\"short\",\"kind\":\"COLUMN_ADDED\",\"table\":\"d\"}",
            "{\"column\":\"x\",\"kind\":\"COLUMN_REMOVED\",\"metadata\":\"float\",\"table\":\"d\"}"),
            objects(changes).stream().filter(o -> o.contains("\"table\":\"d\"")).toList());
        assertTrue(changes.contains("{\"database\":\"1 columns\",\"kind\":\"TABLE_ADDED\",\"table\":\"e\"}"), changes);
        assertEquals(404, status(CURATOR, "GET", "/admin/metadata/schemas/no_such_schema/changes"));
        assertEquals(200, status(CURATOR, "POST", "/admin/metadata/discover?schema=it_office"));
        assertEquals("[]", as(CURATOR, "GET", "/admin/metadata/schemas/it_office/changes", null).body());
        // discovery kept the curated order and put the new column last
        assertEquals(List.of("note", "ra", "id", "y"), names(as(CURATOR, "GET", table + "/columns", null).body()));
    }

    /** The tables of it_office an undescribed list names. */
    private static List<String> undescribedTables(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"schema\":\"it_office\",\"tables\":\\[([^\\]]*)\\]")
            .matcher(json);
        return m.find() ? java.util.Arrays.stream(m.group(1).split(",")).map(t -> t.replace("\"", "")).toList() : List.of();
    }

    /** The flat objects of a JSON list, as text. */
    private static List<String> objects(String json) {
        return java.util.regex.Pattern.compile("\\{[^{}]*\\}").matcher(json).results().map(m -> m.group()).toList();
    }

    @Test
    void anEmptyTextClearsAFieldAndGroupGrantsCheckTheVersionGiven() throws Exception {
        as(CURATOR, "POST", "/admin/metadata/discover?schema=it_office&table=u", null);
        String column = "/admin/metadata/tables/it_office.u/columns/id";
        int version = Archive.version(as(CURATOR, "GET", "/admin/metadata/tables/it_office.u/columns", null).body());
        HttpResponse<String> set = as(CURATOR, "PUT", column, "{\"unit\":\"deg\",\"ucd\":\"meta.id\",\"version\":" + version + "}");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("\"unit\":\"deg\""), set.body());
        HttpResponse<String> cleared = as(CURATOR, "PUT", column, "{\"unit\":\"\",\"version\":" + (version + 1) + "}");
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertFalse(cleared.body().contains("\"unit\""), "the unit is gone: " + cleared.body());
        assertTrue(cleared.body().contains("\"ucd\":\"meta.id\""), "the rest stays: " + cleared.body());
        HttpResponse<String> badUnit = as(CURATOR, "PUT", column, "{\"unit\":\"furlong\",\"version\":" + (version + 2) + "}");
        assertEquals(400, badUnit.statusCode());
        assertTrue(badUnit.body().contains("\"field\":\"unit\"") && badUnit.body().contains("furlong"), badUnit.body());

        String table = "/admin/metadata/tables/it_office.u";
        int tableVersion = Archive.version(as(CURATOR, "GET", table, null).body());
        assertEquals("[]", as(CURATOR, "GET", table + "/groups", null).body());
        assertEquals(409, as(CURATOR, "PUT", table + "/groups?version=" + (tableVersion - 1), "[\"admin\"]").statusCode());
        HttpResponse<String> grant = as(CURATOR, "PUT", table + "/groups?version=" + tableVersion, "[\"admin\"]");
        assertEquals(200, grant.statusCode(), grant.body());
        assertEquals(tableVersion + 1, Archive.version(as(CURATOR, "GET", table, null).body()), "a versioned grant moves it on");
        assertEquals("[\"admin\"]", as(CURATOR, "GET", table + "/groups", null).body());
        assertEquals(200, as(CURATOR, "PUT", table + "/groups", "[]").statusCode(), "without a version, as before");
        assertEquals(tableVersion + 1, Archive.version(as(CURATOR, "GET", table, null).body()), "and the version stays");
        HttpResponse<String> unknownGroup = as(CURATOR, "PUT", table + "/groups", "[\"no_such_group\"]");
        assertEquals(400, unknownGroup.statusCode());
        assertTrue(unknownGroup.body().contains("\"field\":\"groups\""), unknownGroup.body());
        assertEquals(200, as(CURATOR, "PUT", column + "/groups?version=" + (version + 2), "[\"admin\"]").statusCode());
        assertEquals("{\"id\":[\"admin\"]}", as(CURATOR, "GET", table + "/column-groups", null).body());
    }

    @Test
    void ucdSuggestionsComeWithTheirReasons() throws Exception {
        HttpResponse<String> r = as(CURATOR, "GET", "/admin/metadata/ucd-suggestions?column=pmra&unit=mas%2Fyr", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("[{\"reason\":\"the name pmra names a proper motion in right ascension\",\"ucd\":\"pos.pm;pos.eq.ra\"},"
            + "{\"reason\":\"the unit mas/yr is a proper motion's (an angle per time)\",\"ucd\":\"pos.pm\"}]", r.body());
        assertEquals(400, status(CURATOR, "GET", "/admin/metadata/ucd-suggestions"));
    }

    @Test
    void aTablesAccessInWordsIsWhatTapLetsEachCallerDo() throws Exception {
        assertEquals(200, status(ADMIN, "POST", "/admin/metadata/discover?schema=it_office&table=t"));
        String table = "/admin/metadata/tables/it_office.t";
        String schema = "/admin/metadata/schemas/it_office";
        int schemaVersion = Archive.version(as(ADMIN, "GET", schema, null).body());
        assertEquals(200, as(ADMIN, "PUT", schema, "{\"published\":true,\"version\":" + schemaVersion + "}").statusCode());
        int version = Archive.version(as(ADMIN, "GET", table, null).body());
        HttpResponse<String> levels = as(ADMIN, "PUT", table, "{\"published\":true,\"dataAccess\":\"PRIVATE\","
            + "\"metadataAccess\":\"INTERNAL\",\"version\":" + version + "}");
        assertEquals(200, levels.statusCode(), levels.body());
        assertEquals(200, as(ADMIN, "PUT", table + "/groups?version=" + (version + 1), "[\"" + GROUP + "\"]").statusCode());
        int secretVersion = Archive.version(objects(as(ADMIN, "GET", table + "/columns", null).body()).stream()
            .filter(o -> o.contains("\"name\":\"secret\"")).findFirst().orElseThrow());
        assertEquals(200, as(ADMIN, "PUT", table + "/columns/secret", "{\"dataAccess\":\"PRIVATE\",\"version\":"
            + secretVersion + "}").statusCode());
        assertEquals(200, as(ADMIN, "PUT", table + "/columns/secret/groups", "[\"admin\"]").statusCode());

        String access = as(CURATOR, "GET", table + "/access", null).body();
        assertTrue(access.contains("\"summary\":\"anonymous: no; signed-in users: metadata only; group " + GROUP
            + ": rows and columns except secret; administrators: rows and all columns\""), access);
        assertTrue(access.contains("\"published\":true"), access);

        // what TAP lets each of them do
        String count = "SELECT COUNT(*) AS n FROM it_office.t";
        assertEquals(400, tap(null, count).statusCode(), "anonymous callers do not find it");
        assertEquals(List.of("table_name", "it_office.t"), tap(OTHER,
            "SELECT table_name FROM tap_schema.tables WHERE table_name = 'it_office.t'").body().lines().toList(),
            "a signed-in user sees its metadata");
        assertEquals(400, tap(OTHER, count).statusCode(), "but cannot read its rows");
        assertEquals(List.of("n", "5"), tap(MEMBER, count).body().lines().toList(), "the group's member reads its rows");
        assertEquals(400, tap(MEMBER, "SELECT secret FROM it_office.t").statusCode(), "but not the column for admin");
        assertEquals(200, tap(ADMIN, "SELECT secret FROM it_office.t").statusCode(), "which administrators read");

        // unpublished, the statement says so and still tells what publishing would give
        int now = Archive.version(as(ADMIN, "GET", table, null).body());
        assertEquals(200, as(ADMIN, "PUT", table, "{\"published\":false,\"version\":" + now + "}").statusCode());
        access = as(CURATOR, "GET", table + "/access", null).body();
        assertTrue(access.contains("\"published\":false") && access.contains("rows and columns except secret"), access);
        assertEquals(404, status(CURATOR, "GET", "/admin/metadata/tables/it_office.nope/access"));
    }

    private static HttpResponse<String> tap(String user, String adql) throws Exception {
        return Archive.request("POST", "/tap/sync", "application/x-www-form-urlencoded",
            "LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8), user,
            user == null ? null : PASSWORD);
    }

    /** The "name" values of a JSON list of columns, in order. */
    private static List<String> names(String json) {
        return java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\"").matcher(json).results().map(m -> m.group(1))
            .toList();
    }
}
