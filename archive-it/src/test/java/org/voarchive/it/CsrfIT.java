package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cross-site requests: a state-changing request naming another site in Origin (or Referer) is a 403 and
 * changes nothing, on the admin API and the public services alike; the same request without those
 * headers (VO clients, curl) or from the archive's own origin goes through.
 */
class CsrfIT {

    private static final String ADMIN = "it-csrf-admin";
    private static final String PASSWORD = "it-csrf-secret-1";
    private static final String EVIL = "http://evil.example";
    private static final String BOUNDARY = "it-csrf-boundary";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.datalinks WHERE object_id LIKE 'it-csrf-%'");
        }
    }

    /** A datalink load (MODE=merge: only this test's IDs) with extra headers. */
    private static HttpResponse<String> load(String id, String... headers) throws Exception {
        String csv = "ID,access_url,semantics\n" + id + ",https://example.org/" + id + ".fits,#this\n";
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"MODE\"\r\n\r\nmerge\r\n"
            + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"links.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        return Archive.request("POST", "/admin/datalink", "multipart/form-data; boundary=" + BOUNDARY, body, ADMIN, PASSWORD,
            headers);
    }

    private static long stored(String id) throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM archive.datalinks WHERE object_id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("cross-site request refused"), r.body());
    }

    @Test
    void adminChangesFromAnotherSiteAreRefusedAndChangeNothing() throws Exception {
        assertRefused(load("it-csrf-a", "Origin", EVIL));
        assertRefused(load("it-csrf-a", "Referer", EVIL + "/page.html"));
        assertRefused(load("it-csrf-a", "Origin", "null"));
        assertEquals(0, stored("it-csrf-a"), "nothing changed");
        assertRefused(Archive.request("PUT", "/admin/metadata/functions/it_csrf_f", "application/json",
            "{\"form\":\"it_csrf_f(x DOUBLE) -> DOUBLE\",\"sqlTemplate\":\"{1}\",\"description\":\"x\"}", ADMIN, PASSWORD,
            "Origin", EVIL));
        assertRefused(Archive.request("DELETE", "/admin/metadata/functions/it_csrf_f?version=0", null, null, ADMIN, PASSWORD,
            "Origin", EVIL));
        assertEquals(404, Archive.send("GET", "/admin/metadata/functions/it_csrf_f", null, ADMIN, PASSWORD).statusCode());
    }

    @Test
    void theSameChangesWithoutOriginOrFromTheArchiveGoThrough() throws Exception {
        HttpResponse<String> plain = load("it-csrf-b");
        assertEquals(200, plain.statusCode(), plain.body());
        assertEquals(1, stored("it-csrf-b"));
        HttpResponse<String> own = load("it-csrf-c", "Origin", Archive.origin());
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(1, stored("it-csrf-c"));
        HttpResponse<String> referred = load("it-csrf-d", "Referer", Archive.origin() + "/admin/");
        assertEquals(200, referred.statusCode(), referred.body());
        assertEquals(1, stored("it-csrf-d"));
    }

    @Test
    void publicServicesAreCoveredAndReadsAreNot() throws Exception {
        String form = "LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + URLEncoder.encode("SELECT TOP 1 schema_name FROM tap_schema.schemas", StandardCharsets.UTF_8);
        String type = "application/x-www-form-urlencoded";
        HttpResponse<String> sync = Archive.request("POST", "/tap/sync", type, form, null, null, "Origin", EVIL);
        assertRefused(sync);
        assertTrue(sync.body().contains("QUERY_STATUS"), "a DALI error document on a DALI path: " + sync.body());
        assertRefused(Archive.request("POST", "/tap/async", type, form, null, null, "Origin", EVIL));
        assertEquals(200, Archive.request("POST", "/tap/sync", type, form, null, null).statusCode(), "pyvo, TOPCAT");
        assertEquals(200, Archive.request("POST", "/tap/sync", type, form, null, null, "Origin", Archive.origin()).statusCode());
        assertEquals(200, Archive.request("GET", "/tap/sync?" + form, null, null, null, null, "Origin", EVIL).statusCode(),
            "a read changes nothing; the browser keeps its answer from the other site (no CORS)");
    }
}
