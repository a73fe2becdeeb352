package org.voarchive.datalink;

import java.util.List;
import org.voarchive.site.Html;
import org.voarchive.site.SiteIdentity;

/** "Datalinks for ...": the {links} of some IDs as an HTML page, each link clickable. */
final class LinksPage {

    private LinksPage() {
    }

    static String render(SiteIdentity site, List<String> ids, LinksResponse response) {
        String title = "Datalinks for " + String.join(", ", ids);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(Html.escape(title)).append("</title>\n")
            .append("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.3em .8em;text-align:left}"
                + "</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        if (ids.isEmpty()) {
            html.append("<p>Give one or more IDs: <code>?ID=...</code></p>\n");
        } else {
            html.append("<table id=\"links\">\n<tr><th>ID</th><th>Semantics</th><th>Link</th><th>Description</th>"
                + "<th>Type</th><th>Size (bytes)</th></tr>\n");
            for (Link l : response.links()) {
                html.append("<tr><td>").append(Html.escape(l.id())).append("</td><td>").append(Html.escape(l.semantics()))
                    .append("</td><td>");
                if (l.accessUrl() != null) {
                    html.append("<a href=\"").append(Html.escape(l.accessUrl())).append("\">")
                        .append(Html.escape(l.accessUrl())).append("</a>");
                } else if (l.errorMessage() != null) {
                    html.append("<em>").append(Html.escape(l.errorMessage())).append("</em>");
                } else {
                    html.append("service ").append(Html.escape(l.serviceDef()));
                }
                html.append("</td><td>").append(Html.escape(l.description())).append("</td><td>")
                    .append(Html.escape(l.contentType())).append("</td><td>")
                    .append(l.contentLength() == null ? "" : l.contentLength()).append("</td></tr>\n");
            }
            html.append("</table>\n");
            if (response.overflow()) {
                html.append("<p>Only the first ").append(response.maxIds()).append(" IDs are shown.</p>\n");
            }
        }
        html.append("<p>As a VOTable: <a href=\"").append(Html.escape(site.baseUrl() + DatalinkCapabilities.LINKS_PATH))
            .append("\">").append(Html.escape(site.baseUrl() + DatalinkCapabilities.LINKS_PATH)).append("</a>")
            .append(" with the same parameters.</p>\n</body>\n</html>\n");
        return html.toString();
    }
}
