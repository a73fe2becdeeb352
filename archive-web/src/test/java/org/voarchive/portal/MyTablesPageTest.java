package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.voarchive.site.PageChecks;

class MyTablesPageTest {

    @Test
    void isAShellWithTheScriptTheEndpointsAndLabelledParts() {
        String html = MyTablesPage.render("/", "https://archive.example.org/tap", "Demo Archive", "alice", 2147483648L);
        PageChecks.assertContains(html,
            "<main id=\"my-tables-page\" data-storage=\"/account/storage\" data-me=\"/account/me\""
                + " data-tables=\"/tap/tables\" data-load=\"/tap/load\" data-load-jobs=\"/tap/load-jobs\""
                + " data-permissions=\"/tap/permissions\" data-query=\"/query\" data-self=\"/tables/mine\""
                + " data-load-max=\"2147483648\">",
            "<script defer src=\"/portal/assets/my-tables.js\"></script>", "href=\"/portal/assets/my-tables.css\"",
            "<title>My tables \u2013 Demo Archive</title>", "<a href=\"/tables/mine\">My tables</a>",
            "<p id=\"tables-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>",
            "<th scope=\"col\">Shared with</th>", "<section id=\"table-view\" aria-labelledby=\"view-heading\" hidden>",
            "<label for=\"new-file\">File: VOTable, CSV or TSV</label><input id=\"new-file\" type=\"file\"",
            "<label for=\"new-name\">Table name</label>", "<label for=\"load-file\">File: VOTable, FITS, CSV or TSV</label>",
            "<legend>Who may read this table besides you</legend>",
            "<input type=\"checkbox\" id=\"share-public\"> <label for=\"share-public\">",
            "<label for=\"table-description\">", "tap.create_table('targets', f, format='VOTable')",
            "-T targets.vot https://archive.example.org/tap/tables/targets");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void everyFieldHasALabelAndEveryIdIsUnique() {
        String html = MyTablesPage.render("/", "https://a/tap", "A", "alice", 10);
        Matcher inputs = Pattern.compile("<(input|textarea|select) id=\"([^\"]+)\"").matcher(html);
        while (inputs.find()) {
            assertTrue(html.contains("<label for=\"" + inputs.group(2) + "\""), inputs.group(2) + " has a label");
        }
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "one element with id " + ids.group(1));
        }
    }

    @Test
    void pathsFollowTheApplicationsRootAndTextsAreEscaped() {
        String html = MyTablesPage.render("/archive/", "https://a/archive/tap", "<b>A</b>", "al<i>ce", 10);
        PageChecks.assertContains(html, "data-storage=\"/archive/account/storage\"", "data-tables=\"/archive/tap/tables\"",
            "data-self=\"/archive/tables/mine\"", "src=\"/archive/portal/assets/my-tables.js\"",
            "<strong>al&lt;i&gt;ce</strong>", "&lt;b&gt;A&lt;/b&gt;");
        assertFalse(html.contains("<i>ce"), html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }
}
