package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operators' ADQL user-defined functions: declared through the admin API (checked by PostgreSQL before they
 * are stored), callable in TAP queries at once, documented in the TAPRegExt capabilities, gone when deleted.
 */
class FunctionsIT {

    private static final String ADMIN = "it-udf-admin";
    private static final String PASSWORD = "it-udf-secret";
    private static final String PATH = "/admin/metadata/functions/";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.functions WHERE name LIKE 'it_%' OR name = 'cbrt'");
        }
    }

    private static HttpResponse<String> put(String name, String form, String template, String version) throws Exception {
        String json = "{\"form\":\"" + form + "\",\"description\":\"Scales a magnitude\""
            + (template == null ? "" : ",\"sqlTemplate\":\"" + template + "\"") + (version == null ? "" : ",\"version\":" + version) + "}";
        return Archive.send("PUT", PATH + name, json, ADMIN, PASSWORD);
    }

    private static String csv(String adql) throws Exception {
        HttpResponse<byte[]> r = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"),
            Map.entry("QUERY", adql)));
        return r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aDeclaredFunctionIsCheckedCallableDocumentedAndRemovable() throws Exception {
        assertField(put("it_scaled", "it_scaled(m DOUBLE, f DOUBLE -> DOUBLE", "{1} * {2}", null), "form");
        assertField(put("it_scaled", "other(m DOUBLE) -> DOUBLE", "{1}", null), "form");
        assertField(put("it_scaled", "it_scaled(m BLOB) -> DOUBLE", "{1}", null), "form");
        assertField(put("sin", "sin(m DOUBLE) -> DOUBLE", "{1}", null), "name");
        assertField(put("ivo_hasword", "ivo_hasword(a TEXT, b TEXT) -> INTEGER", "1", null), "name");
        assertField(put("it_scaled", "it_scaled(m DOUBLE, f DOUBLE) -> DOUBLE", "{1} * {3}", null), "sqlTemplate");
        assertField(put("it_scaled", "it_scaled(m DOUBLE, f DOUBLE) -> DOUBLE", "{1} ** {2}", null), "sqlTemplate");
        assertField(put("it_nosuch", "it_nosuch(m DOUBLE) -> DOUBLE", null, null), "sqlTemplate"); // no such database function
        assertTrue(csv("SELECT TOP 1 it_scaled(vmag, 2.0) AS v FROM demo.bsc5").startsWith("400 "), "nothing was stored");

        HttpResponse<String> created = put("it_scaled", "it_scaled(m DOUBLE, f DOUBLE) -> DOUBLE", "{1} * {2}", null);
        assertEquals(200, created.statusCode(), created.body());
        int version = Archive.version(created.body());
        // a PostgreSQL function of the same name needs no template
        HttpResponse<String> plain = put("cbrt", "cbrt(x DOUBLE) -> DOUBLE", null, null);
        assertEquals(200, plain.statusCode(), plain.body());

        String rows = csv("SELECT TOP 1 vmag, IT_SCALED(vmag, 2.0) AS v, cbrt(27.0) AS c FROM demo.bsc5"
            + " WHERE vmag IS NOT NULL ORDER BY vmag");
        assertTrue(rows.startsWith("200 "), rows);
        String[] line = rows.lines().toList().get(1).split(",");
        assertEquals(2 * Double.parseDouble(line[0]), Double.parseDouble(line[1]), 1e-5, rows); // vmag is a REAL
        assertEquals(3.0, Double.parseDouble(line[2]), 1e-9, rows);

        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(capabilities.contains("<form>it_scaled(m DOUBLE, f DOUBLE) -&gt; DOUBLE</form>")
            && capabilities.contains("Scales a magnitude"), capabilities);

        assertEquals(409, put("it_scaled", "it_scaled(m DOUBLE, f DOUBLE) -> DOUBLE", "({1}) * {2}", "" + (version + 5))
            .statusCode(), "a stale version");
        assertField(put("it_scaled", "it_scaled(m DOUBLE, f DOUBLE) -> DOUBLE", "{1}", null), "version");
        String exported = Archive.send("GET", "/admin/metadata/export", null, ADMIN, PASSWORD).body();
        assertTrue(exported.contains("\"name\":\"it_scaled\""), "functions are part of the metadata export");

        assertEquals(409, Archive.send("DELETE", PATH + "it_scaled?version=" + (version + 1), null, ADMIN, PASSWORD)
            .statusCode());
        assertEquals(204, Archive.send("DELETE", PATH + "it_scaled?version=" + version, null, ADMIN, PASSWORD).statusCode());
        assertTrue(csv("SELECT TOP 1 it_scaled(vmag, 2.0) AS v FROM demo.bsc5").startsWith("400 "), "gone from ADQL");
        assertFalse(new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8).contains("it_scaled"));
        assertEquals(404, Archive.send("GET", PATH + "it_scaled", null, ADMIN, PASSWORD).statusCode());
    }

    /** A template is one SQL expression: several statements, comments and subqueries are refused before planning. */
    @Test
    void aTemplateIsOneExpression() throws Exception {
        String form = "it_multi(x DOUBLE) -> DOUBLE";
        for (String template : List.of("{1}; SELECT pg_sleep(0)", "{1} -- the rest", "{1} /* x */",
                "(SELECT count(*) FROM pg_stat_activity) + {1}", "{1}) FROM pg_stat_activity WHERE (1 = 1")) {
            assertField(put("it_multi", form, template, null), "sqlTemplate");
        }
        assertEquals(404, Archive.send("GET", PATH + "it_multi", null, ADMIN, PASSWORD).statusCode(), "nothing was stored");
        HttpResponse<String> fine = put("it_multi", form, "CASE WHEN {1} > 0 THEN sqrt({1}) ELSE 0 END", null);
        assertEquals(200, fine.statusCode(), fine.body());
        assertEquals(204, Archive.send("DELETE", PATH + "it_multi?version=" + Archive.version(fine.body()), null, ADMIN,
            PASSWORD).statusCode());
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), field + ": " + r.body());
    }
}
