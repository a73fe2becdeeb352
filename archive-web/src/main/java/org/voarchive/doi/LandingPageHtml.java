package org.voarchive.doi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.voarchive.datalink.DatalinkCapabilities;
import org.voarchive.datalink.Link;
import org.voarchive.datalink.MetadataLinks;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;

/**
 * A landing page as HTML: what a schema, table or object is, how to cite it (DataCite's text form and BibTeX,
 * each with a Copy button that site.js shows), its licence, creators, contributors and related identifiers, its
 * columns (a table) or tables (a schema), its datalinks and, for an object, its previews. Everything comes from
 * the {@link LandingPage}, which is built from the caller's published snapshot and the datalinks; every text is
 * escaped. For machines: the DOI as {@code DC.identifier}, Highwire {@code citation_*} meta elements (reference
 * managers read them) and links to the DataCite record and the DataLink document.
 */
final class LandingPageHtml {

    /** Link semantics whose images are shown on the page (the DataLink core vocabulary's). */
    static final Set<String> PREVIEWS = Set.of("#preview", "#preview-image", "#thumbnail");

    private LandingPageHtml() {
    }

    /**
     * @param root     the application's root path, ending in '/'
     * @param base     the archive's public base URL (links name it)
     * @param siteName the archive's name
     * @param caller   the caller's name for the site header, or null for an anonymous caller
     */
    static String render(LandingPage p, String root, String base, String siteName, String caller) {
        StringBuilder html = new StringBuilder(16384)
            .append(PageLayout.start(root, p.title(), siteName, caller, head(p, base), List.of(),
                List.of(PageLayout.SITE_JS)))
            .append("<main id=\"landing\" data-kind=\"").append(Html.escape(p.kind())).append("\">\n");
        breadcrumbs(html, p, base);
        html.append("<p class=\"kind\">").append(Html.escape(p.kind())).append(" <code>").append(Html.escape(p.id()))
            .append("</code></p>\n<h1>").append(Html.escape(p.title())).append("</h1>\n");
        if (p.description() != null) {
            html.append("<p class=\"description\">").append(Html.escape(p.description())).append("</p>\n");
        }
        if (p.longDescription() != null) {
            html.append("<div class=\"long-description\"><pre>").append(Html.escape(p.longDescription()))
                .append("</pre></div>\n");
        }
        actions(html, p, base);
        if (p.kind().equals("object")) { // what an object looks like comes first
            previews(html, p, root, base);
        }
        facts(html, p, base);
        cite(html, p);
        credits(html, p);
        if (p.kind().equals("table") && p.table() != null) {
            columns(html, p.table());
        }
        if (p.kind().equals("schema") && p.schema() != null) {
            tables(html, p.schema(), base);
        }
        links(html, p, base);
        return html.append("</main>\n").append(PageLayout.end()).toString();
    }

