package org.voarchive.portal;

import jakarta.ws.rs.core.Response;
import org.voarchive.site.Html;

/**
 * What every portal page shares: the document's head (its own style sheet and script from the assets, nothing
 * inline) and the site header, which links the home page, the query page and the account page: "Sign in" for
 * an anonymous caller, the caller's name for one who is signed in (or logged in with HTTP Basic).
 */
final class PageFrame {

    static final String END = "</body>\n</html>\n";

    private PageFrame() {
    }

    /**
     * The document up to the end of the site header.
     *
     * @param root     the application's root path, ending in '/'
     * @param title    the page's title (before the site's name)
     * @param bundle   the name of the page's script and style sheet in the assets ({@code query}: query.js, query.css)
     * @param caller   the caller's name, or null for an anonymous caller
     */
    static String start(String root, String siteName, String title, String bundle, String caller) {
        String r = Html.escape(root);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + Html.escape(title) + " \u2013 " + Html.escape(siteName) + "</title>\n"
            + "<link rel=\"icon\" href=\"data:,\">\n" // no icon: and no request for /favicon.ico either
            + "<link rel=\"stylesheet\" href=\"" + r + Assets.PATH + "/" + bundle + ".css\">\n"
            + "<script defer src=\"" + r + Assets.PATH + "/" + bundle + ".js\"></script>\n"
            + "</head>\n<body>\n"
            + "<header class=\"site\"><a class=\"home\" href=\"" + r + "\">" + Html.escape(siteName) + "</a>"
            + "<nav aria-label=\"Site\"><a href=\"" + r + "query\">ADQL query</a>"
            + "<a id=\"account-link\" href=\"" + r + "account\""
            + (caller == null ? ">Sign in" : " title=\"Your account\">" + Html.escape(caller)) + "</a></nav></header>\n";
    }

    /** A page's response: under its Content-Security-Policy, never cached (the nonce is fresh every time). */
    static Response response(String html, PagePolicy policy) {
        return Response.ok(html, "text/html;charset=UTF-8")
            .header("Content-Security-Policy", policy.header())
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "no-store")
            .build();
    }
}
