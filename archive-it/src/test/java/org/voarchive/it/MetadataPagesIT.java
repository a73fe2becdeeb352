package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The home page's collections and the landing pages (metadata pages) over HTTP, on the demo data: what they
 * show agrees with TAP_SCHEMA, they load only the archive's own assets under their Content-Security-Policy, and
 * an object's preview is served from the page's own origin. Read only; the browser test
 * (archive-it/src/test/browser/metadata_pages.py) clicks through the same pages.
 */
@Tag("smoke")
class MetadataPagesIT {

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
        + " img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A page, checked to be HTML under the pages' policy with no inline script. */
    private static String page(String path) throws Exception {
        HttpResponse<String> r = Archive.request("GET", path, null, null, null, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        assertEquals(POLICY, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertFalse(r.body().contains("<script>") || r.body().contains("<style"), path + ": no inline script or style");
        assertTrue(r.body().contains("<link rel=\"stylesheet\" href=\"/portal/assets/site.css\">"), path);
        return r.body();
    }

    /** One column of a TAP sync query's CSV result, in order. */
    private static List<String> tap(String adql) throws Exception {
        HttpResponse<String> r = Archive.request("GET", "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + URLEncoder.encode(adql, StandardCharsets.UTF_8), null, null, null, null);
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = new ArrayList<>(Arrays.asList(r.body().split("\r?\n")));
        lines.remove(0);
        return lines;
    }

    /** The first groups of the pattern's matches. */
    private static Set<String> all(Pattern pattern, String html) {
        return pattern.matcher(html).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theHomePageHasACardPerCollectionWithQueryAndMetadataAndItsAssetsAreServed() throws Exception {
        String home = page("/");
        assertEquals(new TreeSet<>(tap("SELECT schema_name FROM TAP_SCHEMA.schemas")),
            all(Pattern.compile("<article class=\"card\" data-schema=\"([^\"]+)\""), home), "a card per schema");
        Matcher demo = Pattern.compile("(?s)<article class=\"card\" data-schema=\"demo\".*?</article>").matcher(home);
        assertTrue(demo.find(), home);
        String card = demo.group();
        assertTrue(card.matches("(?s).*<a class=\"button query\" href=\"[^\"]*/query\\?table=demo\\.\\w+\"[^>]*>Query</a>.*"),
            card);
        assertTrue(card.matches("(?s).*<a class=\"button metadata\" href=\"[^\"]*/landing/demo\"[^>]*>Metadata</a>.*"), card);
        assertTrue(card.contains("<p class=\"facts\">3 tables \u00b7 135,090 rows</p>"), card);
        assertTrue(home.contains("pyvo.dal.TAPService(&quot;http") && home.contains("/tap&quot;)"), "the pyvo snippet");
        HttpResponse<String> css = Archive.request("GET", "/portal/assets/site.css", null, null, null, null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        HttpResponse<String> js = Archive.request("GET", "/portal/assets/site.js", null, null, null, null);
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript;charset=UTF-8", js.headers().firstValue("Content-Type").orElse(""));
        assertTrue(js.body().contains("clipboard"), "the Copy buttons' script");
    }

    @Test
    void aTablesPageHasTheColumnsTapSchemaHasItsCitationAndBibTex() throws Exception {
        String html = page("/landing/demo.plates");
        assertEquals(new TreeSet<>(tap("SELECT column_name FROM TAP_SCHEMA.columns WHERE table_name = 'demo.plates'")),
            all(Pattern.compile("<tr(?: class=\"principal\")?><td><code>([^<]+)</code></td>"), html),
            "the columns of the published metadata");
        assertTrue(html.contains("<th scope=\"col\">UCD</th>"), html);
        assertTrue(html.matches("(?s).*<p class=\"citation\" id=\"citation\">[^<]+ \\(\\d{4}\\): [^<]+\\."
            + " https://doi\\.org/10\\.5072/voarchive\\.demo\\.plates</p>.*"), "DataCite's form, the DOI last: " + html);
        assertTrue(html.matches("(?s).*<pre class=\"bibtex\"[^>]*>@misc\\{demo\\.plates_\\d{4},\n.*"
            + "  doi       = \\{10\\.5072/voarchive\\.demo\\.plates},\n.*"), html);
        assertTrue(html.contains("<meta name=\"citation_doi\" content=\"10.5072/voarchive.demo.plates\">"), html);
        assertEquals(List.of("12"), tap("SELECT COUNT(*) AS n FROM demo.plates"));
        assertTrue(html.contains("<dt>Rows</dt><dd id=\"rows\">12</dd>"), html);
        Matcher record = Pattern.compile("<link rel=\"alternate\" type=\"application/vnd\\.datacite\\.datacite\\+xml\""
            + " href=\"[^\"]*(/doi/datacite/demo\\.plates)\">").matcher(html);
        assertTrue(record.find(), html);
        assertEquals(200, Archive.get(record.group(1)).statusCode(), "the DataCite record the page links");
    }

    @Test
    void aSchemasPageListsTheTablesTapSchemaHas() throws Exception {
        String html = page("/landing/demo");
        assertEquals(new TreeSet<>(tap("SELECT table_name FROM TAP_SCHEMA.tables WHERE schema_name = 'demo'")),
            all(Pattern.compile("<tr data-table=\"([^\"]+)\"><td><a href="), html));
        assertTrue(html.contains("<p class=\"citation\" id=\"citation\">"), html);
        assertFalse(html.contains("id=\"columns\""), html);
    }

    @Test
    void aPlatesPageShowsItsPreviewFromTheArchivesOwnOrigin() throws Exception {
        String plate = tap("SELECT TOP 1 plate_id FROM demo.plates ORDER BY plate_id").get(0);
        String html = page("/landing/" + plate);
        Matcher image = Pattern.compile("<section id=\"preview\".*?<img src=\"(/files/[^\"]+)\" alt=\"[^\"]+\">",
            Pattern.DOTALL).matcher(html);
        assertTrue(image.find(), "a preview below the page's own root (the policy's img-src 'self'): " + html);
        HttpResponse<byte[]> png = Archive.get(image.group(1));
        assertEquals(200, png.statusCode(), image.group(1));
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.body(), 4));
        assertTrue(html.contains("<dt>Part of</dt><dd><a href=\""), html);
    }

    @Test
    void whatIsNotPublishedHasNoPage() throws Exception {
        assertEquals(404, Archive.get("/landing/demo.no_such_table").statusCode());
    }
}
