package org.voarchive.portal;

import java.util.List;
import org.voarchive.datalink.MetadataLinks;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;
import org.voarchive.site.PagePolicy;

/**
 * The Jobs page: the shell that the bundled script ({@code jobs.js}) fills from UWS at {@code /tap/async}. It
 * lists the caller's jobs (a signed-in caller's from the UWS job list, which holds their own jobs only; an
 * anonymous caller's by the ids this browser keeps, as UWS lists no anonymous jobs) a page at a time, newest
 * first, with their phases kept live; {@code ?job=ID} shows one job: its query, phase and error, and its result:
 * the kept table a page at a time from {@code portal/results} (sortable, with datalinks and previews), a plot of
 * its columns, downloads in every format of the TAP service, "Open in TOPCAT" (SAMP), and where its data came
 * from with how to cite them. The endpoints are {@code data-} attributes of {@code main}, as paths below the
 * application's root; the page's policy lets it call a SAMP hub ({@link PagePolicy#SAMP_HUB}), also named there.
 */
final class JobsPage {

    /** Jobs a page of the list. */
    static final int PAGE_SIZE = 50;

    private JobsPage() {
    }

    /**
     * @param root             the application's root path, ending in '/'
     * @param siteName         the archive's name (configuration: escaped)
     * @param caller           the signed-in caller's name, or null
     * @param maxListed        the most jobs a UWS job list gives (archive.uws.joblist.max)
     * @param anonymousRefused whether only signed-in callers may run jobs
     */
    static String render(String root, String siteName, String caller, int maxListed, boolean anonymousRefused) {
        String r = Html.escape(root);
        String async = r + "tap/async";
        String intro = caller != null
            ? "Your jobs on this archive's TAP service (<code>" + async + "</code>), newest first, as <strong>"
                + Html.escape(caller) + "</strong>."
            : "The jobs this browser ran on this archive's TAP service (<code>" + async + "</code>), newest first."
                + " Anonymous jobs are known only to the browser that made them: this page keeps their ids in this"
                + " browser's storage, so another browser or browser profile does not list them (anyone you give a"
                + " job's address can open it)." + (anonymousRefused ? " This archive runs jobs for signed-in users"
                + " only." : " Sign in to keep your jobs with your account.");
        return PageLayout.start(root, "Jobs", siteName, caller, "", List.of("jobs.css"), List.of("jobs.js"))
            + "<main id=\"jobs-page\" data-tap-async=\"" + async + "\" data-query=\"" + r + "query\""
            + " data-my-tables=\"" + r + PageLayout.MY_TABLES_PAGE + "\""
            + " data-jobs=\"" + r + PageLayout.JOBS_PAGE + "\" data-caller=\"" + Html.escape(caller == null ? "" : caller)
            + "\" data-page-size=\"" + PAGE_SIZE + "\" data-max-listed=\"" + maxListed + "\""
            + " data-results=\"" + r + ResultsResource.PATH + "\" data-capabilities=\"" + r + "tap/capabilities\""
            + " data-datalink-links=\"" + r + "datalink/links\" data-datalink-view=\"" + r + "datalink/view\""
            + " data-landing=\"" + r + MetadataLinks.LANDING_PATH.substring(1) + "\" data-samp-hub=\"" + PagePolicy.SAMP_HUB
            + "/\" data-site-name=\"" + Html.escape(siteName) + "\">\n"
            + "<h1>Jobs</h1>\n"
            + "<p class=\"lead\">" + intro + " Run a query as a job from the <a href=\"" + r + "query\">query page</a>.</p>\n"
            + "<noscript><p>This page needs JavaScript. The job list is also at <a href=\"" + async + "\">" + async
            + "</a> (UWS XML).</p></noscript>\n"
            + "<p id=\"jobs-status\" role=\"status\"></p>\n"
            // phase changes, said once each, politely: the tables' cells change silently
            + "<p id=\"phase-news\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n"
            + "<section id=\"job-list\" aria-labelledby=\"list-heading\" hidden>\n"
            + "<h2 id=\"list-heading\">Job list</h2>\n"
            + "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"list-heading\">\n"
            + "<table id=\"jobs-table\">\n<thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Phase</th>"
            + "<th scope=\"col\">Queue</th><th scope=\"col\">Created</th><th scope=\"col\">Started</th>"
            + "<th scope=\"col\">Ended</th><th scope=\"col\">Duration</th><th scope=\"col\">Rows</th>"
            + "<th scope=\"col\">Actions</th></tr></thead>\n<tbody></tbody>\n</table>\n</div>\n"
            + "<nav class=\"pager actions\" aria-label=\"Pages of the job list\">"
            + "<a id=\"newer\" class=\"button secondary\" href=\"" + r + PageLayout.JOBS_PAGE + "\" hidden>Newer jobs</a>"
            + " <span id=\"page-info\"></span> "
            + "<a id=\"older\" class=\"button secondary\" href=\"" + r + PageLayout.JOBS_PAGE + "\" hidden>Older jobs</a></nav>\n"
            + "</section>\n"
            + "<section id=\"job-view\" aria-labelledby=\"job-heading\" hidden>\n"
            + "<p class=\"breadcrumbs\"><a href=\"" + r + PageLayout.JOBS_PAGE + "\">All jobs</a></p>\n"
            + "<h2 id=\"job-heading\">Job</h2>\n"
            + "<dl id=\"job-facts\" class=\"facts\"></dl>\n"
            + "<p id=\"job-error\" class=\"job-error\" hidden></p>\n"
            + "<div id=\"job-actions\" class=\"actions\"></div>\n"
            + "<h3 id=\"query-heading\">Query</h3>\n"
            + "<pre id=\"job-query\" class=\"snippet\"></pre>\n"
            + "<section id=\"job-result\" aria-labelledby=\"result-heading\">\n"
            + "<h3 id=\"result-heading\">Result</h3>\n"
            + "<p id=\"result-status\" role=\"status\"></p>\n"
            // the kept result's pages: the pager, a line about the column a header's button has the focus of
            // (or the pointer over), and the table
            + "<nav id=\"result-pager\" class=\"pager actions\" aria-label=\"Pages of the result\" hidden></nav>\n"
            + "<p id=\"column-about\" class=\"note column-about\" aria-live=\"off\" hidden></p>\n"
            + "<div id=\"result\" class=\"result\"></div>\n"
            + "<section id=\"result-plot\" class=\"result-part\" aria-labelledby=\"plot-heading\" hidden></section>\n"
            + "<section id=\"result-downloads\" class=\"result-part\" aria-labelledby=\"downloads-heading\" hidden>\n"
            + "<h4 id=\"downloads-heading\">Download</h4>\n"
            + "<ul id=\"result-links\" class=\"downloads\"></ul>\n"
            + "<p id=\"downloads-note\" class=\"note\"></p>\n</section>\n"
            + "<section id=\"result-topcat\" class=\"result-part\" aria-labelledby=\"topcat-heading\" hidden>\n"
            + "<h4 id=\"topcat-heading\">Open in TOPCAT</h4>\n</section>\n"
            + "<section id=\"result-origin\" class=\"result-part\" aria-labelledby=\"origin-heading\" hidden>\n"
            + "<h4 id=\"origin-heading\">Data origin and how to cite</h4>\n</section>\n"
            + "</section>\n</section>\n</main>\n" + PageLayout.end();
    }
}
