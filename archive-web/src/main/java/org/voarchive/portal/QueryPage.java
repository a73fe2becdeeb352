package org.voarchive.portal;

import java.util.List;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;

/**
 * The ADQL query page. Without scripts it is a plain form that posts to {@code /tap/sync}; the bundled script
 * ({@code query.js}) turns the text area into the editor, runs queries from the page and shows their rows, and
 * shows what the plain form cannot use (rendered hidden): the browser of the caller's tables, the service's
 * examples, tables to upload, Run as job and the cone search.
 * The script finds in the {@code data-} attributes of {@code main} the endpoints it calls, as paths below
 * the application's root (so the page works under whatever name the archive is reached), the ADQL words
 * it highlights ({@link AdqlVocabulary}) and TAP's upload limit.
 */
final class QueryPage {

    /** The rows the page asks for at most (MAXREC): enough to look at, few enough for a table in a page. */
    static final int MAXREC = 1000;

    static final String INITIAL_QUERY = "SELECT TOP 10 table_name, description\nFROM TAP_SCHEMA.tables\nORDER BY table_name";

    private QueryPage() {
    }

    /**
     * What the page offers besides the editor.
     *
     * @param jobControls    the controls to run the query as a job ({@link JobControls}), or ""
     * @param coneSearch     the cone search form ({@link ConeSearchForm}), or ""
     * @param uploadMaxBytes the most bytes of uploads a query may send (TAP's limit)
     */
    record Parts(String jobControls, String coneSearch, long uploadMaxBytes) {
    }

    /**
     * @param root     the application's root path, ending in '/' ("/" when deployed at the context root)
     * @param siteName the archive's name (configuration: escaped)
     * @param caller   the caller's name for the header's account link, or null for an anonymous caller
     * @param policy   the response's Content-Security-Policy, whose style nonce the editor needs
     */
    static String render(String root, String siteName, String caller, PagePolicy policy, Parts parts) {
        String r = Html.escape(root);
        return PageLayout.start(root, "ADQL query", siteName, caller, "", List.of("query.css"), List.of("query.js"))
            + "<main id=\"query-page\" data-tap-sync=\"" + r + "tap/sync\" data-tap-tables=\"" + r + "tap/tables\""
            + " data-tap-capabilities=\"" + r + "tap/capabilities\" data-tap-examples=\"" + r + "tap/examples\""
            + " data-check=\"" + r + AdqlCheckResource.PATH + "\" data-maxrec=\"" + MAXREC + "\""
            + " data-upload-max-bytes=\"" + parts.uploadMaxBytes() + "\""
            + " data-style-nonce=\"" + Html.escape(policy.nonce()) + "\""
            + " data-adql-keywords=\"" + Html.escape(AdqlVocabulary.keywords()) + "\""
            + " data-adql-functions=\"" + Html.escape(AdqlVocabulary.functions()) + "\">\n"
            + "<h1>ADQL query</h1>\n"
            + "<p class=\"intro\">Write a query in ADQL 2.1 and run it on this archive's TAP service (<code>" + r
            + "tap/sync</code>). The page shows at most " + MAXREC + " rows; for more, run it as a job, or use a TAP"
            + " client such as TOPCAT or pyvo. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> runs the query,"
            + " <kbd>Ctrl</kbd>+<kbd>Space</kbd> completes names.</p>\n"
            + "<div class=\"query-layout\">\n"
            + "<form id=\"query-form\" method=\"post\" action=\"" + r + "tap/sync\">\n"
            + "<input type=\"hidden\" name=\"LANG\" value=\"ADQL\">\n"
            + "<input type=\"hidden\" name=\"MAXREC\" value=\"" + MAXREC + "\">\n"
            + "<label id=\"query-label\" for=\"query\">ADQL query</label>\n"
            + "<textarea id=\"query\" name=\"QUERY\" rows=\"8\" cols=\"80\" spellcheck=\"false\">"
            + Html.escape(INITIAL_QUERY) + "</textarea>\n"
            + "<p id=\"check-status\" class=\"check\" role=\"status\"></p>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"run\" aria-keyshortcuts=\"Control+Enter\">Run</button>"
            + " <span class=\"hint\">or <kbd>Ctrl</kbd>+<kbd>Enter</kbd></span></div>\n"
            + parts.jobControls()
            + uploads()
            + "</form>\n"
            + "<aside class=\"side\" aria-label=\"Tables, examples and cone search\">\n"
            + browser() + examples() + parts.coneSearch()
            + "</aside>\n"
            + "<section class=\"results\" aria-labelledby=\"result-heading\">\n"
            + "<h2 id=\"result-heading\">Result</h2>\n"
            + "<p id=\"run-status\" role=\"status\">No query has run yet.</p>\n"
            + "<div id=\"result\" class=\"result\"></div>\n"
            + "</section>\n</div>\n</main>\n" + PageLayout.end();
    }

