package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job list of a user with a thousand jobs, as the portal's Jobs page pages it: newest first, LAST for a
 * page, AFTER for what came since, PHASE for the jobs still running. Listing stays fast: the list reads only
 * what a jobref shows, whatever parameters, results and phase history the jobs have. The figures are printed;
 * the bound (300 ms for a thousand jobs) is the portal's requirement, measured as the median of ten requests.
 */
class JobListIT {

    private static final String USER = "it-joblist";
    private static final String PASSWORD = "it-joblist-secret";
    private static final int JOBS = 1000;
    private static final Pattern JOBREF = Pattern.compile("<uws:jobref id=\"([^\"]+)\"");
    private static final Pattern CREATED = Pattern.compile("<uws:creationTime>([^<]+)</uws:creationTime>");

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(USER, PASSWORD);

    private static final Uws OWNER = Uws.as(USER, PASSWORD);
    private static final List<String> CREATED_JOBS = new ArrayList<>();

    /** A thousand quick jobs (each a few rows with several parameters), run to their end. */
    @BeforeAll
    static void thousandJobs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                int n = i;
                submitted.add(pool.submit(() -> OWNER.submit("SELECT hr, name FROM demo.bsc5 WHERE hr = " + (n % 9000 + 1),
                    "RUNID", "list-" + n, "RESPONSEFORMAT", "votable/td", "MAXREC", "10")));
            }
            for (Future<String> f : submitted) {
                CREATED_JOBS.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!ids(OWNER.get(Uws.list() + "?PHASE=QUEUED&PHASE=EXECUTING").body()).isEmpty()) {
            assertTrue(System.nanoTime() < until, "the thousand jobs end within five minutes");
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void deleteJobs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> deleted = new ArrayList<>();
            for (String job : CREATED_JOBS) {
                deleted.add(pool.submit(() -> OWNER.delete(job)));
            }
            for (Future<HttpResponse<String>> f : deleted) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every match's first group, in order. */
    private static List<String> all(Pattern pattern, String list) {
        return pattern.matcher(list).results().map(m -> m.group(1)).toList();
    }

    private static List<String> ids(String list) {
        return all(JOBREF, list);
    }

    private static List<String> created(String list) {
        return all(CREATED, list);
    }

    @Test
    void pagesOfTheListAreTheFullListsParts() throws Exception {
        String full = OWNER.get(Uws.list()).body();
        List<String> all = ids(full);
        assertEquals(JOBS, all.size(), "the whole list (archive.uws.joblist.max is 1000 by default)");
        List<String> times = created(full);
        List<String> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, times, "newest first");
        assertEquals(all.subList(0, 50), ids(OWNER.get(Uws.list() + "?LAST=50").body()), "LAST=50 is the first page");
        assertEquals(all.subList(0, 100), ids(OWNER.get(Uws.list() + "?LAST=100").body()), "LAST=100: two pages");
        // AFTER: what came since an instant, newest first (a jobref's creationTime is to the second, AFTER exact)
        String since = times.get(49);
        List<String> newer = ids(OWNER.get(Uws.list() + "?AFTER=" + since).body());
        assertEquals(all.subList(0, newer.size()), newer, "AFTER gives the newest jobs");
        long later = times.stream().filter(t -> t.compareTo(since) > 0).count();
        long same = times.stream().filter(t -> t.equals(since)).count();
        assertTrue(newer.size() >= later && newer.size() <= later + same,
            "AFTER=" + since + ": " + newer.size() + " jobs, " + later + " made in later seconds, " + same + " in that one");
        assertEquals(List.of(), ids(OWNER.get(Uws.list() + "?PHASE=EXECUTING&PHASE=QUEUED").body()));
        assertTrue(full.contains("<uws:runId>list-"), "each jobref has its run id");
    }

    @Test
    void thousandJobsAreListedFast() throws Exception {
        long page = medianMillis(Uws.list() + "?LAST=50");
        long whole = medianMillis(Uws.list());
        System.out.printf("JobListIT: %d jobs of one user: LAST=50 in %d ms, the whole list in %d ms (medians of 10)%n",
            JOBS, page, whole);
        assertTrue(page < 300, "a page of 50 in " + page + " ms");
        assertTrue(whole < 300, "the list of " + JOBS + " jobs in " + whole + " ms");
    }

    private static long medianMillis(String url) throws Exception {
        OWNER.get(url); // warm
        long[] millis = new long[10];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> r = OWNER.get(url);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, r.statusCode(), r.body());
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
