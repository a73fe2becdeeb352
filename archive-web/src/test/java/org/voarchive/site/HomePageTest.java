package org.voarchive.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.PublishedTable;

class HomePageTest {

    private static SiteIdentity site(String name, String baseUrl) {
        SiteIdentity site = new SiteIdentity();
        site.name = name;
        site.publisher = "Observatory";
        site.contactName = "Ops";
        site.contactEmail = "ops@example.org";
        site.authority = "ivo://example.org";
        site.baseUrl = baseUrl;
        return site;
    }

    @Test
    void namesTheServiceLinksEndpointsAndListsTables() {
        String html = HomePage.render(site("Demo Archive", "https://archive.example.org/"),
            List.of(new PublishedTable("demo", "bsc5", "Bright stars", 9096, true),
                new PublishedTable("demo", "fresh", null, -1, false)));
        assertTrue(html.contains("<title>Demo Archive</title>"), html);
        assertTrue(html.contains("href=\"https://archive.example.org/tap/availability\""), html);
        assertTrue(html.contains("href=\"https://archive.example.org/query\">Query the tables with ADQL</a>"), html);
        assertTrue(html.contains("data-table=\"demo.bsc5\" data-rows=\"9096\""), html);
        assertTrue(html.contains("<td class=\"n\">unknown</td>"), html);
        assertTrue(html.contains("href=\"https://archive.example.org/scs/demo/bsc5?RA=0&amp;DEC=0&amp;SR=0\""), html);
        assertFalse(html.contains("/scs/demo/fresh"), html);
    }

    @Test
    void escapesEverythingThatComesFromConfigurationOrTheDatabase() {
        String html = HomePage.render(site("<script>x</script>", "http://h"),
            List.of(new PublishedTable("s", "t\"><b>", "a & b < c", 1, true)));
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), html);
        assertTrue(html.contains("a &amp; b &lt; c"), html);
    }

    @Test
    void saysSoWhenTheDatabaseIsDown() {
        String html = HomePage.render(site("A", "http://h"), null);
        assertTrue(html.contains("the database cannot be reached"), html);
    }
}
