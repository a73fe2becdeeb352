package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Foreign keys through the admin API: declared between tables the database does not link, validated field by
 * field, versioned with their table, shown in TAP_SCHEMA, and kept by discovery beside the keys it reads.
 */
class ForeignKeysIT {

    private static final String ADMIN = "it-fk-admin";
    private static final String PASSWORD = "it-fk-secret";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @BeforeAll
    static void tables() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, "it_fk");
            s.execute("CREATE TABLE it_fk.star (id integer PRIMARY KEY, name text)");
            s.execute("CREATE TABLE it_fk.obs (id integer PRIMARY KEY, star integer)"); // no constraint: a curated key
            s.execute("CREATE TABLE it_fk.spectrum (id integer PRIMARY KEY, star integer REFERENCES it_fk.star (id))");
        }
        assertEquals(200, send("POST", "/admin/metadata/discover?schema=it_fk", null).statusCode());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, "it_fk");
        }
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return Archive.send(method, path, json, ADMIN, PASSWORD);
    }

    private static int version(String table) throws Exception {
        return Archive.version(send("GET", "/admin/metadata/tables/" + table, null).body());
    }

    private static String key(String target, String from, String to, int version) {
        return "{\"targetTable\":\"" + target + "\",\"columns\":[{\"from\":\"" + from + "\",\"target\":\"" + to + "\"}],"
            + "\"description\":\"the star observed\",\"version\":" + version + "}";
    }

    @Test
    void aDeclaredKeyIsValidatedVersionedPublishedAndKeptByDiscovery() throws Exception {
        String keys = "/admin/metadata/tables/it_fk.obs/keys/";
        HttpResponse<String> discovered = send("GET", "/admin/metadata/tables/it_fk.spectrum/keys", null);
        assertEquals(200, discovered.statusCode(), discovered.body());
        assertTrue(discovered.body().contains("\"targetTable\":\"it_fk.star\"") && discovered.body().contains("\"curated\":false"),
            discovered.body());

        int v = version("it_fk.obs");
        assertField(send("PUT", keys + "obs_star", key("it_fk.star", "nosuch", "id", v)), "columns[0].from");
        assertField(send("PUT", keys + "obs_star", key("it_fk.star", "star", "nosuch", v)), "columns[0].target");
        assertField(send("PUT", keys + "obs_star", key("it_fk.nosuch", "star", "id", v)), "targetTable");
        assertField(send("PUT", keys + "obs_star", key("it_fk.star", "star", "name", v)), "columns[0]"); // integer vs text
        assertField(send("PUT", keys + "bad%20id", key("it_fk.star", "star", "id", v)), "keyId");
        assertEquals(v, version("it_fk.obs"), "a refused edit changes nothing");

        HttpResponse<String> put = send("PUT", keys + "obs_star", key("it_fk.star", "star", "id", v));
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.body().contains("\"keyId\":\"obs_star\"") && put.body().contains("\"curated\":true")
            && put.body().contains("\"version\":" + (v + 1)), put.body());
        HttpResponse<String> stale = send("PUT", keys + "obs_star", key("it_fk.star", "star", "id", v));
        assertEquals(409, stale.statusCode(), "a second editor with the old version: " + stale.body());

        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.schemas SET published = true WHERE name = 'it_fk'");
            s.execute("UPDATE archive.tables SET published = true WHERE schema_id = (SELECT id FROM archive.schemas WHERE name = 'it_fk')");
            try (ResultSet rs = s.executeQuery("SELECT k.from_table, k.target_table, k.description, c.from_column, c.target_column"
                    + " FROM tap_schema.keys k JOIN tap_schema.key_columns c ON c.key_id = k.key_id WHERE k.key_id = 'obs_star'")) {
                assertTrue(rs.next(), "the key is in TAP_SCHEMA");
                assertEquals("it_fk.obs it_fk.star the star observed star id", rs.getString(1) + " " + rs.getString(2)
                    + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
            }
        }
        String tables = new String(Archive.get("/tap/tables/it_fk.obs").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(tables.contains("<targetTable>it_fk.star</targetTable>"), tables);

        assertEquals(200, send("POST", "/admin/metadata/discover?schema=it_fk", null).statusCode());
        String after = send("GET", "/admin/metadata/tables/it_fk.obs/keys", null).body();
        assertTrue(after.contains("\"keyId\":\"obs_star\""), "discovery keeps the curated key: " + after);
        assertTrue(send("GET", "/admin/metadata/tables/it_fk.spectrum/keys", null).body().contains("\"curated\":false"),
            "and refreshes the database's");

        // a curated key moves with the metadata export to another instance (here: back after being deleted)
        String exported = send("GET", "/admin/metadata/export", null).body();
        assertTrue(exported.contains("\"keyId\":\"obs_star\""), "the export has the curated key");

        assertEquals(400, send("DELETE", keys + "obs_star", null).statusCode(), "a delete needs the version");
        int now = version("it_fk.obs");
        assertEquals(409, send("DELETE", keys + "obs_star?version=" + (now - 1), null).statusCode());
        assertEquals(204, send("DELETE", keys + "obs_star?version=" + now, null).statusCode());
        assertFalse(send("GET", "/admin/metadata/tables/it_fk.obs/keys", null).body().contains("obs_star"));
        assertEquals(404, send("DELETE", keys + "obs_star?version=" + (now + 1), null).statusCode());

        HttpResponse<String> imported = send("POST", "/admin/metadata/import", exported);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(send("GET", "/admin/metadata/tables/it_fk.obs/keys", null).body().contains("\"keyId\":\"obs_star\""),
            "the import brings the curated key back");
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), field + ": " + r.body());
    }
}
