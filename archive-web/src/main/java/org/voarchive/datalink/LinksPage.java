package org.voarchive.datalink;

import java.util.List;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;
import org.voarchive.site.SiteIdentity;

/**
 * "Datalinks for ...": the {links} of some IDs as an HTML page, each link clickable, in the site's one page
 * layout (its header, its style sheet, no inline style or script: the page's policy forbids both).
 */
final class LinksPage {

    private LinksPage() {
    }

    /**
     * @param root   the application's root path, ending in '/'
     * @param caller the caller's name for the header, or null
     */
    static String render(SiteIdentity site, List<String> ids, LinksResponse response, String root, String caller) {
        String title = "Datalinks for " + String.join(", ", ids);
        StringBuilder html = new StringBuilder(4096)
            .append(PageLayout.start(root, title, site.name(), caller, "", List.of(), List.of()))
            .append("<main id=\"datalinks\">\n<h1>").append(Html.escape(title)).append("</h1>\n");
        if (ids.isEmpty()) {
            html.append("<p>Give one or more IDs: <code>?ID=...</code></p>\n");
        } else {
            html.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Links\">\n")
                .append("<table id=\"links\">\n<tr><th>ID</th><th>Semantics</th><th>Link</th><th>Description</th>"
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
            html.append("</table>\n</div>\n");
            if (response.overflow()) {
                html.append("<p>Only the first ").append(response.maxIds()).append(" IDs are shown.</p>\n");
            }
        }
        html.append("<p>As a VOTable: <a href=\"").append(Html.escape(site.baseUrl() + DatalinkCapabilities.LINKS_PATH))
            .append("\">").append(Html.escape(site.baseUrl() + DatalinkCapabilities.LINKS_PATH)).append("</a>")
            .append(" with the same parameters.</p>\n</main>\n");
        return html.append(PageLayout.end()).toString();
    }
}
