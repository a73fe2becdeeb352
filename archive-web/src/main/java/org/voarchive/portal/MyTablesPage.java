package org.voarchive.portal;

import java.util.List;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;

/**
 * The "My tables" page: the shell that the bundled script ({@code my-tables.js}) fills from the archive's public
 * interfaces: the caller's tables and storage from {@code /account/storage}, their groups from
 * {@code /account/me}, a table's columns from VOSI ({@code /tap/tables/{name}}); it creates, describes and drops
 * tables there, shares them through {@code /tap/permissions}, and loads files through {@code /tap/load} (or, above
 * the request limit, a job of {@code /tap/load-jobs}). The endpoints are {@code data-} attributes of {@code main},
 * as paths below the application's root. {@code ?table=NAME} shows one table.
 */
final class MyTablesPage {

    private MyTablesPage() {
    }

    /**
     * @param root     the application's root path, ending in '/'
     * @param tapUrl   the TAP service's absolute URL, for the snippets of the empty list
     * @param siteName the archive's name (configuration: escaped)
     * @param caller   the signed-in caller's name
     * @param loadMax  the most bytes one load request takes (archive.usertables.load.max-bytes): larger files go
     *                 as a load job
     */
    static String render(String root, String tapUrl, String siteName, String caller, long loadMax) {
        String r = Html.escape(root);
        String tap = Html.escape(tapUrl);
        String self = r + PageLayout.MY_TABLES_PAGE;
        return PageLayout.start(root, "My tables", siteName, caller, "", List.of("my-tables.css"), List.of("my-tables.js"))
            + "<main id=\"my-tables-page\" data-storage=\"" + r + "account/storage\" data-me=\"" + r + "account/me\""
            + " data-tables=\"" + r + "tap/tables\" data-load=\"" + r + "tap/load\" data-load-jobs=\"" + r + "tap/load-jobs\""
            + " data-permissions=\"" + r + "tap/permissions\" data-query=\"" + r + PageLayout.QUERY_PAGE + "\""
            + " data-self=\"" + self + "\" data-load-max=\"" + loadMax + "\">\n"
            + "<h1>My tables</h1>\n"
            + "<p class=\"lead\">Tables of your own, <strong>" + Html.escape(caller) + "</strong>, in your schema <code"
            + " class=\"user-schema\"></code>: query them with ADQL as the archive's tables, join them with its"
            + " catalogues, share them with your groups or with everyone. They stay until you drop them and count, with"
            + " your jobs' results, in your storage quota.</p>\n"
            + "<noscript><p>This page needs JavaScript. Your TAP client can do all of it: the tables are at <code>" + tap
            + "/tables</code> (VOSI), loads at <code>" + tap + "/load</code>.</p></noscript>\n"
            // everything the page does and every refusal, in words, said once (polite: it follows what was asked)
            + "<p id=\"tables-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
            + "<section id=\"storage\" aria-labelledby=\"storage-heading\">\n"
            + "<h2 id=\"storage-heading\">Storage</h2>\n"
            + "<div class=\"storage-bar\" aria-hidden=\"true\"><span id=\"storage-jobs\"></span><span id=\"storage-tables\">"
            + "</span></div>\n"
            + "<p class=\"legend\" aria-hidden=\"true\"><span><span class=\"swatch jobs\"></span>jobs</span>"
            + "<span><span class=\"swatch tables\"></span>tables</span></p>\n"
            + "<p id=\"storage-text\"></p>\n</section>\n"
            + list(tap) + newTable() + view(self)
            + "</main>\n" + PageLayout.end();
    }

    private static String list(String tap) {
        return "<section id=\"table-list\" aria-labelledby=\"list-heading\">\n"
            + "<h2 id=\"list-heading\">Your tables</h2>\n"
            + "<div id=\"tables-scroll\" class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"list-heading\""
            + " hidden>\n<table id=\"tables-table\">\n<thead><tr><th scope=\"col\">Table</th><th scope=\"col\">Rows</th>"
            + "<th scope=\"col\">Size</th><th scope=\"col\">Created</th><th scope=\"col\">Shared with</th>"
            + "<th scope=\"col\">Indexed</th><th scope=\"col\">Actions</th></tr></thead>\n<tbody id=\"tables-body\"></tbody>\n"
            + "</table>\n</div>\n"
            + "<div id=\"no-tables\" hidden>\n"
            + "<p>You have no tables yet. Make one below from a VOTable, CSV or TSV file, keep a job's result as one (the"
            + " Jobs page's <em>Keep as table</em>), or send one from your TAP client: the archive takes the VOSI and"
            + " CADC youcat requests that pyvo (1.4 and later) makes.</p>\n"
            + "<pre class=\"snippet\">import pyvo\nfrom pyvo.utils import activate_features\n"
            + "activate_features('cadc-tb-upload')\n"
            + "tap = pyvo.dal.TAPService('" + tap + "', session=session)  # a session with your token\n"
            + "with open('targets.vot', 'rb') as f:\n"
            + "    tap.create_table('targets', f, format='VOTable')\n"
            + "tap.create_index('targets', 'ra')\n"
            + "tap.run_sync('SELECT * FROM <span class=\"user-schema\"></span>.targets')</pre>\n"
            + "<p>or with curl (a personal token from your account page):</p>\n"
            + "<pre class=\"snippet\">curl -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/x-votable+xml' \\\n"
            + "     -T targets.vot " + tap + "/tables/targets\n"
            + "curl -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: text/csv' \\\n"
            + "     --data-binary @more.csv " + tap + "/load/targets</pre>\n"
            + "</div>\n</section>\n";
    }