    /** The machine-readable parts of the head. */
    private static String head(LandingPage p, String base) {
        StringBuilder head = new StringBuilder();
        if (p.doi() != null) {
            head.append("<meta name=\"DC.identifier\" content=\"doi:").append(Html.escape(p.doi())).append("\">\n");
        }
        meta(head, "citation_title", p.title());
        for (Credits.Agent a : p.creators()) {
            meta(head, "citation_author", a.name());
        }
        meta(head, "citation_publisher", p.publisher());
        meta(head, "citation_publication_date", Integer.toString(p.publicationYear()));
        if (p.doi() != null) {
            meta(head, "citation_doi", p.doi());
            head.append("<link rel=\"cite-as\" href=\"").append(Html.escape(p.identifier())).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/vnd.datacite.datacite+xml\" href=\"")
                .append(Html.escape(base + "/doi/datacite/" + p.id())).append("\">\n");
        }
        head.append("<link rel=\"alternate\" type=\"application/x-votable+xml;content=datalink\" href=\"")
            .append(Html.escape(linksUrl(p, base))).append("\">\n");
        return head.toString();
    }

    private static void meta(StringBuilder head, String name, String content) {
        if (content != null) {
            head.append("<meta name=\"").append(name).append("\" content=\"").append(Html.escape(content)).append("\">\n");
        }
    }

    /** Home, the schema of a table, the table of an object. */
    private static void breadcrumbs(StringBuilder html, LandingPage p, String base) {
        html.append("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><a href=\"").append(Html.escape(base + "/"))
            .append("\">Data collections</a>");
        PublishedMetadata.Table t = p.table();
        if (t != null) {
            html.append(" \u203a ").append(landing(base, t.schema(), t.schema()));
            if (p.kind().equals("object")) {
                html.append(" \u203a ").append(landing(base, t.qualifiedName(), t.qualifiedName()));
            }
        }
        html.append(" \u203a <span aria-current=\"page\">").append(Html.escape(p.id())).append("</span></nav>\n");
    }

    /** Query (a table whose data the caller may read), the DataCite record, the links. */
    private static void actions(StringBuilder html, LandingPage p, String base) {
        html.append("<p class=\"actions\">");
        if (p.kind().equals("table") && p.table() != null && p.table().queryable()) {
            html.append("<a class=\"button query\" href=\"").append(Html.escape(base + "/query?table="
                + URLEncoder.encode(p.id(), StandardCharsets.UTF_8))).append("\">Query this table</a> ");
        }
        if (p.doi() != null) {
            html.append("<a class=\"button secondary\" href=\"").append(Html.escape(base + "/doi/datacite/" + p.id()))
                .append("\">DataCite record (XML)</a> ");
        }
        html.append("<a class=\"button secondary\" href=\"").append(Html.escape(linksUrl(p, base)))
            .append("\">Datalinks (VOTable)</a></p>\n");
    }

    private static void facts(StringBuilder html, LandingPage p, String base) {
        html.append("<dl class=\"facts\">\n");
        if (p.doi() != null) {
            String url = "https://doi.org/" + p.doi();
            html.append("<dt>DOI</dt><dd><a id=\"doi\" href=\"").append(Html.escape(url)).append("\">")
                .append(Html.escape(url)).append("</a></dd>\n");
        }
        if (!p.creators().isEmpty()) {
            html.append("<dt>Creators</dt><dd>").append(Html.escape(String.join("; ",
                p.creators().stream().map(Credits.Agent::name).toList()))).append("</dd>\n");
        }
        if (p.version() != null) {
            html.append("<dt>Version</dt><dd id=\"version\">").append(Html.escape(p.version())).append("</dd>\n");
        }
        if (p.licenseLabel() != null || p.licenseUrl() != null) {
            String label = p.licenseLabel() != null ? p.licenseLabel() : p.licenseUrl();
            html.append("<dt>Licence</dt><dd id=\"licence\">").append(p.licenseUrl() == null || !web(p.licenseUrl())
                ? Html.escape(label)
                : "<a href=\"" + Html.escape(p.licenseUrl()) + "\">" + Html.escape(label) + "</a>").append("</dd>\n");
        }
        html.append("<dt>Publisher</dt><dd>").append(Html.escape(p.publisher())).append("</dd>\n");
        if (p.issued() != null) {
            html.append("<dt>Published</dt><dd>").append(p.issued()).append("</dd>\n");
        }
        if (p.updated() != null && !p.updated().equals(p.issued())) {
            html.append("<dt>Updated</dt><dd>").append(p.updated()).append("</dd>\n");
        }
        if (p.kind().equals("table") && p.table() != null) {
            html.append("<dt>Rows</dt><dd id=\"rows\">").append(rows(p.table().nrows())).append("</dd>\n");
        }
        if (p.kind().equals("schema") && p.schema() != null) {
            List<PublishedMetadata.Table> tables = p.schema().tables();
            List<Long> counted = tables.stream().map(PublishedMetadata.Table::nrows).filter(Objects::nonNull).toList();
            html.append("<dt>Tables</dt><dd>").append(tables.size()).append("</dd>\n<dt>Rows</dt><dd id=\"rows\">")
                .append(counted.isEmpty() ? "not counted yet" : (counted.size() < tables.size() ? "at least " : "")
                    + number(counted.stream().mapToLong(Long::longValue).sum())).append("</dd>\n");
        }
        if (p.kind().equals("object") && p.table() != null) {
            html.append("<dt>Part of</dt><dd>").append(landing(base, p.table().qualifiedName(), p.table().qualifiedName()))
                .append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    /** The citation in DataCite's form and as BibTeX, each with its Copy button. */
    private static void cite(StringBuilder html, LandingPage p) {
        html.append("<section id=\"cite\" aria-labelledby=\"cite-heading\">\n<h2 id=\"cite-heading\">How to cite</h2>\n")
            .append("<div class=\"copyable\"><p class=\"citation\" id=\"citation\">").append(Html.escape(p.citation()))
            .append("</p>").append(copyButton("citation", "the citation")).append("</div>\n")
            .append("<h3 id=\"bibtex-heading\">BibTeX</h3>\n<div class=\"copyable\"><pre class=\"bibtex\" id=\"bibtex\""
                + " aria-labelledby=\"bibtex-heading\">").append(Html.escape(p.bibtex())).append("</pre>")
            .append(copyButton("bibtex", "the BibTeX entry")).append("</div>\n</section>\n");
    }

    private static String copyButton(String target, String what) {
        return "<button type=\"button\" class=\"copy\" data-copy=\"" + target + "\" aria-label=\"Copy " + what
            + "\" hidden>Copy</button>";
    }

    /** Creators and contributors with their ORCID iDs and affiliations; the related identifiers, linked. */
    private static void credits(StringBuilder html, LandingPage p) {
        if (!p.creators().isEmpty() || !p.contributors().isEmpty()) {
            html.append("<section id=\"credits\" aria-labelledby=\"credits-heading\">\n")
                .append("<h2 id=\"credits-heading\">Credits</h2>\n");
            if (!p.creators().isEmpty()) {
                html.append("<h3>Creators</h3>\n<ol class=\"agents\" id=\"creators\">\n");
                p.creators().forEach(a -> html.append("<li>").append(agent(a)).append("</li>\n"));
                html.append("</ol>\n");
            }
            if (!p.contributors().isEmpty()) {
                html.append("<h3>Contributors</h3>\n<ul class=\"agents\" id=\"contributors\">\n");
                p.contributors().forEach(c -> html.append("<li>").append(agent(c.contributor()))
                    .append(" <span class=\"role\">(").append(Html.escape(words(c.type()))).append(")</span></li>\n"));
                html.append("</ul>\n");
            }
            html.append("</section>\n");
        }
        if (!p.related().isEmpty()) {
            html.append("<section id=\"related\" aria-labelledby=\"related-heading\">\n")
                .append("<h2 id=\"related-heading\">Related identifiers</h2>\n<ul>\n");
            for (Credits.RelatedIdentifier r : p.related()) {
                html.append("<li><span class=\"relation\">").append(Html.escape(words(r.relation()))).append("</span> ")
                    .append(Html.escape(r.type())).append(' ');
                String text = "<code>" + Html.escape(r.identifier()) + "</code>";
                html.append(MetadataLinks.resolvable(r).filter(LandingPageHtml::web)
                    .map(url -> "<a href=\"" + Html.escape(url) + "\">" + text + "</a>").orElse(text));
                if (r.resourceTypeGeneral() != null) {
                    html.append(" (").append(Html.escape(r.resourceTypeGeneral())).append(')');
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
    }

    /** A person or organisation: the name, the ORCID iD linked, the affiliations (ROR linked). */
    private static String agent(Credits.Agent a) {
        StringBuilder s = new StringBuilder("<span class=\"name\">").append(Html.escape(a.name())).append("</span>");
        if (a.orcid() != null) { // stored as https://orcid.org/NNNN-NNNN-NNNN-NNNC (curation.PersistentIds)
            s.append(" <a class=\"orcid\" href=\"").append(Html.escape(a.orcid())).append("\" aria-label=\"ORCID iD of ")
                .append(Html.escape(a.name())).append("\">ORCID ")
                .append(Html.escape(a.orcid().replaceFirst("^https://orcid\\.org/", ""))).append("</a>");
        }
        if (!a.affiliations().isEmpty()) {
            s.append(" <span class=\"affiliations\">");
            String sep = "";
            for (Credits.Affiliation f : a.affiliations()) {
                s.append(sep);
                s.append(f.ror() == null ? Html.escape(f.name())
                    : "<a href=\"" + Html.escape(f.ror()) + "\">" + Html.escape(f.name()) + "</a>");
                sep = "; ";
            }
            s.append("</span>");
        }
        return s.toString();
    }

    /** A table's columns: name, type, unit, UCD, description. */
    private static void columns(StringBuilder html, PublishedMetadata.Table t) {
        html.append("<section aria-labelledby=\"columns-heading\">\n<h2 id=\"columns-heading\">Columns</h2>\n")
            .append("<p class=\"note\">The principal columns (a query's first choice) are in bold.</p>\n")
            .append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"columns-heading\">\n")
            .append("<table id=\"columns\">\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th>"
                + "<th scope=\"col\">Unit</th><th scope=\"col\">UCD</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
        for (PublishedMetadata.Column c : t.columns()) {
            html.append("<tr").append(c.principal() ? " class=\"principal\"" : "").append("><td><code>")
                .append(Html.escape(c.tapName())).append("</code></td><td>").append(Html.escape(type(c)))
                .append("</td><td>").append(Html.escape(c.unit())).append("</td><td>").append(Html.escape(c.ucd()))
                .append("</td><td>").append(Html.escape(c.description())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /** A column's VOTable type: datatype, arraysize, xtype ({@code double[2] (point)}). */
    static String type(PublishedMetadata.Column c) {
        if (c.type() == null) {
            return "";
        }
        return c.type().datatype() + (c.type().arraysize() == null ? "" : "[" + c.type().arraysize() + "]")
            + (c.type().xtype() == null ? "" : " (" + c.type().xtype() + ")");
    }

    /** A schema's tables: name (its landing page), title or description, rows. */
    private static void tables(StringBuilder html, PublishedMetadata.Schema s, String base) {
        html.append("<section aria-labelledby=\"tables-heading\">\n<h2 id=\"tables-heading\">Tables</h2>\n");
        if (s.tables().isEmpty()) {
            html.append("<p>None that you may see.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"tables-heading\">\n")
            .append("<table id=\"tables\">\n<thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Description</th>"
                + "<th scope=\"col\" class=\"n\">Rows</th></tr></thead>\n<tbody>\n");
        for (PublishedMetadata.Table t : s.tables()) {
            html.append("<tr data-table=\"").append(Html.escape(t.qualifiedName())).append("\"><td>")
                .append(landing(base, t.qualifiedName(), t.qualifiedName())).append("</td><td>")
                .append(Html.escape(t.title() != null ? t.title() : t.description())).append("</td><td class=\"n\">")
                .append(t.nrows() == null ? "unknown" : number(t.nrows())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /**
     * An object's preview images, shown where they are the archive's own files: the page's policy loads images
     * from its own origin only, so the access URL is written as a path below the request's root.
     */
    private static void previews(StringBuilder html, LandingPage p, String root, String base) {
        List<Link> images = p.links().stream().filter(l -> PREVIEWS.contains(l.semantics()) && l.accessUrl() != null
            && l.accessUrl().startsWith(base + "/")
            && (l.contentType() == null || l.contentType().startsWith("image/"))).toList();
        if (images.isEmpty()) {
            return;
        }
        html.append("<section id=\"preview\" aria-labelledby=\"preview-heading\">\n<h2 id=\"preview-heading\">Preview</h2>\n");
        for (Link l : images) {
            String alt = l.description() != null ? l.description() : "Preview of " + p.id();
            html.append("<figure><a href=\"").append(Html.escape(l.accessUrl())).append("\"><img src=\"")
                .append(Html.escape(root + l.accessUrl().substring(base.length() + 1))).append("\" alt=\"")
                .append(Html.escape(alt)).append("\"></a><figcaption>").append(Html.escape(alt))
                .append("</figcaption></figure>\n");
        }
        html.append("</section>\n");
    }

    /** Every datalink, and the DataLink document. */
    private static void links(StringBuilder html, LandingPage p, String base) {
        if (p.links().isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"links-heading\">\n<h2 id=\"links-heading\">Datalinks</h2>\n")
            .append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"links-heading\">\n")
            .append("<table id=\"links\">\n<thead><tr><th scope=\"col\">Semantics</th><th scope=\"col\">Link</th>"
                + "<th scope=\"col\">Description</th><th scope=\"col\">Type</th><th scope=\"col\" class=\"n\">Size</th>"
                + "</tr></thead>\n<tbody>\n");
        for (Link l : p.links()) {
            html.append("<tr><td>").append(Html.escape(l.semantics())).append("</td><td>")
                .append(l.accessUrl() == null ? "" : !linkable(l.accessUrl()) ? Html.escape(l.accessUrl())
                    : "<a href=\"" + Html.escape(l.accessUrl()) + "\">" + Html.escape(l.accessUrl()) + "</a>")
                .append("</td><td>").append(Html.escape(l.description())).append("</td><td>")
                .append(Html.escape(l.contentType())).append("</td><td class=\"n\">")
                .append(l.contentLength() == null ? "" : bytes(l.contentLength())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<p><a href=\"").append(Html.escape(linksUrl(p, base)))
            .append("\">The links as a DataLink VOTable</a></p>\n</section>\n");
    }

    private static String linksUrl(LandingPage p, String base) {
        return base + DatalinkCapabilities.LINKS_PATH + "?ID=" + URLEncoder.encode(p.id(), StandardCharsets.UTF_8);
    }

    private static String landing(String base, String id, String text) {
        return "<a href=\"" + Html.escape(base + MetadataLinks.LANDING_PATH + id) + "\">" + Html.escape(text) + "</a>";
    }

    /** Only web addresses become links: a curated URL could have any scheme (javascript: too). */
    private static boolean web(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }

    /** A datalink's access URL becomes a link if it is a web or FTP address. */
    private static boolean linkable(String url) {
        return web(url) || url.toLowerCase(Locale.ROOT).startsWith("ftp://");
    }

    private static String rows(Long rows) {
        return rows == null ? "not counted yet" : number(rows);
    }

    private static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String bytes(long n) {
        return n < 10_000 ? number(n) + " B" : n < 10_000_000 ? number(n / 1024) + " KiB" : number(n / (1024 * 1024)) + " MiB";
    }

    /** A DataCite term in words: IsDescribedBy as "Is described by". */
    static String words(String term) {
        if (term == null || term.isEmpty()) {
            return "";
        }
        String spaced = term.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
