package org.voarchive.doi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;
import org.voarchive.datalink.Link;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.site.PageChecks;

/** Landing pages as HTML: what each kind shows, the citation, and that every text is escaped. */
class LandingPageHtmlTest {

    private static final String BASE = "https://a.org";

    private static final Credits.Agent JANE = new Credits.Agent("Doe, Jane", "Personal", "Jane", "Doe",
        "https://orcid.org/0000-0002-1825-0097", List.of(new Credits.Affiliation("Example Observatory", "https://ror.org/05gq02987"),
            new Credits.Affiliation("Plain University", null)));

    private static PublishedMetadata.Column column(String name, ValueType type, String unit, String ucd, String description,
                                                   boolean principal) {
        return new PublishedMetadata.Column(name, name, description, unit, ucd, null, type, principal, false, false, true,
            false);
    }

    private static final PublishedMetadata.Table PLATES = new PublishedMetadata.Table("demo", "plates", "table",
        "Plates & scans", "Photographic plates", null, 12L, true,
        List.of(column("plate_id", ValueType.TEXT, null, "meta.id;meta.main", "The plate's ID", true),
            column("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension", true),
            column("centre", ValueType.POINT, "deg", "pos.eq", "Where it points", false)),
        List.of(), null, PublishedMetadata.Publication.NONE);

    private static LandingPage table(List<Credits.Agent> creators, List<Credits.Contribution> contributors,
                                     List<Credits.RelatedIdentifier> related, String licenceUrl) {
        return new LandingPage("demo.plates", "table", BASE + "/landing/demo.plates", "Plates & scans",
            "Photographic plates", "First line\nSecond <line>", "10.5072/x", "CC-BY-4.0", "CC BY 4.0", licenceUrl,
            creators, contributors, related, "Demo site", LocalDate.of(2024, 5, 1), LocalDate.of(2025, 1, 2),
            List.of(Link.to("demo.plates", BASE + "/landing/demo.plates", "#documentation", "Landing page", "text/html")),
            "DR1", null, PLATES);
    }

