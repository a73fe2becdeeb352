package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;

/**
 * What the portal's Jobs page relies on, over HTTP: the page and its script under the pages' policy (with a SAMP
 * hub on the reader's machine as the one other address it may call), the query
 * page's Run as job controls, and what a TAP job's document says beyond UWS in its jobInfo (the queue it runs
 * in, and, once it completed, its result's rows and whether MAXREC cut them), still valid UWS. The browser test
 * (archive-it/src/test/browser/jobs_page.py) drives the pages themselves.
 */
@Tag("smoke")
class JobsPageIT {

    private static final Uws ANONYMOUS = Uws.anonymous();

    private static String queue(String doc) {
        return element(doc, "archive:queue");
    }

    private static String progress(String doc) {
        return element(doc, "archive:progress");
    }

    private static String element(String doc, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(doc);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theJobsPageIsAShellForItsOwnScript() throws Exception {
        HttpResponse<String> page = Archive.request("GET", "/jobs", null, null, null, null);
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe") && !csp.contains("nonce"), csp);
        assertTrue(csp.contains("; connect-src 'self' http://localhost:21012;"),
            "the archive and a SAMP hub on the reader's machine (Open in TOPCAT), nothing else: " + csp);
        String queryPolicy = Archive.request("GET", "/query", null, null, null, null).headers()
            .firstValue("Content-Security-Policy").orElse("");
        assertTrue(queryPolicy.contains("; connect-src 'self';"), "no other page may call the hub: " + queryPolicy);
        String html = page.body();
        assertTrue(html.contains("<main id=\"jobs-page\" data-tap-async=\"/tap/async\""), html);
        assertTrue(html.contains(" data-results=\"/portal/results\" data-capabilities=\"/tap/capabilities\""), html);
        assertTrue(html.contains(" data-samp-hub=\"http://localhost:21012/\""), html);
        assertTrue(html.contains("data-caller=\"\""), "anonymous: the page keeps the browser's job ids itself");
        assertTrue(html.contains("<script defer src=\"/portal/assets/jobs.js\"></script>"), html);
        assertFalse(html.contains("<script>"), "no inline script");
        HttpResponse<String> script = Archive.request("GET", "/portal/assets/jobs.js", null, null, null, null);
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("voarchive.anonymous-jobs"), "the bundle keeps the anonymous jobs' ids");
        assertTrue(script.body().contains("samp.webhub."), "and speaks SAMP's Web Profile");
        assertTrue(Archive.request("GET", "/portal/assets/licenses.txt", null, null, null, null).body()
            .contains("uplot 1.6.32 (MIT)"), "the plots' uPlot is bundled with its licence");
        assertTrue(Archive.request("GET", "/portal/assets/jobs.css", null, null, null, null).headers()
            .firstValue("Content-Type").orElse("").startsWith("text/css"));
        String query = Archive.request("GET", "/query", null, null, null, null).body();
        assertTrue(query.contains("<div id=\"job-controls\" class=\"actions job-controls\" data-tap-async=\"/tap/async\""
            + " data-jobs=\"/jobs\" hidden>"), query);
        assertTrue(query.contains("<button type=\"button\" id=\"run-job\">Run as job</button>"), query);
        assertTrue(html.contains("<a href=\"/jobs\">Jobs</a>"), "the site header links the page");
    }

    @Test
    void aCompletedJobSaysItsQueueAndRowsInJobInfo() throws Exception {
        String job = ANONYMOUS.submit("SELECT TOP 3 hr, name FROM demo.bsc5 ORDER BY hr", "RESPONSEFORMAT", "votable/td");
        String cut = ANONYMOUS.submit("SELECT hr FROM demo.bsc5 ORDER BY hr", "MAXREC", "2");
        try {
            String doc = ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60));
            assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
            assertEquals(List.of(), SchemaValidator.problems(doc.getBytes(StandardCharsets.UTF_8),
                "http://www.ivoa.net/xml/UWS/v1.0", "job"), doc);
            assertEquals("3 rows", progress(doc), doc);
            assertTrue(queue(doc) != null && !queue(doc).isEmpty(), "the queue it ran in: " + doc);
            assertTrue(doc.contains("mime-type=\"application/x-votable+xml;serialization=TABLEDATA\""), doc);
            String overflow = ANONYMOUS.awaitEnd(cut, Duration.ofSeconds(60));
            assertEquals("2 rows (MAXREC reached: the query has more)", progress(overflow), overflow);
        } finally {
            ANONYMOUS.delete(job);
            ANONYMOUS.delete(cut);
        }
    }

    @Test
    void aJobAskingForAQueueRunsThere() throws Exception {
        String queues = System.getenv().getOrDefault("ARCHIVE_UWS_QUEUES", "short,long");
        String last = queues.substring(queues.lastIndexOf(',') + 1).trim();
        String job = ANONYMOUS.create("LANG", "ADQL", "QUERY", "SELECT TOP 1 hr FROM demo.bsc5", "QUEUE", last);
        try {
            String doc = ANONYMOUS.get(job).body();
            assertEquals(last, queue(doc), doc);
            assertEquals(null, progress(doc), "no progress before the job ran: " + doc);
        } finally {
            ANONYMOUS.delete(job);
        }
    }
}
