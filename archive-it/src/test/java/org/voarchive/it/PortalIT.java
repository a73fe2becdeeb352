package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The portal over HTTP: the query page under its Content-Security-Policy, its assets at their stable paths,
 * the ADQL check endpoint's answers (also for queries on uploaded tables), and the job document UWS gives the
 * pages instead of a redirect (the browser test, archive-it/src/test/browser/query_page.py, drives the page
 * itself).
 */
@Tag("smoke")
class PortalIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Positions to upload: one near Sirius, one near Vega (both in demo.bsc5), with a label each. */
    private static final String MINE = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
        + "<FIELD name=\"ra\" datatype=\"double\" unit=\"deg\"/><FIELD name=\"dec\" datatype=\"double\" unit=\"deg\"/>"
        + "<FIELD name=\"label\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>"
        + "<TR><TD>101.287</TD><TD>-16.716</TD><TD>Sirius</TD></TR><TR><TD>279.2347</TD><TD>38.7837</TD><TD>Vega</TD></TR>"
        + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";

    /** A check with the table uploaded as TAP_UPLOAD.mine (UPLOAD=mine,param:t and the part t), as the page sends it. */
    private static Answer checkWithUpload(String query, String fileName, byte[] table) throws Exception {
        HttpResponse<byte[]> r = Tap.multipart("/portal/adql/check", List.of(Tap.Part.field("QUERY", query),
            Tap.Part.field("UPLOAD", "mine,param:t"), new Tap.Part("t", fileName, table)));
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    /** An answer of the check: its status and JSON. */
    private record Answer(int status, String body) {
    }

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
    void aQueryOnAnUploadIsCheckedAgainstTheUploadedTable() throws Exception {
        byte[] mine = MINE.getBytes(StandardCharsets.UTF_8);
        String crossMatch = "SELECT u.label, b.name FROM TAP_UPLOAD.mine AS u JOIN demo.bsc5 AS b\n"
            + "  ON 1 = CONTAINS(POINT(b.ra, b.dec), CIRCLE(u.ra, u.dec, 0.1))";
        Answer good = checkWithUpload(crossMatch, "mine.vot", mine);
        assertEquals(200, good.status(), good.body());
        assertEquals("{\"ok\":true}", good.body());
        // the upload's own columns, as the checker sees them: another is unknown, at its position
        Answer column = checkWithUpload("SELECT u.label, u.nosuch\nFROM TAP_UPLOAD.mine AS u", "mine.vot", mine);
        assertTrue(column.body().matches("\\{\"ok\":false,\"message\":\"[^\"]*nosuch[^\"]*\",\"line\":1,\"column\":19}"),
            column.body());
        // without the table, the query names an unknown one
        HttpResponse<String> without = check(crossMatch);
        assertTrue(without.body().contains("\"ok\":false") && without.body().contains("TAP_UPLOAD.mine"), without.body());
        // CSV is read by the same reader
        Answer csv = checkWithUpload("SELECT ra, dec, label FROM TAP_UPLOAD.mine", "mine.csv",
            "ra,dec,label\n101.287,-16.716,Sirius\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"ok\":true}", csv.body());
    }

    @Test
    void aMalformedOrMissingUploadIsABadRequestSayingWhy() throws Exception {
        Answer broken = checkWithUpload("SELECT * FROM TAP_UPLOAD.mine", "mine.vot",
            "<VOTABLE><oops".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.status(), broken.body());
        assertTrue(broken.body().startsWith("{\"ok\":false,\"message\":\"UPLOAD mine: not an acceptable VOTable"),
            broken.body());
        Answer headerOnly = checkWithUpload("SELECT * FROM TAP_UPLOAD.mine", "mine.csv",
            "ra,dec\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, headerOnly.status(), headerOnly.body());
        assertTrue(headerOnly.body().contains("UPLOAD mine: not a readable csv table"), headerOnly.body());
        HttpResponse<byte[]> noPart = Tap.multipart("/portal/adql/check", List.of(Tap.Part.field("QUERY",
            "SELECT * FROM TAP_UPLOAD.mine"), Tap.Part.field("UPLOAD", "mine,param:missing")));
        assertEquals(400, noPart.statusCode());
        assertTrue(new String(noPart.body(), StandardCharsets.UTF_8).contains("no such multipart part"));
        HttpResponse<byte[]> badName = Tap.multipart("/portal/adql/check", List.of(Tap.Part.field("QUERY", "SELECT 1"),
            Tap.Part.field("UPLOAD", "1x,param:t"), new Tap.Part("t", "t.vot", MINE.getBytes(StandardCharsets.UTF_8))));
        assertEquals(400, badName.statusCode());
        assertTrue(new String(badName.body(), StandardCharsets.UTF_8).contains("regular identifier"));
    }

    @Test
    void uploadsOverTapsLimitAreRefusedAsTapRefusesThem() throws Exception {
        Matcher declared = Pattern.compile("<uploadLimit>\\s*<hard unit=\"byte\">(\\d+)</hard>")
            .matcher(new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8));
        assertTrue(declared.find(), "the capabilities declare the upload limit");
        long limit = Long.parseLong(declared.group(1));
        assertTrue(limit <= 5_000_000, "run the server with ARCHIVE_TAP_UPLOAD_MAX_BYTES <= 5000000 for this test"
            + " (deploy/test does)");
        StringBuilder rows = new StringBuilder();
        while (rows.length() <= limit) {
            rows.append("<TR><TD>1.5</TD><TD>2.5</TD><TD>x</TD></TR>\n");
        }
        Answer big = checkWithUpload("SELECT COUNT(*) FROM TAP_UPLOAD.mine", "big.vot",
            MINE.replaceFirst("<TR>", Matcher.quoteReplacement(rows + "<TR>")).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, big.status(), big.body());
        assertTrue(big.body().contains("exceed the limit of " + limit + " bytes"), big.body());
    }

    @Test
    void thePagesGetTheJobItselfInsteadOfARedirectToTheBaseUrl() throws Exception {
        // a page reached under another host name cannot follow UWS's 303 to archive.base-url: it asks for the job
        HttpResponse<String> created = Archive.request("POST", "/tap/async", FORM, "LANG=ADQL&QUERY=SELECT+1&RUNID=portal",
            null, null, "Prefer", "return=representation");
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElse("");
        Matcher id = Pattern.compile("<uws:jobId>([^<]+)</uws:jobId>").matcher(created.body());
        assertTrue(id.find(), created.body());
        // the job's URL under archive.base-url, as UWS's Location names it
        assertTrue(location.startsWith("http") && location.endsWith("/tap/async/" + id.group(1)), location);
        assertEquals("return=representation", created.headers().firstValue("Preference-Applied").orElse(""));
        assertTrue(created.body().contains("<uws:runId>portal</uws:runId>"), created.body());
        String job = "/tap/async/" + id.group(1);
        // VO clients ask for nothing and see UWS's 303s
        HttpResponse<String> plain = Archive.request("POST", job, FORM, "RUNID=again", null, null);
        assertEquals(303, plain.statusCode(), plain.body());
        assertEquals(location, plain.headers().firstValue("Location").orElse(""));
        // a change answers with the job too, with the preference among others
        HttpResponse<String> run = Archive.request("POST", job + "/phase", FORM, "PHASE=RUN", null, null,
            "Prefer", "handling=lenient, return=representation");
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("<uws:jobId>" + id.group(1) + "</uws:jobId>")
            && run.body().contains("<uws:runId>again</uws:runId>"), run.body());
        HttpResponse<String> other = Archive.request("POST", "/tap/async", FORM, "LANG=ADQL&QUERY=SELECT+1", null, null,
            "Prefer", "return=minimal");
        assertEquals(303, other.statusCode(), "another preference changes nothing");
        assertEquals(303, Archive.request("DELETE", URI.create(other.headers().firstValue("Location").orElseThrow())
            .getPath(), null, null, null, null).statusCode());
        assertEquals(303, Archive.request("DELETE", job, null, null, null, null).statusCode());
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
        HttpResponse<String> otherSite = Archive.request("POST", "/portal/adql/check", "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"QUERY\"\r\n\r\nSELECT 1\r\n--b--\r\n", null, null,
            "Origin", "http://evil.example");
        assertEquals(403, otherSite.statusCode(), "a multipart check from another site too");
    }
}
