package org.voarchive.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.scs.ConeSearchService;

/**
 * The root page: what this archive is, where to sign in (the account page), its data collections (the published
 * schemas) as cards with a Query and a Metadata button each, its tables, its services and how to use them from
 * TOPCAT and pyvo. Links name the
 * archive's public URLs ({@link SiteIdentity#baseUrl()}), which are also what the snippets give to copy;
 * what the page loads is below the request's own root ({@link PageLayout}).
 */
final class HomePage {

    /** An endpoint listed on the page: path below the base URL and what it is. */
    record Endpoint(String path, String title) {
    }

    /** The TAP service's documents beside its query endpoints. */
    static final List<Endpoint> ENDPOINTS = List.of(
        new Endpoint("/tap/capabilities", "capabilities (VOSI)"),
        new Endpoint("/tap/tables", "tables and columns (VOSI)"),
        new Endpoint("/tap/availability", "availability (VOSI)"),
        new Endpoint("/tap/examples", "example queries (DALI examples)"));

    /** The portal's query page (portal.QueryPageResource), and its parameter naming a table to start with. */
    static final String QUERY_PAGE = "/" + PageLayout.QUERY_PAGE;
    static final String QUERY_TABLE = "table";
    /** Landing pages (doi.LandingResource); the ID follows. */
    static final String LANDING = "/landing/";

    /** The portal's account page (portal.AccountPageResource). */
    static final String ACCOUNT_PAGE = "/" + PageLayout.ACCOUNT_PAGE;

    private HomePage() {
    }

    /**
     * @param root    the application's root path, ending in '/'
     * @param caller  the caller's name for the site header, or null for an anonymous caller
     * @param schemas the published schemas the caller may see with their tables, in the snapshot's order, or null
     *                when the database could not be read
     */
    static String render(SiteIdentity site, String root, String caller, List<PublishedMetadata.Schema> schemas) {
        String base = site.baseUrl();
        StringBuilder html = new StringBuilder(16384)
            .append(PageLayout.start(root, null, site.name(), caller, "", List.of(), List.of(PageLayout.SITE_JS)))
            .append("<main id=\"home\">\n<h1>").append(Html.escape(site.name())).append("</h1>\n")
            .append("<p class=\"lead\">Published by ").append(Html.escape(site.publisher()))
            .append(". IVOA authority <code>").append(Html.escape(site.authority())).append("</code>.</p>\n")
            .append("<p><a id=\"query-page\" href=\"").append(Html.escape(base + QUERY_PAGE))
            .append("\">Query the tables with ADQL</a> in your browser, or with a VO client such as TOPCAT or pyvo"
                + " (<a href=\"#clients\">how</a>).</p>\n")
            .append("<p><a id=\"account-page\" href=\"").append(Html.escape(base + ACCOUNT_PAGE)).append("\">")
            .append(caller == null ? "Sign in</a> to see the tables of your groups, and to make personal API tokens"
                : "Your account</a>: the collections and tables below include those your groups may see; make personal"
                + " API tokens").append(" for pyvo, TOPCAT and scripts.</p>\n");
        collections(html, base, schemas);
        tables(html, base, schemas);
        List<PublishedMetadata.Table> tables = schemas == null ? List.of()
            : schemas.stream().flatMap(s -> s.tables().stream()).toList();
        services(html, base, tables);
        clients(html, base, tables);
        html.append("<section aria-labelledby=\"contact-heading\">\n<h2 id=\"contact-heading\">Contact</h2>\n<p>")
            .append(Html.escape(site.contactName())).append(" &lt;<a href=\"mailto:").append(Html.escape(site.contactEmail()))
            .append("\">").append(Html.escape(site.contactEmail())).append("</a>&gt;</p>\n</section>\n</main>\n")
            .append(PageLayout.end());
        return html.toString();
    }

    /** One card per collection: title, description, DOI, tables and rows, Query and Metadata. */
    private static void collections(StringBuilder html, String base, List<PublishedMetadata.Schema> schemas) {
        if (!section(html, "collections", "Data collections", schemas)) {
            return;
        }
        html.append("<div class=\"cards\">\n");
        int n = 0;
        for (PublishedMetadata.Schema s : schemas) {
            String heading = "collection-" + ++n;
            String title = s.title() != null ? s.title() : s.name();
            html.append("<article class=\"card\" data-schema=\"").append(Html.escape(s.name()))
                .append("\" aria-labelledby=\"").append(heading).append("\">\n<h3 id=\"").append(heading).append("\">")
                .append(Html.escape(title)).append("</h3>\n");
            if (!title.equals(s.name())) {
                html.append("<p class=\"name\"><code>").append(Html.escape(s.name())).append("</code></p>\n");
            }
            if (s.description() != null) {
                html.append("<p class=\"description\">").append(Html.escape(s.description())).append("</p>\n");
            }
            html.append("<p class=\"facts\">").append(count(s.tables().size(), "table")).append(" \u00b7 ")
                .append(rows(s.tables())).append("</p>\n");
            String doi = s.publication().doi();
            if (doi != null) {
                html.append("<p class=\"doi\">DOI <a href=\"").append(Html.escape("https://doi.org/" + doi)).append("\">")
                    .append(Html.escape(doi)).append("</a></p>\n");
            }
            html.append("<p class=\"actions\">");
            s.tables().stream().filter(PublishedMetadata.Table::queryable).findFirst().ifPresent(t ->
                html.append("<a class=\"button query\" href=\"").append(Html.escape(queryUrl(base, t)))
                    .append("\" aria-label=\"Query ").append(Html.escape(title)).append("\">Query</a> "));
            html.append("<a class=\"button metadata\" href=\"").append(Html.escape(base + LANDING + s.name()))
                .append("\" aria-label=\"Metadata of ").append(Html.escape(title)).append("\">Metadata</a></p>\n</article>\n");
        }
        html.append("</div>\n</section>\n");
    }

