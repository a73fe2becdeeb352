package org.voarchive.site;

import java.util.List;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.scs.ConeSearchService;

/** The root page: what this archive is, its endpoints, and what it publishes. */
final class HomePage {

    /** An endpoint listed on the page: path below the base URL and what it is. */
    record Endpoint(String path, String title) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
        new Endpoint("/tap/availability", "TAP service availability (VOSI)"),
        new Endpoint("/tap/tables", "Tables and columns of the TAP service (VOSI)"),
        new Endpoint("/tap/examples", "Example queries for the TAP service (DALI examples)"));

    /** The portal's query page (portal.QueryPageResource). */
    static final String QUERY_PAGE = "/query";

    /** The portal's account page (portal.AccountPageResource). */
    static final String ACCOUNT_PAGE = "/account";

    private HomePage() {
    }

    /**
     * @param tables the published tables of the anonymous snapshot, in its order, or null when the database
     *               could not be read
     */
    static String render(SiteIdentity site, List<PublishedMetadata.Table> tables) {
        String base = site.baseUrl();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<title>").append(Html.escape(site.name())).append("</title>\n")
            .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.3em .8em;text-align:left}"
                + "td.n{text-align:right}</style>\n</head>\n<body>\n")
            .append("<h1>").append(Html.escape(site.name())).append("</h1>\n")
            .append("<p>Published by ").append(Html.escape(site.publisher()))
            .append(". IVOA authority <code>").append(Html.escape(site.authority())).append("</code>.</p>\n")
            .append("<p><a id=\"query-page\" href=\"").append(Html.escape(base + QUERY_PAGE))
            .append("\">Query the tables with ADQL</a> in your browser.</p>\n")
            .append("<p><a id=\"account-page\" href=\"").append(Html.escape(base + ACCOUNT_PAGE))
            .append("\">Sign in</a> to see the tables of your groups, and to make personal API tokens for pyvo,"
                + " TOPCAT and scripts.</p>\n")
            .append("<h2>Services</h2>\n<ul>\n");
        for (Endpoint e : ENDPOINTS) {
            html.append("<li><a href=\"").append(Html.escape(base + e.path())).append("\">")
                .append(Html.escape(e.title())).append("</a> <code>").append(Html.escape(base + e.path()))
                .append("</code></li>\n");
        }
        html.append("</ul>\n<h2>Tables</h2>\n");
        if (tables == null) {
            html.append("<p>The table list is unavailable: the database cannot be reached.</p>\n");
        } else if (tables.isEmpty()) {
            html.append("<p>No tables are published yet.</p>\n");
        } else {
            html.append("<table id=\"tables\">\n<tr><th>Table</th><th>Rows</th><th>Description</th><th>Cone search</th></tr>\n");
            for (PublishedMetadata.Table t : tables) {
                long rows = t.nrows() == null ? -1 : t.nrows(); // -1 in data-rows: not counted yet
                html.append("<tr data-table=\"").append(Html.escape(t.qualifiedName())).append("\" data-rows=\"")
                    .append(rows).append("\"><td><code>").append(Html.escape(t.qualifiedName()))
                    .append("</code></td><td class=\"n\">").append(rows < 0 ? "unknown" : Long.toString(rows))
                    .append("</td><td>").append(Html.escape(t.title() != null ? t.title() : t.description()))
                    .append("</td><td>");
                if (t.coneSearchUsable()) { // the anonymous snapshot's: a public cone search
                    String scs = base + ConeSearchService.path(t.schema(), t.name());
                    html.append("<a class=\"scs\" href=\"").append(Html.escape(scs + "?RA=0&DEC=0&SR=0")).append("\">")
                        .append(Html.escape(scs)).append("</a>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Contact</h2>\n<p>").append(Html.escape(site.contactName()))
            .append(" &lt;<a href=\"mailto:").append(Html.escape(site.contactEmail())).append("\">")
            .append(Html.escape(site.contactEmail())).append("</a>&gt;</p>\n</body>\n</html>\n");
        return html.toString();
    }
}
