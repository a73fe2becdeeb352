package org.voarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every page must hold to under its Content-Security-Policy (site.PagePolicy). */
public final class PageChecks {

    private PageChecks() {
    }

    /** Every one of the expected parts is in the page. */
    public static void assertContains(String html, String... expected) {
        for (String part : expected) {
            assertTrue(html.contains(part), part + " in " + html);
        }
    }

    /** Every script a file of the archive's, no event handler or style attribute, no style element. */
    public static void assertNoInlineScriptOrStyle(String html) {
        Matcher scripts = Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            assertEquals("", scripts.group(1), "every script is a file of the archive's");
            assertTrue(scripts.group().matches("<script defer src=\"/([^\"]+/)?portal/assets/[a-z][a-z-]*\\.js\">"
                + "</script>"), scripts.group());
        }
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no event handler attributes");
        assertFalse(html.contains(" style="), "no inline style attributes");
        assertFalse(html.contains("<style"), "no style element");
    }
}
