package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.site.PageChecks;
import org.voarchive.site.PagePolicy;

class QueryPageTest {

    private static final PagePolicy POLICY = new PagePolicy("n0nce+/=");

    private static String page(String root, String siteName, String caller) {
        return QueryPage.render(root, siteName, caller, POLICY, new QueryPage.Parts("", "", 1_000_000));
    }

    @Test
    void isAFormOnTapSyncWithTheScriptsEndpointsAndLabelledControls() {
        String html = page("/", "Demo Archive", null);
        assertTrue(html.contains("<form id=\"query-form\" method=\"post\" action=\"/tap/sync\">"), html);
        assertTrue(html.contains("<label id=\"query-label\" for=\"query\">ADQL query</label>"), html);
        assertTrue(html.contains("<textarea id=\"query\" name=\"QUERY\""), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"MAXREC\" value=\"1000\">"), html);
        assertTrue(html.contains("<script defer src=\"/portal/assets/query.js\"></script>"), html);
        assertTrue(html.contains("href=\"/portal/assets/query.css\""), html);
        assertTrue(html.contains("data-check=\"/portal/adql/check\""), html);
        assertTrue(html.contains("data-style-nonce=\"n0nce+/=\""), html);
        assertTrue(html.contains("aria-keyshortcuts=\"Control+Enter\""), html);
    }

    @Test
    void pathsFollowTheApplicationsRoot() {
        String html = page("/archive/", "A", null);
        assertTrue(html.contains("action=\"/archive/tap/sync\""), html);
        assertTrue(html.contains("data-tap-tables=\"/archive/tap/tables\""), html);
        assertTrue(html.contains("src=\"/archive/portal/assets/query.js\""), html);
    }

    @Test
    void hasNoInlineScriptAndEscapesTheSiteName() {
        String html = page("/", "<script>alert(1)</script> & co", null);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void theHeaderLinksTheAccountPageAsSignInOrTheCallersName() {
        String anonymous = page("/", "A", null);
        assertTrue(anonymous.contains("<a id=\"account-link\" href=\"/account\">Sign in</a>"), anonymous);
        String signedIn = page("/", "A", "al<i>ce");
        assertTrue(signedIn.contains("<a id=\"account-link\" href=\"/account\" title=\"Your account\">al&lt;i&gt;ce</a>"),
            signedIn);
    }

    @Test
    void theBrowserExamplesAndUploadsAreRenderedHiddenForTheScript() {
        String html = QueryPage.render("/archive/", "A", null, POLICY, new QueryPage.Parts("", "", 1_000_000));
        PageChecks.assertContains(html,
            "data-tap-capabilities=\"/archive/tap/capabilities\"", "data-tap-examples=\"/archive/tap/examples\"",
            "data-upload-max-bytes=\"1000000\"",
            "<section id=\"browser\" class=\"panel\" aria-labelledby=\"browser-heading\" hidden>",
            "<label for=\"table-filter\">Filter</label><input id=\"table-filter\" type=\"search\"",
            "<div id=\"table-tree\" class=\"tree\" role=\"tree\" aria-labelledby=\"browser-heading\"></div>",
            "<section id=\"examples\" class=\"panel\" aria-labelledby=\"examples-heading\" hidden>",
            "<details id=\"uploads\" class=\"uploads\" hidden>", "<label for=\"upload-name\">Name</label>",
            "<label for=\"upload-file\">File</label><input id=\"upload-file\" type=\"file\"");
        assertFalse(html.contains("id=\"cone-search\""), "no cone search offered: no form");
        String form = html.substring(html.indexOf("<form id=\"query-form\""), html.indexOf("</form>"));
        assertFalse(form.contains("id=\"upload-file\" name="), "the plain form never sends files to /tap/sync");
        assertTrue(html.indexOf("id=\"run\"") < html.indexOf("id=\"browser\""), "Tab reaches Run before the side panel");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void theConeSearchFormListsTheTablesWithTheirServicesAndATestPosition() {
        ConeSearchSettings cone = new ConeSearchSettings(true, "hr", "ra", "dec", List.of(), List.of(), 2.5, null,
            new ConeSearchSettings.TestQuery(101.28750000000001, -16.7161, 0.01), null);
        PublishedMetadata.Table bsc5 = new PublishedMetadata.Table("demo", "bsc5", "table", null, null, null, 9096L, true,
            List.of(), List.of(), cone, PublishedMetadata.Publication.NONE);
        PublishedMetadata.Table odd = new PublishedMetadata.Table("my schema", "a\"b", "table", null, null, null, null,
            true, List.of(), List.of(), new ConeSearchSettings(true, "id", "ra", "dec", List.of(), List.of(), null, null,
            null, null), PublishedMetadata.Publication.NONE);
        String form = ConeSearchForm.html("/archive/", List.of(bsc5, odd));
        PageChecks.assertContains(form,
            "<section id=\"cone-search\" class=\"panel\" aria-labelledby=\"cone-heading\" hidden>",
            "<option value=\"demo.bsc5\" data-scs=\"/archive/scs/demo/bsc5\" data-max-sr=\"2.5\" data-ra=\"101.2875\""
                + " data-dec=\"-16.7161\">demo.bsc5</option>",
            "data-scs=\"/archive/scs/my%20schema/a%22b\">", "<label for=\"cone-ra\">RA</label>",
            "<label for=\"cone-dec\">Dec</label>", "<label for=\"cone-radius\">Radius</label>",
            "<label for=\"cone-maxrec\">At most rows");
        assertFalse(form.contains("a\"b"), form);
        assertEquals("", ConeSearchForm.html("/", List.of()), "no cone search the caller may use: no form");
        PageChecks.assertNoInlineScriptOrStyle(form);
    }

    @Test
    void theEditorGetsTheEnginesWords() {
        List<String> keywords = List.of(AdqlVocabulary.keywords().split(" "));
        List<String> functions = List.of(AdqlVocabulary.functions().split(" "));
        assertTrue(keywords.containsAll(List.of("select", "top", "from", "where", "join", "offset", "size")), keywords.toString());
        assertTrue(functions.containsAll(List.of("contains", "point", "circle", "distance", "ivo_hasword", "in_unit",
            "count")), functions.toString());
        assertFalse(keywords.contains("contains"), "a function is highlighted as one, not as a keyword");
        assertTrue(keywords.stream().allMatch(w -> w.matches("[a-z_0-9]+")), keywords.toString());
    }

    @Test
    void thePolicyForbidsInlineScriptsAndHasAFreshNonceForStyles() {
        PagePolicy a = PagePolicy.fresh();
        PagePolicy b = PagePolicy.fresh();
        assertNotEquals(a.nonce(), b.nonce());
        assertTrue(a.nonce().length() >= 24, a.nonce());
        String header = a.header();
        assertTrue(header.contains("script-src 'self';"), header);
        assertFalse(header.contains("unsafe"), header);
        assertTrue(header.contains("style-src 'self' 'nonce-" + a.nonce() + "'"), header);
        assertTrue(header.contains("default-src 'none'"), header);
        assertTrue(header.contains("frame-ancestors 'none'"), header);
    }
}