    private static String newTable() {
        return "<section id=\"new-table\" aria-labelledby=\"new-heading\">\n"
            + "<h2 id=\"new-heading\">New table from a file</h2>\n"
            + "<form id=\"new-table-form\" class=\"fields\" novalidate>\n"
            + "<label for=\"new-file\">File: VOTable, CSV or TSV</label>"
            + "<input id=\"new-file\" type=\"file\" accept=\".vot,.votable,.xml,.csv,.tsv,.tab\""
            + " aria-describedby=\"new-file-hint new-file-error\">\n"
            + "<p id=\"new-file-hint\" class=\"note\">A VOTable's fields are the columns and its rows are loaded; a CSV"
            + " or TSV file's first line names the columns, and their types are proposed from its first rows for you to"
            + " check.</p>\n"
            + "<p id=\"new-file-error\" class=\"field-error\" hidden></p>\n"
            + "<label for=\"new-name\">Table name</label>"
            + "<input id=\"new-name\" type=\"text\" maxlength=\"63\" autocapitalize=\"none\" spellcheck=\"false\""
            + " aria-describedby=\"new-name-hint new-name-error\">\n"
            + "<p id=\"new-name-hint\" class=\"note\">Lower-case letters, digits and _, starting with a letter; queried as"
            + " <code><span class=\"user-schema\"></span>.name</code>.</p>\n"
            + "<p id=\"new-name-error\" class=\"field-error\" hidden></p>\n"
            + "<label for=\"new-description\">Description (optional)</label>"
            + "<input id=\"new-description\" type=\"text\" maxlength=\"4000\">\n"
            + "<div id=\"new-columns\" hidden>\n"
            + "<h3 id=\"new-columns-heading\">Columns</h3>\n"
            + "<p id=\"new-columns-note\" class=\"note\"></p>\n"
            + "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"new-columns-heading\">\n"
            + "<table id=\"new-columns-table\">\n<thead><tr><th scope=\"col\">In the file</th><th scope=\"col\">Name</th>"
            + "<th scope=\"col\">Type</th><th scope=\"col\">Unit</th><th scope=\"col\">UCD</th></tr></thead>\n"
            + "<tbody id=\"new-columns-body\"></tbody>\n</table>\n</div>\n</div>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"create-table\">Create table</button></div>\n"
            + nearStatus("new-status")
            + "</form>\n</section>\n";
    }

    /** Where a form's news shows beside it; the page's live status line says it to screen readers. */
    private static String nearStatus(String id) {
        return "<p id=\"" + id + "\" class=\"status near-status\" aria-hidden=\"true\"></p>\n";
    }

    private static String view(String self) {
        return "<section id=\"table-view\" aria-labelledby=\"view-heading\" hidden>\n"
            + "<p class=\"breadcrumbs\"><a href=\"" + self + "\">All my tables</a></p>\n"
            + "<h2 id=\"view-heading\">Table</h2>\n"
            + "<div id=\"table-parts\">\n"
            + "<dl id=\"table-facts\" class=\"facts\"></dl>\n"
            + "<div class=\"actions\"><a id=\"query-table\" class=\"button secondary\" href=\"#\">Query</a>"
            + "<button type=\"button\" id=\"drop-table\" class=\"danger\">Drop table</button></div>\n"
            + "<form id=\"describe-form\" class=\"fields\" aria-labelledby=\"describe-heading\">\n"
            + "<h3 id=\"describe-heading\">Description</h3>\n"
            + "<label for=\"table-description\">The table's description</label>"
            + "<textarea id=\"table-description\" maxlength=\"4000\" rows=\"3\"></textarea>\n"
            + "<div id=\"columns-scroll\" class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Columns\">\n"
            + "<table id=\"columns-table\">\n<thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Type</th>"
            + "<th scope=\"col\">Unit</th><th scope=\"col\">UCD</th><th scope=\"col\">Description</th>"
            + "<th scope=\"col\">Indexed</th></tr></thead>\n<tbody id=\"columns-body\"></tbody>\n</table>\n</div>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"save-description\">Save description</button></div>\n"
            + nearStatus("describe-status")
            + "</form>\n"
            + "<form id=\"share-form\" class=\"fields\" aria-labelledby=\"share-heading\">\n"
            + "<h3 id=\"share-heading\">Sharing</h3>\n"
            + "<fieldset>\n<legend>Who may read this table besides you</legend>\n"
            + "<ul class=\"choices\"><li><input type=\"checkbox\" id=\"share-public\"> <label for=\"share-public\">Everyone"
            + " (public, also without an account)</label></li></ul>\n"
            + "<ul id=\"share-groups\" class=\"choices\" aria-label=\"Your groups\"></ul>\n"
            + "<p id=\"no-groups\" class=\"note\" hidden>You are in no group: you can share with everyone, or ask an"
            + " administrator for a group.</p>\n</fieldset>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"save-sharing\">Save sharing</button></div>\n"
            + nearStatus("share-status")
            + "</form>\n"
            + "<form id=\"load-form\" class=\"fields\" aria-labelledby=\"load-heading\" novalidate>\n"
            + "<h3 id=\"load-heading\">Load rows</h3>\n"
            + "<label for=\"load-file\">File: VOTable, FITS, CSV or TSV</label>"
            + "<input id=\"load-file\" type=\"file\" accept=\".vot,.votable,.xml,.fits,.fit,.fts,.csv,.tsv,.tab\""
            + " aria-describedby=\"load-file-hint load-file-error\">\n"
            + "<p id=\"load-file-hint\" class=\"note\">The rows are appended, all or none: a bad value changes nothing"
            + " and is named (line and column). CSV and TSV files start with a line naming the columns.</p>\n"
            + "<p id=\"load-file-error\" class=\"field-error\" hidden></p>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"load-button\">Load</button></div>\n"
            + nearStatus("load-status")
            + "</form>\n</div>\n</section>\n";
    }
}
