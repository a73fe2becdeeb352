package org.voarchive.site;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one layout of the archive's pages for people (home, landing pages, the portal's query page): the head
 * with the archive's own style sheets and scripts (bundled from {@code archive-web/src/main/portal} and served
 * at {@link #ASSETS}), the site header, and the response headers with the page's Content-Security-Policy.
 * Everything a page loads is named by a path below the application's root ({@code root}), so it is the
 * page's own origin whatever host name the browser used.
 */
public final class PageLayout {

    /** The assets' path below the application's root (portal.AssetsResource serves it). */
    public static final String ASSETS = "portal/assets";

    /** The shared style sheet and the script of pages without one of their own (copy buttons). */
    public static final String SITE_CSS = "site.css";
    public static final String SITE_JS = "site.js";

    private PageLayout() {
    }

    /**
     * A page's beginning, up to and including the site header.
     *
     * @param root        the application's root path, ending in '/' ("/" when deployed at the context root)
     * @param title       the page's title (escaped here); the site's name follows it
     * @param siteName    the archive's name (configuration; escaped here)
     * @param head        further head elements, already escaped (meta and link elements), or ""
     * @param styleSheets asset names of style sheets after {@link #SITE_CSS}
     * @param scripts     asset names of scripts, loaded deferred
     */
    public static String start(String root, String title, String siteName, String head, List<String> styleSheets,
                               List<String> scripts) {
        String r = Html.escape(root);
        StringBuilder html = new StringBuilder(1024)
            .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(Html.escape(title == null || title.equals(siteName) ? siteName
                : title + " \u2013 " + siteName)).append("</title>\n")
            .append("<link rel=\"icon\" href=\"data:,\">\n") // no icon: and no request for /favicon.ico either
            .append(head);
        for (String sheet : concat(SITE_CSS, styleSheets)) {
            html.append("<link rel=\"stylesheet\" href=\"").append(r).append(ASSETS).append('/').append(Html.escape(sheet))
                .append("\">\n");
        }
        for (String script : scripts) {
            html.append("<script defer src=\"").append(r).append(ASSETS).append('/').append(Html.escape(script))
                .append("\"></script>\n");
        }
        return html.append("</head>\n<body>\n")
            .append("<header class=\"site\"><a href=\"").append(r).append("\">").append(Html.escape(siteName))
            .append("</a></header>\n").toString();
    }

    /** A page's end. */
    public static String end() {
        return "</body>\n</html>\n";
    }

    /** A page as a response, under its policy; never cached without asking (the metadata or the nonce change). */
    public static Response response(String html, PagePolicy policy) {
        return Response.ok(html, "text/html;charset=UTF-8")
            .header("Content-Security-Policy", policy.header())
            .header("X-Content-Type-Options", "nosniff")
            // a nonce is fresh for every response; other pages are revalidated
            .header("Cache-Control", policy.nonce() != null ? "no-store" : "no-cache")
            .build();
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
