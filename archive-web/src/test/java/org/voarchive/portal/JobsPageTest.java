package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.site.PageChecks;
import org.voarchive.site.PagePolicy;
import org.voarchive.uws.JobQueueSettings;

class JobsPageTest {

    private static final List<JobQueueSettings> QUEUES = List.of(
        new JobQueueSettings("short", 8, 600, Duration.ofDays(7)),
        new JobQueueSettings("long", 4, 28800, Duration.ofDays(30)));

    @Test
    void isAShellWithTheScriptsEndpointsAndLabelledParts() {
        String html = JobsPage.render("/", "Demo Archive", null, 1000, false);
        PageChecks.assertContains(html,
            "<main id=\"jobs-page\" data-tap-async=\"/tap/async\" data-query=\"/query\""
                + " data-my-tables=\"/tables/mine\" data-jobs=\"/jobs\""
                + " data-caller=\"\" data-page-size=\"50\" data-max-listed=\"1000\" data-results=\"/portal/results\""
                + " data-capabilities=\"/tap/capabilities\" data-datalink-links=\"/datalink/links\""
                + " data-datalink-view=\"/datalink/view\" data-landing=\"/landing/\""
                + " data-samp-hub=\"http://localhost:21012/\" data-site-name=\"Demo Archive\">",
            "<script defer src=\"/portal/assets/jobs.js\"></script>", "href=\"/portal/assets/jobs.css\"",
            "<title>Jobs \u2013 Demo Archive</title>",
            "<p id=\"jobs-status\" role=\"status\"></p>",
            "<p id=\"phase-news\" class=\"visually-hidden\" aria-live=\"polite\"></p>",
            "<th scope=\"col\">Phase</th>", "<th scope=\"col\">Rows</th>", "<th scope=\"col\">Actions</th>",
            "aria-label=\"Pages of the job list\"", "<section id=\"job-view\" aria-labelledby=\"job-heading\" hidden>",
            "<noscript><p>This page needs JavaScript. The job list is also at <a href=\"/tap/async\">",
            "<nav id=\"result-pager\" class=\"pager actions\" aria-label=\"Pages of the result\" hidden></nav>",
            "<section id=\"result-plot\" class=\"result-part\" aria-labelledby=\"plot-heading\" hidden>",
            "<h4 id=\"downloads-heading\">Download</h4>", "<h4 id=\"topcat-heading\">Open in TOPCAT</h4>",
            "<h4 id=\"origin-heading\">Data origin and how to cite</h4>");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void anonymousCallersAreToldTheirJobsLiveInThisBrowserOnly() {
        String anonymous = JobsPage.render("/", "A", null, 1000, false);
        assertTrue(anonymous.contains("Anonymous jobs are known only to the browser that made them"), anonymous);
        assertTrue(anonymous.contains("Sign in to keep your jobs"), anonymous);
        assertTrue(JobsPage.render("/", "A", null, 1000, true).contains("runs jobs for signed-in users only"));
        String alice = JobsPage.render("/", "A", "alice <&>", 1000, false);
        assertTrue(alice.contains("data-caller=\"alice &lt;&amp;&gt;\""), alice);
        assertTrue(alice.contains("as <strong>alice &lt;&amp;&gt;</strong>"), alice);
        assertFalse(alice.contains("known only to the browser"), alice);
    }

    @Test
    void pathsFollowTheApplicationsRootAndTheSiteNameIsEscaped() {
        String html = JobsPage.render("/archive/", "<script>alert(1)</script>", null, 10, false);
        PageChecks.assertContains(html, "data-tap-async=\"/archive/tap/async\"", "data-jobs=\"/archive/jobs\"",
            "data-results=\"/archive/portal/results\"", "data-landing=\"/archive/landing/\"",
            "data-site-name=\"&lt;script&gt;alert(1)&lt;/script&gt;\"",
            "src=\"/archive/portal/assets/jobs.js\"", "&lt;script&gt;alert(1)&lt;/script&gt;");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void theQueryPageOffersRunAsJobWithTheQueuesHiddenUntilItsScriptRuns() {
        String controls = JobControls.html("/", QUEUES);
        String html = QueryPage.render("/", "Demo", null, new PagePolicy("n0nce"),
            new QueryPage.Parts(controls, "", 1000));
        PageChecks.assertContains(html,
            "<div id=\"job-controls\" class=\"actions job-controls\" data-tap-async=\"/tap/async\" data-jobs=\"/jobs\" hidden>",
            "<label for=\"job-name\">Job name</label><input id=\"job-name\" type=\"text\" maxlength=\"200\"",
            "<label for=\"job-queue\">Queue</label><select id=\"job-queue\">",
            "<option value=\"short\">short: runs up to 10 min, kept 7 days</option>",
            "<option value=\"long\">long: runs up to 8 h, kept 30 days</option>",
            "<button type=\"button\" id=\"run-job\">Run as job</button>", "<a href=\"/jobs\">your jobs</a>");
        assertTrue(html.indexOf("id=\"run\"") < html.indexOf("id=\"run-job\""), "Run comes first, as Tab reaches it");
        assertFalse(controls.contains(" name="), "the plain form never sends the job's controls to /tap/sync");
        assertFalse(JobControls.html("/", QUEUES.subList(0, 1)).contains("<select"), "one queue: nothing to choose");
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void queueLimitsReadAsPeopleSayThem() {
        assertEquals("10 min", JobControls.duration(Duration.ofSeconds(600)));
        assertEquals("8 h", JobControls.duration(Duration.ofHours(8)));
        assertEquals("1 day", JobControls.duration(Duration.ofDays(1)));
        assertEquals("1 h 30 min", JobControls.duration(Duration.ofMinutes(90)));
        assertEquals("45 s", JobControls.duration(Duration.ofSeconds(45)));
    }
}
