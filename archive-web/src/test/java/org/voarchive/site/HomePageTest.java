package org.voarchive.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;

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

    private static final ConeSearchSettings CONE = new ConeSearchSettings(true, "id", "ra", "dec", List.of(), List.of(),
        null, null, null, null);

    /** A table as the anonymous snapshot has it: its data queryable or not, with a cone search or not. */
    private static PublishedMetadata.Table table(String schema, String name, String title, String description,
                                                 Long rows, boolean queryable, ConeSearchSettings cone) {
        return new PublishedMetadata.Table(schema, name, "table", title, description, null, rows, queryable, List.of(),
            List.of(), cone, PublishedMetadata.Publication.NONE);
    }

    @Test
    void namesTheServiceLinksEndpointsAndListsTables() {
        String html = HomePage.render(site("Demo Archive", "https://archive.example.org/"),
            List.of(table("demo", "bsc5", "Bright stars", "Yale Bright Star Catalogue", 9096L, true, CONE),
                table("demo", "fresh", null, null, null, true, null),
                table("demo", "internal", null, "Not public data", 5L, false, CONE)));
        assertTrue(html.contains("<title>Demo Archive</title>"), html);
        assertTrue(html.contains("href=\"https://archive.example.org/tap/availability\""), html);
        assertTrue(html.contains("href=\"https://archive.example.org/query\">Query the tables with ADQL</a>"), html);
        assertTrue(html.contains("<a id=\"account-page\" href=\"https://archive.example.org/account\">Sign in</a>"), html);
        assertTrue(html.contains("data-table=\"demo.bsc5\" data-rows=\"9096\""), html);
        assertTrue(html.contains("<td class=\"n\">unknown</td>"), html);
        assertTrue(html.contains("href=\"https://archive.example.org/scs/demo/bsc5?RA=0&amp;DEC=0&amp;SR=0\""), html);
        assertFalse(html.contains("/scs/demo/fresh"), html);
        assertTrue(html.contains("<td>Bright stars</td>"), "the title before the description: " + html);
        assertTrue(html.contains("<td>Not public data</td>"), "else the description: " + html);
        assertFalse(html.contains("/scs/demo/internal"), "a cone search over data not public is not offered: " + html);
    }

    @Test
    void escapesEverythingThatComesFromConfigurationOrTheDatabase() {
        String html = HomePage.render(site("<script>x</script>", "http://h"),
            List.of(table("s", "t\"><b>", "a & b < c", null, 1L, true, CONE)));
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
