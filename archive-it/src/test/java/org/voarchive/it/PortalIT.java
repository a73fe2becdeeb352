package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The portal over HTTP: the query page under its Content-Security-Policy, its assets at their stable paths,
 * and the ADQL check endpoint's answers (the browser test, archive-it/src/test/browser/query_page.py, drives
 * the page itself).
 */
@Tag("smoke")
class PortalIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static HttpResponse<String> check(String query, String... headers) throws Exception {
        return Archive.request("POST", "/portal/adql/check", FORM,
            query == null ? "" : "QUERY=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null, null, headers);
    }

    @Test
    void theQueryPageLoadsItsOwnScriptsOnlyAndIsLinkedFromTheHomePage() throws Exception {
        HttpResponse<String> page = Archive.request("GET", "/query", null, null, null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe"), csp);
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertTrue(page.body().contains("data-style-nonce=\"" + nonce.group(1) + "\""), "the editor's style nonce is the header's");
        assertTrue(page.body().contains("<script defer src=\"/portal/assets/query.js\"></script>"), page.body());
        assertFalse(Pattern.compile("<script>").matcher(page.body()).find(), "no inline script");
        String home = new String(Archive.get("/").body(), StandardCharsets.UTF_8);
        assertTrue(home.matches("(?s).*<a id=\"query-page\" href=\"[^\"]*/query\">.*"), home);
    }

    @Test
    void assetsAreServedWithTheirTypesAndEntityTags() throws Exception {
        HttpResponse<String> script = Archive.request("GET", "/portal/assets/query.js", null, null, null, null);
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript;charset=UTF-8", script.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(script.body().contains("cm-editor"), "CodeMirror is in the bundle");
        String tag = script.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Archive.request("GET", "/portal/assets/query.js", null, null, null, null, "If-None-Match", tag)
            .statusCode());
        assertTrue(Archive.request("GET", "/portal/assets/query.css", null, null, null, null).headers()
            .firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(Archive.request("GET", "/portal/assets/licenses.txt", null, null, null, null).body()
            .contains("@codemirror/view"));
        assertEquals(404, Archive.request("GET", "/portal/assets/nosuch.js", null, null, null, null).statusCode());
        assertEquals(404, Archive.request("GET", "/portal/assets/Assets.class", null, null, null, null).statusCode());
    }

    @Test
    void aGoodQueryIsOkAndABadOneSaysWhereWithoutRunning() throws Exception {
        HttpResponse<String> good = check("SELECT TOP 5 name, vmag FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), "
            + "CIRCLE(101.287, -16.716, 1))");
        assertEquals(200, good.statusCode(), good.body());
        assertEquals("{\"ok\":true}", good.body());
        assertTrue(good.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        HttpResponse<String> column = check("SELECT TOP 5 name\nFROM demo.bsc5\nWHERE nosuchcolumn > 1");
        assertEquals(200, column.statusCode(), "a verdict, not a failed request: " + column.body());
        assertTrue(column.body().matches("\\{\"ok\":false,\"message\":\"[^\"]*nosuchcolumn[^\"]*\",\"line\":3,\"column\":7}"),
            column.body());
        // FRM is taken for an alias of name: the parser stumbles on demo
        HttpResponse<String> syntax = check("SELECT TOP 5 name\n  FRM demo.bsc5");
        assertTrue(syntax.body().contains("'demo'") && syntax.body().contains("\"line\":2,\"column\":7"), syntax.body());
        // names the caller may not see are unknown, as to TAP: the archive's own tables are never published
        HttpResponse<String> hidden = check("SELECT name FROM archive.users");
        assertTrue(hidden.body().contains("\"ok\":false") && hidden.body().contains("archive.users"), hidden.body());
    }

    @Test
    void noQueryIsABadRequestAndOtherSitesAreRefused() throws Exception {
        HttpResponse<String> missing = check(null);
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().startsWith("{\"ok\":false,\"message\":\"QUERY is missing"), missing.body());
        HttpResponse<String> tooLong = check("SELECT " + "1 + ".repeat(100_000) + "1");
        assertTrue(tooLong.statusCode() == 400 || tooLong.statusCode() == 413, tooLong.statusCode() + " " + tooLong.body());
        assertEquals(403, check("SELECT 1", "Origin", "http://evil.example").statusCode());
        HttpResponse<String> own = check("SELECT TOP 1 name FROM demo.bsc5", "Origin", Archive.origin());
        assertEquals(200, own.statusCode(), "the page's own POST passes the cross-site filter: " + own.body());
        assertEquals(405, Archive.request("GET", "/portal/adql/check?QUERY=SELECT%201", null, null, null, null).statusCode());
    }
}