    @Test
    void aTablesPageHasItsFactsCitationColumnsAndMachineReadableParts() {
        String html = LandingPageHtml.render(table(List.of(JANE), List.of(), List.of(),
            "https://creativecommons.org/licenses/by/4.0/"), "/", BASE, "Demo Archive", null);
        for (String expected : List.of(
            "<title>Plates &amp; scans \u2013 Demo Archive</title>",
            "<meta name=\"DC.identifier\" content=\"doi:10.5072/x\">",
            "<meta name=\"citation_author\" content=\"Doe, Jane\">",
            "<meta name=\"citation_publication_date\" content=\"2024\">",
            "<link rel=\"alternate\" type=\"application/vnd.datacite.datacite+xml\" href=\"https://a.org/doi/datacite/demo.plates\">",
            "<link rel=\"cite-as\" href=\"https://doi.org/10.5072/x\">",
            "<link rel=\"stylesheet\" href=\"/portal/assets/site.css\">",
            "<h1>Plates &amp; scans</h1>",
            "<pre>First line\nSecond &lt;line&gt;</pre>",
            "<a id=\"doi\" href=\"https://doi.org/10.5072/x\">https://doi.org/10.5072/x</a>",
            "<dd id=\"version\">DR1</dd>",
            "<dd id=\"licence\"><a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></dd>",
            "<dt>Published</dt><dd>2024-05-01</dd>", "<dt>Updated</dt><dd>2025-01-02</dd>",
            "<dt>Rows</dt><dd id=\"rows\">12</dd>",
            "<a class=\"button query\" href=\"https://a.org/query?table=demo.plates\">Query this table</a>",
            "<p class=\"citation\" id=\"citation\">Doe, Jane (2024): Plates &amp; scans. Version DR1. Demo site."
                + " https://doi.org/10.5072/x</p>",
            "<pre class=\"bibtex\" id=\"bibtex\" aria-labelledby=\"bibtex-heading\">@misc{demo.plates_2024,\n"
                + "  author    = {Doe, Jane},\n  title     = {{Plates \\&amp; scans}},",
            "<button type=\"button\" class=\"copy\" data-copy=\"citation\" aria-label=\"Copy the citation\" hidden>Copy</button>",
            "<a class=\"orcid\" href=\"https://orcid.org/0000-0002-1825-0097\" aria-label=\"ORCID iD of Doe, Jane\">"
                + "ORCID 0000-0002-1825-0097</a>",
            "<span class=\"affiliations\"><a href=\"https://ror.org/05gq02987\">Example Observatory</a>; Plain University</span>",
            "<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Unit</th>"
                + "<th scope=\"col\">UCD</th><th scope=\"col\">Description</th></tr></thead>",
            "<tr class=\"principal\"><td><code>ra</code></td><td>double</td><td>deg</td><td>pos.eq.ra;meta.main</td>"
                + "<td>Right ascension</td></tr>",
            "<td>unicodeChar[*]</td>", "<td>double[2] (point)</td>",
            "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><a href=\"https://a.org/\">Data collections</a> \u203a "
                + "<a href=\"https://a.org/landing/demo\">demo</a> \u203a <span aria-current=\"page\">demo.plates</span></nav>",
            "<a href=\"https://a.org/datalink/links?ID=demo.plates\">The links as a DataLink VOTable</a>")) {
            PageChecks.assertContains(html, expected);
        }
        assertFalse(html.contains("id=\"preview\""), "a table shows no previews");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void contributorsAndRelatedIdentifiersAreListedAndLinkedWhereTheyResolve() {
        String html = LandingPageHtml.render(table(List.of(), List.of(new Credits.Contribution("DataCurator",
                new Credits.Agent("Archive team", "Organizational", null, null, null, List.of()))),
            List.of(new Credits.RelatedIdentifier("2101.00001", "arXiv", "IsDescribedBy", "Text"),
                new Credits.RelatedIdentifier("978-3-16-148410-0", "ISBN", "IsCitedBy", null),
                new Credits.RelatedIdentifier("javascript:alert(1)", "URL", "References", null)),
            "javascript:alert(2)"), "/", BASE, "A", null);
        assertTrue(html.contains("<li><span class=\"name\">Archive team</span> <span class=\"role\">(Data curator)</span></li>"),
            html);
        assertTrue(html.contains("<li><span class=\"relation\">Is described by</span> arXiv <a href=\"https://arxiv.org/abs/2101.00001\">"
            + "<code>2101.00001</code></a> (Text)</li>"), html);
        assertTrue(html.contains("<li><span class=\"relation\">Is cited by</span> ISBN <code>978-3-16-148410-0</code></li>"),
            "no resolver, no link: " + html);
        assertFalse(html.contains("href=\"javascript:"), "only web addresses become links: " + html);
        assertTrue(html.contains("<dd id=\"licence\">CC BY 4.0</dd>"), html);
        assertTrue(html.contains("<p class=\"citation\" id=\"citation\">Demo site (2024): "), "the publisher for creators: " + html);
        assertFalse(html.contains("id=\"creators\""), html);
    }

    @Test
    void aSchemasPageListsItsTablesAndRows() {
        PublishedMetadata.Table fresh = new PublishedMetadata.Table("demo", "fresh", "table", null, "Not counted", null,
            null, true, List.of(), List.of(), null, PublishedMetadata.Publication.NONE);
        PublishedMetadata.Schema demo = new PublishedMetadata.Schema("demo", null, "Demo", null,
            PublishedMetadata.Publication.NONE, List.of(PLATES, fresh));
        LandingPage page = new LandingPage("demo", "schema", BASE + "/landing/demo", "demo", "Demo", null, null, null,
            null, null, List.of(), List.of(), List.of(), "Demo site", null, null, List.of(), null, demo, null);
        String html = LandingPageHtml.render(page, "/", BASE, "A", null);
        assertTrue(html.contains("<tr data-table=\"demo.plates\"><td><a href=\"https://a.org/landing/demo.plates\">demo.plates</a>"
            + "</td><td>Plates &amp; scans</td><td class=\"n\">12</td></tr>"), html);
        assertTrue(html.contains("<td>Not counted</td><td class=\"n\">unknown</td>"), html);
        assertTrue(html.contains("<dt>Tables</dt><dd>2</dd>\n<dt>Rows</dt><dd id=\"rows\">at least 12</dd>"), html);
        assertFalse(html.contains("id=\"columns\""), html);
        assertFalse(html.contains("DC.identifier") || html.contains("datacite+xml"), "no DOI, no DataCite record: " + html);
        assertFalse(html.contains("button query"), "a schema is queried by its tables: " + html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void anObjectsPageShowsItsOwnPreviewsFromTheRequestsOriginAndLinksItsTable() {
        List<Link> links = List.of(
            new Link("P0001", BASE + "/files/demo/plates/P0001.fits", null, null, "#this", "Scan", "image/fits", 123456L,
                null, null),
            new Link("P0001", BASE + "/files/demo/plates/P0001.png", null, null, "#preview", "Preview of plate \"P0001\"",
                "image/png", 2048L, null, null),
            new Link("P0001", "https://elsewhere.org/p.png", null, null, "#preview", "Foreign", "image/png", null, null, null),
            new Link("P0001", BASE + "/files/demo/plates/P0001.txt", null, null, "#preview", "Text", "text/plain", null,
                null, null));
        LandingPage page = new LandingPage("P0001", "object", BASE + "/landing/P0001", "P0001 (Plates & scans)", "Scan", null,
            "10.5072/p1", null, null, null, List.of(), List.of(), List.of(), "Demo site", null, null, links, null, null, PLATES);
        String html = LandingPageHtml.render(page, "/archive/", BASE, "A", null);
        assertTrue(html.contains("<figure><a href=\"https://a.org/files/demo/plates/P0001.png\"><img"
            + " src=\"/archive/files/demo/plates/P0001.png\" alt=\"Preview of plate &quot;P0001&quot;\"></a>"), html);
        assertEquals(1, count(html, "<img "), "only the archive's own images: " + html);
        assertTrue(html.contains("<dt>Part of</dt><dd><a href=\"https://a.org/landing/demo.plates\">demo.plates</a></dd>"), html);
        assertTrue(html.contains("<td class=\"n\">120 KiB</td>") && html.contains("<td class=\"n\">2,048 B</td>"), html);
        assertTrue(html.contains("\u203a <a href=\"https://a.org/landing/demo.plates\">demo.plates</a> \u203a"), html);
        assertFalse(html.contains("id=\"columns\""), html);
    }

    @Test
    void everyTextIsEscaped() {
        Credits.Agent evil = new Credits.Agent("<script>alert(1)</script>", "Organizational", null, null, null,
            List.of(new Credits.Affiliation("\"><img src=x>", null)));
        PublishedMetadata.Table t = new PublishedMetadata.Table("s", "t", "table", null, null, null, 1L, true,
            List.of(column("c", ValueType.INT, "<u>", "<i>", "</td><b>x</b>", false)), List.of(), null,
            PublishedMetadata.Publication.NONE);
        LandingPage page = new LandingPage("s.t", "table", BASE + "/landing/s.t", "<b>title</b>", "<em>d</em>", "<pre>",
            "10.5072/\"x", null, "<lic>", null, List.of(evil), List.of(), List.of(), "<pub>", null, null, List.of(),
            "<v>", null, t);
        String html = LandingPageHtml.render(page, "/", BASE, "<site>", null);
        for (String raw : List.of("<script>", "<b>", "<em>", "<u>", "<i>", "<img", "<lic>", "<pub>", "<v>", "<site>",
                "\"x\"")) {
            assertFalse(html.contains(raw), raw + " in " + html);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void wordsOfDataCiteTerms() {
        assertEquals("Is described by", LandingPageHtml.words("IsDescribedBy"));
        assertEquals("Data curator", LandingPageHtml.words("DataCurator"));
        assertEquals("", LandingPageHtml.words(null));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
