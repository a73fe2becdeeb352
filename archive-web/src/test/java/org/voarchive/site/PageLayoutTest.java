package org.voarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageLayoutTest {

    @Test
    void pagesWithoutInlineStylesGetNoNonce() {
        String header = PagePolicy.NO_INLINE.header();
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'", header);
        assertTrue(PagePolicy.fresh().header().contains("style-src 'self' 'nonce-"));
    }

    @Test
    void onlyTheJobsPagesPolicyLetsItCallASampHubOnTheReadersMachine() {
        assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' http://localhost:21012;"
            + " img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            PagePolicy.NO_INLINE_SAMP.header());
        assertFalse(PagePolicy.NO_INLINE.header().contains("21012"));
        assertFalse(PagePolicy.fresh().header().contains("21012"));
    }

    @Test
    void theHeadLoadsTheSharedStyleSheetFirstAndTheTitleNamesTheSite() {
        String start = PageLayout.start("/r/", "Plates & scans", "Archive <A>", null, "<meta name=\"x\" content=\"y\">\n",
            List.of("query.css"), List.of("query.js"));
        assertTrue(start.contains("<title>Plates &amp; scans \u2013 Archive &lt;A&gt;</title>"), start);
        assertTrue(start.indexOf("/r/portal/assets/site.css") < start.indexOf("/r/portal/assets/query.css"), start);
        assertTrue(start.contains("<meta name=\"x\" content=\"y\">\n<link rel=\"stylesheet\""), start);
        assertTrue(start.endsWith("<body>\n<header class=\"site\"><a class=\"home\" href=\"/r/\">Archive &lt;A&gt;</a>"
            + "<nav aria-label=\"Site\"><a href=\"/r/query\">ADQL query</a><a href=\"/r/jobs\">Jobs</a><a id=\"account-link\" href=\"/r/account\">"
            + "Sign in</a></nav></header>\n"), start);
        assertTrue(PageLayout.start("/", null, "A", null, "", List.of(), List.of()).contains("<title>A</title>"));
        PageChecks.assertNoInlineScriptOrStyle(start + PageLayout.end());
    }

    @Test
    void theHeaderNamesTheCallerAndLinksTheirAccount() {
        String start = PageLayout.start("/", "T", "A", "al<i>ce", "", List.of(), List.of());
        assertTrue(start.contains("<a href=\"/jobs\">Jobs</a><a href=\"/tables/mine\">My tables</a><a id=\"account-link\""
            + " href=\"/account\" title=\"Your account\">al&lt;i&gt;ce</a>"), start);
        assertFalse(PageLayout.start("/", "T", "A", null, "", List.of(), List.of()).contains("My tables"),
            "personal tables are a signed-in caller's only");
        assertFalse(start.contains(">Sign in<"), start);
    }

    @Test
    void noSharedCacheKeepsAPageAndNoCacheStoresOneWithANonceOrOnRequest() {
        assertEquals("private, no-cache", PageLayout.cacheControl(PagePolicy.NO_INLINE, false));
        assertEquals("no-store", PageLayout.cacheControl(PagePolicy.fresh(), false));
        assertEquals("no-store", PageLayout.cacheControl(PagePolicy.NO_INLINE, true));
    }
}