    /** Tables of the user's own to query as TAP_UPLOAD.name ({@code uploads.js}); no form names, as JobControls. */
    private static String uploads() {
        return "<details id=\"uploads\" class=\"uploads\" hidden>\n"
            + "<summary>Your tables <span class=\"hint\">(TAP_UPLOAD)</span></summary>\n"
            + "<p class=\"hint\" id=\"upload-hint\">A VOTable, CSV or FITS file from your computer, queried as"
            + " <code>TAP_UPLOAD.<var>name</var></code>: sent with each check and run of a query that names it,"
            + " kept nowhere.</p>\n"
            + "<div class=\"upload-controls\"><div><label for=\"upload-name\">Name</label>"
            + "<input id=\"upload-name\" type=\"text\" maxlength=\"63\" autocomplete=\"off\" spellcheck=\"false\""
            + " aria-describedby=\"upload-hint\"></div>\n"
            + "<div><label for=\"upload-file\">File</label><input id=\"upload-file\" type=\"file\""
            + " accept=\".xml,.vot,.votable,.csv,.fits,.fit,.gz,text/xml,application/x-votable+xml,text/csv\"></div>\n"
            + "<button type=\"button\" id=\"upload-add\" class=\"secondary\">Add table</button></div>\n"
            + "<p id=\"upload-status\" class=\"check\" role=\"status\"></p>\n"
            + "<ul id=\"upload-list\" class=\"upload-list\"></ul>\n"
            + "</details>\n";
    }

    /** The caller's schemas, tables and columns as a tree ({@code table-browser.js}), from VOSI tables. */
    private static String browser() {
        return "<section id=\"browser\" class=\"panel\" aria-labelledby=\"browser-heading\" hidden>\n"
            + "<h2 id=\"browser-heading\">Tables</h2>\n"
            + "<label for=\"table-filter\">Filter</label>"
            + "<input id=\"table-filter\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\""
            + " aria-describedby=\"browser-hint\" aria-controls=\"table-tree\">\n"
            + "<p id=\"browser-hint\" class=\"hint\">Names, descriptions and UCDs. Click a name, or press"
            + " <kbd>Enter</kbd> on it, to insert it into the query; arrow keys move and open.</p>\n"
            + "<p id=\"browser-status\" class=\"check\" role=\"status\">Loading the tables\u2026</p>\n"
            + "<div id=\"table-tree\" class=\"tree\" role=\"tree\" aria-labelledby=\"browser-heading\"></div>\n"
            + "</section>\n";
    }

    /** The service's DALI examples ({@code examples.js}). */
    private static String examples() {
        return "<section id=\"examples\" class=\"panel\" aria-labelledby=\"examples-heading\" hidden>\n"
            + "<h2 id=\"examples-heading\">Examples</h2>\n"
            + "<p id=\"examples-status\" class=\"check\" role=\"status\">Loading the examples\u2026</p>\n"
            + "<ul id=\"example-list\" class=\"example-list\"></ul>\n"
            + "</section>\n";
    }
}
