package org.voarchive.site;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one layout of the archive's pages for people (home, landing pages, the portal's query and account pages):
 * the head with the archive's own style sheets and scripts (bundled from {@code archive-web/src/main/portal} and
 * served at {@link #ASSETS}), the site header, and the response headers with the page's Content-Security-Policy.
 * The site header links the home page, the query page, the Jobs page, a signed-in caller's "My tables" and the
 * account page: "Sign in" for an anonymous caller, the caller's name for one who is signed in (or logged in with
 * HTTP Basic or a token), so every page is the caller's own and no shared cache keeps it.
 * Everything a page loads is named by a path below the application's root ({@code root}), so it is the
 * page's own origin whatever host name the browser used.
 */
public final class PageLayout {

    /** The assets' path below the application's root (portal.AssetsResource serves it). */
    public static final String ASSETS = "portal/assets";

    /**
     * The portal's pages the site header links (portal.QueryPageResource, .JobsPageResource, .MyTablesPageResource,
     * .AccountPageResource).
     */
    public static final String QUERY_PAGE = "query";
    public static final String JOBS_PAGE = "jobs";
    public static final String MY_TABLES_PAGE = "tables/mine";
    public static final String ACCOUNT_PAGE = "account";

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
     * @param caller      the caller's name for the header's account link (escaped here), or null for an
     *                    anonymous caller
     * @param head        further head elements, already escaped (meta and link elements), or ""
     * @param styleSheets asset names of style sheets after {@link #SITE_CSS}
     * @param scripts     asset names of scripts, loaded deferred
     */
    public static String start(String root, String title, String siteName, String caller, String head,
                               List<String> styleSheets, List<String> scripts) {
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
            .append("<header class=\"site\"><a class=\"home\" href=\"").append(r).append("\">").append(Html.escape(siteName))
            .append("</a><nav aria-label=\"Site\"><a href=\"").append(r).append(QUERY_PAGE).append("\">ADQL query</a>")
            .append("<a href=\"").append(r).append(JOBS_PAGE).append("\">Jobs</a>")
            // personal tables are a signed-in caller's only
            .append(caller == null ? "" : "<a href=\"" + r + MY_TABLES_PAGE + "\">My tables</a>")
            .append("<a id=\"account-link\" href=\"").append(r).append(ACCOUNT_PAGE).append('"')
            .append(caller == null ? ">Sign in" : " title=\"Your account\">" + Html.escape(caller))
            .append("</a></nav></header>\n").toString();
    }

    /** A page's end. */
    public static String end() {
        return "</body>\n</html>\n";
    }

    /**
     * A page as a response, under its policy; never cached without asking (the metadata or the nonce change),
     * nor by a shared cache (the header names the caller).
     */
    /**
     * To the sign-in form for a page that needs a signed-in caller; the form comes back to the same page with its
     * query (a back office record, a personal table) once signed in.
     */
    public static Response signInRedirect(jakarta.ws.rs.core.UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        String next = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        return Response.seeOther(java.net.URI.create(uri.getBaseUri().getRawPath() + ACCOUNT_PAGE + "?next="
            + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)))
            .header("Cache-Control", "no-store").build();
    }

    public static Response response(String html, PagePolicy policy) {
        return response(html, policy, false);
    }

    /**
     * @param noStore whether no cache may keep the page even to revalidate it (the account page, with the
     *                caller's tokens); a page with a nonce is never stored either way (the nonce is fresh for
     *                every response)
     */
    public static Response response(String html, PagePolicy policy, boolean noStore) {
        return Response.ok(html, "text/html;charset=UTF-8")
            .header("Content-Security-Policy", policy.header())
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", cacheControl(policy, noStore))
            .build();
    }

    static String cacheControl(PagePolicy policy, boolean noStore) {
        return noStore || policy.nonce() != null ? "no-store" : "private, no-cache";
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
