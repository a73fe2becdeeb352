package org.voarchive.portal;

import java.time.Duration;
import java.util.List;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;
import org.voarchive.uws.JobQueueSettings;

/**
 * The query page's controls for running its query as an async TAP job ({@code run-job.js}): the job's name
 * (UWS RUNID), its queue when the service has more than one, and the Run as job button. They are rendered
 * hidden and shown by the script, so a page without scripts offers nothing that does nothing; they carry no
 * form names, so the page's plain form never sends them to {@code /tap/sync}.
 */
final class JobControls {

    /** The longest job name the field takes: a label, not a document. */
    static final int MAX_NAME = 200;

    private JobControls() {
    }

    /**
     * @param root   the application's root path, ending in '/'
     * @param queues the service's queues, the default first
     */
    static String html(String root, List<JobQueueSettings> queues) {
        String r = Html.escape(root);
        StringBuilder html = new StringBuilder(512)
            .append("<div id=\"job-controls\" class=\"actions job-controls\" data-tap-async=\"").append(r)
            .append("tap/async\" data-jobs=\"").append(r).append(PageLayout.JOBS_PAGE).append("\" hidden>\n")
            .append("<span class=\"field\"><label for=\"job-name\">Job name</label>")
            .append("<input id=\"job-name\" type=\"text\" maxlength=\"").append(MAX_NAME)
            .append("\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"job-hint\"></span>\n");
        if (queues.size() > 1) {
            html.append("<span class=\"field\"><label for=\"job-queue\">Queue</label><select id=\"job-queue\">");
            for (JobQueueSettings queue : queues) {
                html.append("<option value=\"").append(Html.escape(queue.name())).append("\">")
                    .append(Html.escape(describe(queue))).append("</option>");
            }
            html.append("</select></span>\n");
        }
        return html.append("<button type=\"button\" id=\"run-job\">Run as job</button>\n")
            .append("<span id=\"job-hint\" class=\"hint\">all rows, kept on the server; see them in ")
            .append("<a href=\"").append(r).append(PageLayout.JOBS_PAGE).append("\">your jobs</a></span>\n")
            .append("</div>\n").toString();
    }

    /** A queue as a person chooses one: how long its jobs may run and how long their results stay. */
    static String describe(JobQueueSettings queue) {
        return queue.name() + ": runs up to " + duration(Duration.ofSeconds(queue.maxExecutionSeconds()))
            + ", kept " + duration(queue.retention());
    }

    /** A duration in the largest whole unit it fills: 10 min, 8 h, 7 days; otherwise hours and minutes. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0) {
            return plural(s / 86400, "day");
        }
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0) {
            return s >= 3600 ? s / 3600 + " h " + s % 3600 / 60 + " min" : s / 60 + " min";
        }
        return s + " s";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
