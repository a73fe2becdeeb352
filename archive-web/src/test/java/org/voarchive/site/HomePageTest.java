package org.voarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.PublishedMetadata;

class HomePageTest {

    static SiteIdentity site(String name, String baseUrl) {
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

    private static PublishedMetadata.Schema schema(String name, String title, String description, String doi,
                                                   PublishedMetadata.Table... tables) {
        return new PublishedMetadata.Schema(name, title, description, null,
            new PublishedMetadata.Publication(doi, null, null, null, null), List.of(tables));
    }

    private static final List<PublishedMetadata.Schema> DEMO = List.of(
        schema("demo", "Demo catalogues", "Two star catalogues", "10.5072/demo",
            table("demo", "bsc5", "Bright stars", "Yale Bright Star Catalogue", 9096L, true, CONE),
            table("demo", "fresh", null, null, null, true, null),
            table("demo", "internal", null, "Not public data", 5L, false, CONE)),
        schema("tap_schema", null, null, null, table("tap_schema", "tables", null, "The tables", null, true, null)));

    @Test
    void namesTheServiceLinksEndpointsAndListsTables() {
        String html = HomePage.render(site("Demo Archive", "https://archive.example.org/"), "/", null, DEMO);
        PageChecks.assertContains(html, "<title>Demo Archive</title>",
            "href=\"https://archive.example.org/tap/availability\"",
            "href=\"https://archive.example.org/query\">Query the tables with ADQL</a>",
            "<a id=\"account-page\" href=\"https://archive.example.org/account\">Sign in</a>",
            "data-table=\"demo.bsc5\" data-rows=\"9096\"", "<td class=\"n\">unknown</td>",
            "<td class=\"n\">9,096</td>", // counts as people read them
            "href=\"https://archive.example.org/scs/demo/bsc5?RA=0&amp;DEC=0&amp;SR=0\"");
        assertFalse(html.contains("/scs/demo/fresh"), html);
        assertTrue(html.contains("<td>Bright stars</td>"), "the title before the description: " + html);
        assertTrue(html.contains("<td>Not public data</td>"), "else the description: " + html);
        assertFalse(html.contains("/scs/demo/internal"), "a cone search over data not public is not offered: " + html);
        assertTrue(html.contains("<a href=\"https://archive.example.org/landing/demo.bsc5\"><code>demo.bsc5</code></a>"),
            "each table links its landing page: " + html);
        assertTrue(html.contains("<code class=\"url\">https://archive.example.org/tap</code>"), html);
        assertTrue(html.contains("href=\"https://archive.example.org/oai?verb=Identify\""), html);
        assertTrue(html.contains("href=\"https://archive.example.org/datalink/links?ID=demo.bsc5\""), html);
    }

    @Test
    void aSignedInCallerIsToldTheListIncludesTheirGroupsTables() {
        String html = HomePage.render(site("Demo Archive", "https://archive.example.org"), "/", "alice", DEMO);
        PageChecks.assertContains(html, "<a id=\"account-page\" href=\"https://archive.example.org/account\">"
            + "Your account</a>: the collections and tables below include those your groups may see");
        assertFalse(html.contains(">Sign in</a> to see"), html);
    }

    @Test
    void eachCollectionIsACardWithItsFactsAndItsQueryAndMetadataButtons() {
        String html = HomePage.render(site("Demo Archive", "https://archive.example.org"), "/", null, DEMO);
        String demo = card(html, "demo");
        assertTrue(demo.contains("<h3 id=\"collection-1\">Demo catalogues</h3>"), demo);
        assertTrue(demo.contains("<p class=\"name\"><code>demo</code></p>"), "the schema's name under its title: " + demo);
        assertTrue(demo.contains("<p class=\"description\">Two star catalogues</p>"), demo);
        assertTrue(demo.contains("<p class=\"facts\">3 tables \u00b7 at least 9,101 rows</p>"),
            "rows of the counted tables, said to be a lower bound: " + demo);
        assertTrue(demo.contains("DOI <a href=\"https://doi.org/10.5072/demo\">10.5072/demo</a>"), demo);
        assertTrue(demo.contains("<a class=\"button query\" href=\"https://archive.example.org/query?table=demo.bsc5\""
            + " aria-label=\"Query Demo catalogues\">Query</a>"), "the first table whose data may be read: " + demo);
        assertTrue(demo.contains("<a class=\"button metadata\" href=\"https://archive.example.org/landing/demo\""
            + " aria-label=\"Metadata of Demo catalogues\">Metadata</a>"), demo);
        String tap = card(html, "tap_schema");
        assertTrue(tap.contains("<h3 id=\"collection-2\">tap_schema</h3>"), "no title: the name: " + tap);
        assertFalse(tap.contains("class=\"name\""), tap);
        assertTrue(tap.contains("1 table \u00b7 rows not counted yet"), tap);
        assertFalse(tap.contains("DOI"), tap);
    }

    @Test
    void theSnippetsNameThisArchivesUrlsAndOneOfItsTables() {
        ConeSearchSettings tested = new ConeSearchSettings(true, "id", "ra", "dec", List.of(), List.of(), null, null,
            new ConeSearchSettings.TestQuery(56.75, 24.12, 0.5), null);
        String html = HomePage.render(site("A", "https://archive.example.org"), "/", null, List.of(
            schema("s", null, null, null, table("s", "hidden", null, null, 1L, false, null),
                table("s", "stars", null, null, 1L, true, tested))));
        assertTrue(html.contains("<pre class=\"snippet\" id=\"snippet-topcat\"><code>https://archive.example.org/tap</code></pre>"),
            html);
        assertTrue(html.contains("tap = pyvo.dal.TAPService(&quot;https://archive.example.org/tap&quot;)\n"
            + "result = tap.run_sync(&quot;SELECT TOP 10 * FROM s.stars&quot;)"), html);
        assertTrue(html.contains("scs = pyvo.dal.SCSService(&quot;https://archive.example.org/scs/s/stars&quot;)\n"
            + "print(scs.search(pos=(56.75, 24.12), radius=0.5).to_table())"), "the cone search's test query: " + html);
        assertTrue(html.contains("href=\"https://archive.example.org/scs/s/stars?RA=56.75&amp;DEC=24.12&amp;SR=0.5\""), html);
        assertTrue(html.contains("<button type=\"button\" class=\"copy\" data-copy=\"snippet-pyvo\""
            + " aria-label=\"Copy: The pyvo example\" hidden>Copy</button>"), "shown by the page's script: " + html);
    }

    @Test
    void loadsOnlyTheArchivesOwnAssetsBelowTheRequestsRoot() {
        String html = HomePage.render(site("A", "https://archive.example.org"), "/archive/", "al<i>ce", DEMO);
        PageChecks.assertContains(html, "<link rel=\"stylesheet\" href=\"/archive/portal/assets/site.css\">",
            "<script defer src=\"/archive/portal/assets/site.js\"></script>",
            "<header class=\"site\"><a class=\"home\" href=\"/archive/\">A</a><nav aria-label=\"Site\">"
                + "<a href=\"/archive/query\">ADQL query</a><a href=\"/archive/jobs\">Jobs</a>"
                + "<a href=\"/archive/tables/mine\">My tables</a><a id=\"account-link\" href=\"/archive/account\""
                + " title=\"Your account\">al&lt;i&gt;ce</a></nav></header>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void escapesEverythingThatComesFromConfigurationOrTheDatabase() {
        String html = HomePage.render(site("<script>x</script>", "http://h"), "/", null,
            List.of(schema("s\"><i>", "<b>T</b>", "x < y & z", "10.5072/<u>",
                table("s", "t\"><b>", "a & b < c", null, 1L, true, CONE))));
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<i>") || html.contains("<u>"), html);
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), html);
        assertTrue(html.contains("a &amp; b &lt; c"), html);
        assertTrue(html.contains("data-schema=\"s&quot;&gt;&lt;i&gt;\""), html);
        assertTrue(html.contains("href=\"http://h/query?table=s.t%22%3E%3Cb%3E\""), "the table's name encoded in the URL: " + html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void saysSoWhenTheDatabaseIsDown() {
        String html = HomePage.render(site("A", "http://h"), "/", null, null);
        assertTrue(html.contains("the database cannot be reached"), html);
        assertTrue(html.contains("href=\"http://h/tap/availability\""), "the services are still listed: " + html);
    }

    /** The card of a collection. */
    private static String card(String html, String schema) {
        Matcher m = Pattern.compile("(?s)<article class=\"card\" data-schema=\"" + Pattern.quote(schema) + "\".*?</article>")
            .matcher(html);
        assertTrue(m.find(), "a card for " + schema + ": " + html);
        return m.group();
    }
}
