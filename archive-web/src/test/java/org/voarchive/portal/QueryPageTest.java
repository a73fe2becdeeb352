package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.site.PageChecks;
import org.voarchive.site.PagePolicy;

class QueryPageTest {

    private static final PagePolicy POLICY = new PagePolicy("n0nce+/=");

    @Test
    void isAFormOnTapSyncWithTheScriptsEndpointsAndLabelledControls() {
        String html = QueryPage.render("/", "Demo Archive", null, POLICY);
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
        String html = QueryPage.render("/archive/", "A", null, POLICY);
        assertTrue(html.contains("action=\"/archive/tap/sync\""), html);
        assertTrue(html.contains("data-tap-tables=\"/archive/tap/tables\""), html);
        assertTrue(html.contains("src=\"/archive/portal/assets/query.js\""), html);
    }

    @Test
    void hasNoInlineScriptAndEscapesTheSiteName() {
        String html = QueryPage.render("/", "<script>alert(1)</script> & co", null, POLICY);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void theHeaderLinksTheAccountPageAsSignInOrTheCallersName() {
        String anonymous = QueryPage.render("/", "A", null, POLICY);
        assertTrue(anonymous.contains("<a id=\"account-link\" href=\"/account\">Sign in</a>"), anonymous);
        String signedIn = QueryPage.render("/", "A", "al<i>ce", POLICY);
        assertTrue(signedIn.contains("<a id=\"account-link\" href=\"/account\" title=\"Your account\">al&lt;i&gt;ce</a>"),
            signedIn);
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
