package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every portal page's HTML must satisfy under its Content-Security-Policy. */
final class PageChecks {

    private PageChecks() {
    }

    /** No inline script, event handler or style attribute: every script is a file of the archive's assets. */
    static void assertNoInlineCode(String html) {
        Matcher scripts = Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (scripts.find()) {
            assertEquals("", scripts.group(1), "every script is a file of the archive's");
            assertTrue(scripts.group().contains(" src=\"/portal/assets/"), scripts.group());
        }
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no event handler attributes");
        assertFalse(html.contains(" style="), "no inline style attributes");
    }
}
