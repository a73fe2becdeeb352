package org.voarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theHeadLoadsTheSharedStyleSheetFirstAndTheTitleNamesTheSite() {
        String start = PageLayout.start("/r/", "Plates & scans", "Archive <A>", "<meta name=\"x\" content=\"y\">\n",
            List.of("query.css"), List.of("query.js"));
        assertTrue(start.contains("<title>Plates &amp; scans \u2013 Archive &lt;A&gt;</title>"), start);
        assertTrue(start.indexOf("/r/portal/assets/site.css") < start.indexOf("/r/portal/assets/query.css"), start);
        assertTrue(start.contains("<meta name=\"x\" content=\"y\">\n<link rel=\"stylesheet\""), start);
        assertTrue(start.endsWith("<body>\n<header class=\"site\"><a href=\"/r/\">Archive &lt;A&gt;</a></header>\n"), start);
        assertTrue(PageLayout.start("/", null, "A", "", List.of(), List.of()).contains("<title>A</title>"));
        PageChecks.assertNoInlineScriptOrStyle(start + PageLayout.end());
    }
}
