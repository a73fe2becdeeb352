package org.voarchive.portal;

import java.util.List;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;

/**
 * The ADQL query page. Without scripts it is a plain form that posts to {@code /tap/sync}; the bundled script
 * ({@code query.js}) turns the text area into the editor, runs queries from the page and shows their rows.
 * The script finds in the {@code data-} attributes of {@code main} the endpoints it calls, as paths below
 * the application's root (so the page works under whatever name the archive is reached), and the ADQL words
 * it highlights ({@link AdqlVocabulary}).
 */
final class QueryPage {

    /** The rows the page asks for at most (MAXREC): enough to look at, few enough for a table in a page. */
    static final int MAXREC = 1000;

    static final String INITIAL_QUERY = "SELECT TOP 10 table_name, description\nFROM TAP_SCHEMA.tables\nORDER BY table_name";

    private QueryPage() {
    }

    /**
     * @param root     the application's root path, ending in '/' ("/" when deployed at the context root)
     * @param siteName the archive's name (configuration: escaped)
     * @param caller   the caller's name for the header's account link, or null for an anonymous caller
     * @param policy   the response's Content-Security-Policy, whose style nonce the editor needs
     */
    static String render(String root, String siteName, String caller, PagePolicy policy) {
        return render(root, siteName, caller, policy, "");
    }

    /** @param jobControls the controls to run the query as a job ({@link JobControls}), or "" */
    static String render(String root, String siteName, String caller, PagePolicy policy, String jobControls) {
        String r = Html.escape(root);
        return PageLayout.start(root, "ADQL query", siteName, caller, "", List.of("query.css"), List.of("query.js"))
            + "<main id=\"query-page\" data-tap-sync=\"" + r + "tap/sync\" data-tap-tables=\"" + r + "tap/tables\""
            + " data-check=\"" + r + AdqlCheckResource.PATH + "\" data-maxrec=\"" + MAXREC + "\""
            + " data-style-nonce=\"" + Html.escape(policy.nonce()) + "\""
            + " data-adql-keywords=\"" + Html.escape(AdqlVocabulary.keywords()) + "\""
            + " data-adql-functions=\"" + Html.escape(AdqlVocabulary.functions()) + "\">\n"
            + "<h1>ADQL query</h1>\n"
            + "<p>Write a query in ADQL 2.1 and run it on this archive's TAP service (<code>" + r + "tap/sync</code>)."
            + " The page shows at most " + MAXREC + " rows; for more, use a TAP client such as TOPCAT or pyvo."
            + " <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs the query, <kbd>Ctrl</kbd>+<kbd>Space</kbd> completes names.</p>\n"
            + "<form id=\"query-form\" method=\"post\" action=\"" + r + "tap/sync\">\n"
            + "<input type=\"hidden\" name=\"LANG\" value=\"ADQL\">\n"
            + "<input type=\"hidden\" name=\"MAXREC\" value=\"" + MAXREC + "\">\n"
            + "<label id=\"query-label\" for=\"query\">ADQL query</label>\n"
            + "<textarea id=\"query\" name=\"QUERY\" rows=\"8\" cols=\"80\" spellcheck=\"false\">"
            + Html.escape(INITIAL_QUERY) + "</textarea>\n"
            + "<p id=\"check-status\" class=\"check\" role=\"status\"></p>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"run\" aria-keyshortcuts=\"Control+Enter\">Run</button>"
            + " <span class=\"hint\">or <kbd>Ctrl</kbd>+<kbd>Enter</kbd></span></div>\n"
            + jobControls
            + "</form>\n"
            + "<section class=\"results\" aria-labelledby=\"result-heading\">\n"
            + "<h2 id=\"result-heading\">Result</h2>\n"
            + "<p id=\"run-status\" role=\"status\">No query has run yet.</p>\n"
            + "<div id=\"result\" class=\"result\"></div>\n"
            + "</section>\n</main>\n" + PageLayout.end();
    }
}