    /** Every table, with its landing page and row count (data-rows: -1 when not counted yet). */
    private static void tables(StringBuilder html, String base, List<PublishedMetadata.Schema> schemas) {
        List<PublishedMetadata.Table> tables = schemas == null ? null
            : schemas.stream().flatMap(s -> s.tables().stream()).toList();
        if (!section(html, "tables", "Tables", tables)) {
            return;
        }
        html.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"tables-heading\">\n")
            .append("<table id=\"tables\">\n<thead><tr><th scope=\"col\">Table</th><th scope=\"col\" class=\"n\">Rows</th>"
                + "<th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
        for (PublishedMetadata.Table t : tables) {
            long rows = t.nrows() == null ? -1 : t.nrows(); // -1 in data-rows: not counted yet
            html.append("<tr data-table=\"").append(Html.escape(t.qualifiedName())).append("\" data-rows=\"")
                .append(rows).append("\"><td><a href=\"").append(Html.escape(base + LANDING + t.qualifiedName()))
                .append("\"><code>").append(Html.escape(t.qualifiedName())).append("</code></a></td><td class=\"n\">")
                .append(rows < 0 ? "unknown" : number(rows)).append("</td><td>")
                .append(Html.escape(t.title() != null ? t.title() : t.description())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /**
     * A section's start (its heading's id is {@code id}-heading); if there is nothing to list, also why and its
     * end.
     *
     * @param items null when the database could not be read
     * @return whether the items follow
     */
    private static boolean section(StringBuilder html, String id, String title, List<?> items) {
        html.append("<section aria-labelledby=\"").append(id).append("-heading\">\n<h2 id=\"").append(id)
            .append("-heading\">").append(title).append("</h2>\n");
        String what = title.toLowerCase(Locale.ROOT);
        String none = items == null ? "The " + what + " are unavailable: the database cannot be reached."
            : items.isEmpty() ? "No " + what + " are published yet." : null;
        if (none != null) {
            html.append("<p>").append(none).append("</p>\n</section>\n");
        }
        return none == null;
    }

    /** The VO services with their URLs: TAP, a cone search per table that has a usable one, DataLink, OAI-PMH. */
    private static void services(StringBuilder html, String base, List<PublishedMetadata.Table> tables) {
        html.append("<section aria-labelledby=\"services-heading\">\n<h2 id=\"services-heading\">Services</h2>\n<dl class=\"services\">\n")
            .append("<dt>Table Access Protocol (TAP 1.1): ADQL queries</dt>\n<dd><code class=\"url\">")
            .append(Html.escape(base + "/tap")).append("</code><br>");
        String sep = "";
        for (Endpoint e : ENDPOINTS) {
            html.append(sep).append("<a href=\"").append(Html.escape(base + e.path())).append("\">")
                .append(Html.escape(e.title())).append("</a>");
            sep = ", ";
        }
        html.append("</dd>\n");
        List<PublishedMetadata.Table> cones = tables.stream().filter(PublishedMetadata.Table::coneSearchUsable).toList();
        if (!cones.isEmpty()) { // the caller's snapshot's: those whose data the caller may read
            html.append("<dt>Simple Cone Search (SCS 1.03), one per table</dt>\n<dd><ul class=\"cone-searches\">\n");
            for (PublishedMetadata.Table t : cones) {
                String scs = base + ConeSearchService.path(t.schema(), t.name());
                html.append("<li><code>").append(Html.escape(t.qualifiedName())).append("</code> <a class=\"scs\" href=\"")
                    .append(Html.escape(scs + "?" + Cone.of(t).query())).append("\">").append(Html.escape(scs)).append("</a></li>\n");
            }
            html.append("</ul></dd>\n");
        }
        html.append("<dt>DataLink 1.1: the files and links of a row, a table or a collection</dt>\n<dd><code class=\"url\">")
            .append(Html.escape(base + "/datalink/links")).append("</code>");
        if (!tables.isEmpty()) {
            String example = base + "/datalink/links?ID=" + URLEncoder.encode(tables.get(0).qualifiedName(), StandardCharsets.UTF_8);
            html.append(", e.g. <a href=\"").append(Html.escape(example)).append("\">").append(Html.escape(example)).append("</a>");
        }
        html.append("</dd>\n<dt>OAI-PMH 2.0: the DataCite records of the DOIs and the publishing registry</dt>\n<dd>")
            .append("<a href=\"").append(Html.escape(base + "/oai?verb=Identify")).append("\"><code class=\"url\">")
            .append(Html.escape(base + "/oai")).append("</code></a></dd>\n</dl>\n</section>\n");
    }

    /** How to use the archive from TOPCAT and pyvo, with this archive's URLs and one of its tables. */
    private static void clients(StringBuilder html, String base, List<PublishedMetadata.Table> tables) {
        String table = tables.stream().filter(PublishedMetadata.Table::queryable).map(PublishedMetadata.Table::qualifiedName)
            .findFirst().orElse("TAP_SCHEMA.tables");
        PublishedMetadata.Table cone = tables.stream().filter(PublishedMetadata.Table::coneSearchUsable).findFirst()
            .orElse(null);
        html.append("<section id=\"clients\" aria-labelledby=\"clients-heading\">\n")
            .append("<h2 id=\"clients-heading\">From TOPCAT and pyvo</h2>\n<h3>TOPCAT</h3>\n")
            .append("<p>In <em>VO \u2192 Table Access Protocol (TAP) Query</em>, enter the TAP URL below at the bottom"
                + " of the window (<em>Selected TAP Service</em>) and press <em>Use Service</em>: the tables, columns"
                + " and example queries appear.");
        if (cone != null) {
            html.append(" For <em>VO \u2192 Cone Search</em>, a table's cone search URL is listed under Services.");
        }
        html.append("</p>\n");
        snippet(html, "snippet-topcat", "The TAP URL", base + "/tap");
        StringBuilder python = new StringBuilder("import pyvo\n\n")
            .append("tap = pyvo.dal.TAPService(\"").append(base).append("/tap\")\n")
            .append("result = tap.run_sync(\"SELECT TOP 10 * FROM ").append(table).append("\")\n")
            .append("print(result.to_table())\n");
        if (cone != null) {
            Cone p = Cone.of(cone);
            python.append("\nscs = pyvo.dal.SCSService(\"").append(base).append(ConeSearchService.path(cone.schema(), cone.name()))
                .append("\")\n").append("print(scs.search(").append(p.python()).append(").to_table())\n");
        }
        html.append("<h3>pyvo</h3>\n<p>In Python, with <a href=\"https://pyvo.readthedocs.io/\">pyvo</a>"
            + " (<code>pip install pyvo</code>):</p>\n");
        snippet(html, "snippet-pyvo", "The pyvo example", python.toString());
        html.append("</section>\n");
    }

    /** A text to copy: a pre element, and a Copy button that the page's script shows (site.js). */
    private static void snippet(StringBuilder html, String id, String what, String text) {
        html.append("<div class=\"copyable\"><pre class=\"snippet\" id=\"").append(id).append("\"><code>")
            .append(Html.escape(text)).append("</code></pre><button type=\"button\" class=\"copy\" data-copy=\"")
            .append(id).append("\" aria-label=\"Copy: ").append(Html.escape(what)).append("\" hidden>Copy</button></div>\n");
    }

    /** A cone that finds something in a table (its cone search's test query), else the position 0, 0 with no radius. */
    private record Cone(double ra, double dec, double sr) {
        static Cone of(PublishedMetadata.Table t) {
            var q = t.coneSearch().testQuery();
            return q == null ? new Cone(0, 0, 0) : new Cone(q.ra(), q.dec(), q.sr());
        }

        /** As the parameters of a cone search. */
        String query() {
            return sr == 0 ? "RA=0&DEC=0&SR=0"
                : "RA=" + Degrees.text(ra) + "&DEC=" + Degrees.text(dec) + "&SR=" + Degrees.text(sr);
        }

        /** In Python: pos=(ra, dec), radius=sr. */
        String python() {
            return "pos=(" + Degrees.text(ra) + ", " + Degrees.text(dec) + "), radius=" + Degrees.text(sr);
        }
    }

    static String queryUrl(String base, PublishedMetadata.Table t) {
        return base + QUERY_PAGE + "?" + QUERY_TABLE + "=" + URLEncoder.encode(t.qualifiedName(), StandardCharsets.UTF_8);
    }

    /** The rows of the counted tables; "rows not counted yet" if none is. */
    private static String rows(List<PublishedMetadata.Table> tables) {
        List<Long> counted = tables.stream().map(PublishedMetadata.Table::nrows).filter(Objects::nonNull).toList();
        if (counted.isEmpty()) {
            return tables.isEmpty() ? "no rows" : "rows not counted yet";
        }
        long total = counted.stream().mapToLong(Long::longValue).sum();
        return (counted.size() < tables.size() ? "at least " : "") + count(total, "row");
    }

    static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** A count as people read it: 125,982. */
    static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
