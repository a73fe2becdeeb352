package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.conformance.SchemaValidator;
import uk.ac.starlink.table.StarTable;

/**
 * Async TAP through UWS 1.1 against the running archive: the resource tree
 * and its documents (validated against the UWS schema), WAIT, ABORT of a
 * running query (checked in PostgreSQL), the execution-duration limit,
 * destruction, ownership, and 100 concurrent submissions.
 */
class TapAsyncIT {

    private static final String TOP3 = "SELECT TOP 3 hr, name FROM demo.bsc5 ORDER BY hr";
    private static final String ALICE = "it-uws-alice";
    private static final String BOB = "it-uws-bob";
    private static final String PASSWORD = "it-uws-secret";
    private static final Uws ANONYMOUS = Uws.anonymous();

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ALICE, PASSWORD).add(BOB, PASSWORD);

    private static void assertValid(String doc, String root) throws Exception {
        assertEquals(List.of(), SchemaValidator.problems(doc.getBytes(StandardCharsets.UTF_8),
            "http://www.ivoa.net/xml/UWS/v1.0", root), doc);
    }

    @Test
    @Tag("smoke")
    void queryJobRunsToItsResult() throws Exception {
        String job = ANONYMOUS.submit(TOP3, "RUNID", "it-run", "RESPONSEFORMAT", "csv");
        String doc = ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60));
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        assertValid(doc, "job");
        assertEquals("it-run", Uws.element(doc, "runId"));
        assertTrue(doc.contains("<uws:ownerId xsi:nil=\"true\"/>"), doc);
        assertTrue(doc.contains("mime-type=\"text/csv;header=present\""), doc);
        HttpResponse<byte[]> result = ANONYMOUS.getBytes(job + "/results/result");
        assertEquals(200, result.statusCode());
        assertEquals("text/csv;header=present", result.headers().firstValue("Content-Type").orElse(""));
        StarTable table = Tap.table(result.body(), "csv");
        assertEquals(3, table.getRowCount());
        assertTrue(doc.contains("size=\"" + result.body().length + "\""), doc);
        String results = ANONYMOUS.get(job + "/results").body();
        assertValid(results, "results");
        assertValid(ANONYMOUS.get(job + "/parameters").body(), "parameters");
        assertEquals("COMPLETED", ANONYMOUS.phase(job));
        assertEquals("", ANONYMOUS.get(job + "/owner").body());
        HttpResponse<String> deleted = ANONYMOUS.delete(job);
        assertEquals(303, deleted.statusCode());
        assertEquals(Uws.list(), deleted.headers().firstValue("Location").orElse(""));
        assertEquals(404, ANONYMOUS.get(job).statusCode());
        assertEquals(404, ANONYMOUS.get(job + "/results/result").statusCode());
    }

    @Test
    void pendingJobTakesChangesAndRefusesThemOnceRunning() throws Exception {
        String job = ANONYMOUS.create("LANG", "ADQL", "QUERY", TOP3);
        assertEquals("PENDING", ANONYMOUS.phase(job));
        assertEquals(303, ANONYMOUS.post(job + "/parameters", "QUERY", "SELECT TOP 1 hr FROM demo.bsc5").statusCode());
        assertEquals(303, ANONYMOUS.post(job + "/executionduration", "EXECUTIONDURATION", "30").statusCode());
        assertEquals("30", ANONYMOUS.get(job + "/executionduration").body().trim());
        String soon = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertEquals(303, ANONYMOUS.post(job + "/destruction", "DESTRUCTION", soon).statusCode());
        assertEquals(soon, ANONYMOUS.get(job + "/destruction").body().trim());
        assertEquals(400, ANONYMOUS.post(job + "/destruction", "DESTRUCTION", "tomorrow").statusCode());
        assertEquals(400, ANONYMOUS.post(job + "/phase", "PHASE", "SUSPEND").statusCode());
        String doc = ANONYMOUS.get(job).body();
        assertValid(doc, "job");
        assertTrue(doc.contains("SELECT TOP 1 hr FROM demo.bsc5"), doc);
        assertEquals(303, ANONYMOUS.post(job + "/phase", "PHASE", "RUN").statusCode());
        assertEquals("COMPLETED", Uws.phaseOf(ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60))));
        assertEquals(403, ANONYMOUS.post(job + "/parameters", "QUERY", "SELECT 1").statusCode());
        assertEquals(403, ANONYMOUS.post(job + "/executionduration", "EXECUTIONDURATION", "5").statusCode());
        assertEquals(403, ANONYMOUS.post(job + "/phase", "PHASE", "RUN").statusCode());
        // one POST is applied whole or not at all: a refused PHASE=RUN leaves the DESTRUCTION beside it unapplied
        String later = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertEquals(403, ANONYMOUS.post(job, "DESTRUCTION", later, "PHASE", "RUN").statusCode());
        assertEquals(soon, ANONYMOUS.get(job + "/destruction").body().trim());
        assertEquals(403, ANONYMOUS.post(job, "DESTRUCTION", later, "QUERY", "SELECT 1").statusCode());
        assertEquals(soon, ANONYMOUS.get(job + "/destruction").body().trim());
        // its name is a label, not an input: RUNID alone changes in any phase (the portal renames finished jobs)
        assertEquals(403, ANONYMOUS.post(job, "RUNID", "with a query", "QUERY", "SELECT 1").statusCode());
        assertEquals(303, ANONYMOUS.post(job, "RUNID", "renamed when done").statusCode());
        assertTrue(ANONYMOUS.get(job).body().contains("<uws:runId>renamed when done</uws:runId>"));
        assertEquals(303, ANONYMOUS.post(job, "DESTRUCTION", later).statusCode());
        assertEquals(later, ANONYMOUS.get(job + "/destruction").body().trim());
        assertEquals(303, ANONYMOUS.post(job, "ACTION", "DELETE").statusCode());
        assertEquals(404, ANONYMOUS.get(job + "/phase").statusCode());
    }

    @Test
    void refusedQueryIsAJobInErrorWithItsReason() throws Exception {
        String job = ANONYMOUS.submit("SELECT nosuchcolumn FROM demo.bsc5");
        String doc = ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60));
        assertEquals("ERROR", Uws.phaseOf(doc), doc);
        assertValid(doc, "job");
        assertTrue(doc.contains("<uws:errorSummary type=\"fatal\" hasDetail=\"true\">"), doc);
        assertTrue(doc.contains("nosuchcolumn"), doc);
        HttpResponse<String> error = ANONYMOUS.get(job + "/error");
        assertEquals(200, error.statusCode());
        assertTrue(error.body().contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), error.body());
        assertTrue(error.body().contains("nosuchcolumn"), error.body());
        String noQuery = ANONYMOUS.create("LANG", "ADQL", "PHASE", "RUN");
        assertTrue(Uws.element(ANONYMOUS.awaitEnd(noQuery, Duration.ofSeconds(60)), "message").contains("QUERY is missing"));
        String badQueue = ANONYMOUS.create("LANG", "ADQL", "QUERY", TOP3, "QUEUE", "nosuchqueue");
        assertEquals("ERROR", ANONYMOUS.phase(badQueue));
    }

    @Test
    void waitAnswersWhenThePhaseChangesAndNotBefore() throws Exception {
        String job = ANONYMOUS.create("LANG", "ADQL", "QUERY", TOP3);
        long start = System.nanoTime();
        HttpResponse<String> timedOut = ANONYMOUS.get(job + "?WAIT=2");
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertEquals("PENDING", Uws.phaseOf(timedOut.body()));
        assertTrue(waited >= 1900 && waited < 6000, "WAIT=2 on a PENDING job took " + waited + " ms");
        // a waiter blocked on PENDING is answered as soon as the job is queued, long before its WAIT runs out
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<HttpResponse<String>> waiting = pool.submit(() -> ANONYMOUS.get(job + "?WAIT=30"));
        Thread.sleep(500);
        long run = System.nanoTime();
        ANONYMOUS.post(job + "/phase", "PHASE", "RUN");
        String doc = waiting.get().body();
        long answered = (System.nanoTime() - run) / 1_000_000;
        pool.shutdown();
        assertTrue(answered < 5000, "WAIT answered " + answered + " ms after the change");
        assertFalse("PENDING".equals(Uws.phaseOf(doc)), doc);
        // PHASE=EXECUTING: a job not in that phase is answered at once
        String finished = ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60));
        assertEquals("COMPLETED", Uws.phaseOf(finished));
        long immediate = System.nanoTime();
        ANONYMOUS.get(job + "?WAIT=30&PHASE=EXECUTING");
        assertTrue((System.nanoTime() - immediate) / 1_000_000 < 3000);
        assertEquals(400, ANONYMOUS.get(job + "?WAIT=soon").statusCode());
        ANONYMOUS.delete(job);
    }

    @Test
    void abortStopsTheRunningQueryInPostgresql() throws Exception {
        String job = ANONYMOUS.submit(Uws.endless("abort_me"));
        assertEquals("EXECUTING", Uws.phaseOf(ANONYMOUS.awaitPhase(job, "EXECUTING", Duration.ofSeconds(60))));
        awaitBackend("abort_me", true, Duration.ofSeconds(20));
        long abort = System.nanoTime();
        assertEquals(303, ANONYMOUS.post(job + "/phase", "PHASE", "ABORT").statusCode());
        assertEquals("ABORTED", ANONYMOUS.phase(job));
        awaitBackend("abort_me", false, Duration.ofSeconds(5));
        long stopped = (System.nanoTime() - abort) / 1_000_000;
        assertTrue(stopped < 1000, "the SQL ran on for " + stopped + " ms after ABORT");
        String doc = ANONYMOUS.get(job).body();
        assertValid(doc, "job");
        assertTrue(doc.contains("<uws:results/>"), doc);
        ANONYMOUS.delete(job);
    }

    /** ABORT at any moment of a job's start (queued, loading metadata, query on its way) leaves no query running. */
    @Test
    void abortAtAnyMomentLeavesNoQueryRunning() throws Exception {
        for (int i = 0; i < 10; i++) {
            String tag = "early_abort_" + i;
            String job = ANONYMOUS.submit(Uws.endless(tag));
            Thread.sleep(i * 50L);
            assertEquals(303, ANONYMOUS.post(job + "/phase", "PHASE", "ABORT").statusCode());
            assertEquals("ABORTED", ANONYMOUS.phase(job));
            Thread.sleep(300); // a query the abort missed would have started by now
            awaitBackend(tag, false, Duration.ofSeconds(3));
            ANONYMOUS.delete(job);
        }
    }

    /** Waits until the tagged endless query runs (or no longer runs), as the query role sees its own sessions. */
    static void awaitBackend(String tag, boolean running, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        try (Connection c = Archive.connect("QUERY"); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE ?"
                    + " AND pid <> pg_backend_pid()")) {
            s.setString(1, "%\"bsc5\" AS \"" + tag + "\"%");
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if ((rs.getInt(1) > 0) == running) {
                        return;
                    }
                }
                if (System.nanoTime() > until) {
                    throw new AssertionError("the query is " + (running ? "not" : "still") + " running in PostgreSQL");
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void executionDurationIsEnforced() throws Exception {
        long start = System.nanoTime();
        String job = ANONYMOUS.submit(Uws.endless("overrun"), "EXECUTIONDURATION", "2");
        String doc = ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertEquals("ERROR", Uws.phaseOf(doc), doc);
        assertTrue(Uws.element(doc, "message").contains("execution duration of 2 s"), doc);
        assertTrue(took < 10_000, "a 2 s job ended after " + took + " ms");
        awaitBackend("overrun", false, Duration.ofSeconds(2));
        ANONYMOUS.delete(job);
    }

    @Test
    void destructionRemovesTheJobAndItsFiles() throws Exception {
        String job = ANONYMOUS.submit(TOP3);
        assertEquals("COMPLETED", Uws.phaseOf(ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60))));
        String id = job.substring(job.lastIndexOf('/') + 1);
        Path dir = Archive.handedFile("ARCHIVE_UWS_RESULTS_DIR").resolve(id);
        assertTrue(Files.isDirectory(dir.resolve("results")), dir + " missing");
        assertEquals(303, ANONYMOUS.post(job + "/destruction", "DESTRUCTION",
            Instant.now().plusSeconds(1).toString()).statusCode());
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ANONYMOUS.get(job).statusCode() != 404) {
            assertTrue(System.nanoTime() < until, "job not destroyed at its destruction time");
            Thread.sleep(250);
        }
        assertFalse(Files.exists(dir), dir + " left behind");
    }

    /** Files without a job (a crash between deleting the row and the files) are swept once an hour old. */
    @Test
    void orphanedJobFilesAreSweptButJobFilesStay() throws Exception {
        Path root = Archive.handedFile("ARCHIVE_UWS_RESULTS_DIR");
        Path orphan = Files.createDirectories(root.resolve("it0rphan0000000000000000").resolve("results"));
        Files.writeString(orphan.resolve("result.vot"), "left behind");
        Path fresh = Files.createDirectories(root.resolve("it0rphan0000000000000001"));
        // the files are the server's, as a job's would be (the server runs as its own user, the test as root)
        java.nio.file.attribute.UserPrincipal server = Files.getOwner(root);
        for (Path p : List.of(orphan.getParent(), orphan, orphan.resolve("result.vot"), fresh)) {
            Files.setOwner(p, server);
        }
        String job = ANONYMOUS.submit(TOP3);
        assertEquals("COMPLETED", Uws.phaseOf(ANONYMOUS.awaitEnd(job, Duration.ofSeconds(60))));
        Path jobDir = root.resolve(job.substring(job.lastIndexOf('/') + 1));
        java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.from(
            Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(orphan.getParent(), twoHoursAgo);
        Files.setLastModifiedTime(jobDir, twoHoursAgo);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(orphan.getParent())) {
            assertTrue(System.nanoTime() < until, "the orphaned directory was not swept");
            Thread.sleep(250);
        }
        assertTrue(Files.exists(jobDir.resolve("results")), "a job's own files were swept");
        assertTrue(Files.exists(fresh), "a directory younger than an hour was swept");
        assertEquals(200, ANONYMOUS.getBytes(job + "/results/result").statusCode());
        Files.delete(fresh);
        ANONYMOUS.delete(job);
    }

    @Test
    void jobsBelongToTheirOwners() throws Exception {
        Uws alice = Uws.as(ALICE, PASSWORD);
        Uws bob = Uws.as(BOB, PASSWORD);
        String job = alice.create("LANG", "ADQL", "QUERY", TOP3, "RUNID", "alice-1");
        assertEquals(ALICE, alice.get(job + "/owner").body());
        assertEquals(403, bob.get(job).statusCode());
        assertEquals(403, bob.delete(job).statusCode());
        HttpResponse<String> anonymous = ANONYMOUS.get(job);
        assertEquals(401, anonymous.statusCode());
        // a UWS 401 names the realm, as the authentication mechanism's do: clients know to log in with Basic
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\""),
            anonymous.headers().toString());
        assertEquals(404, alice.get(Uws.list() + "/nosuchjob").statusCode());
        String list = alice.get(Uws.list()).body();
        assertValid(list, "jobs");
        assertTrue(list.contains(job), list);
        assertFalse(bob.get(Uws.list()).body().contains(job));
        assertFalse(ANONYMOUS.get(Uws.list()).body().contains(job));
        // filters: PHASE (repeatable), AFTER, LAST
        assertTrue(alice.get(Uws.list() + "?PHASE=PENDING").body().contains(job));
        assertFalse(alice.get(Uws.list() + "?PHASE=COMPLETED&PHASE=ERROR").body().contains(job));
        assertFalse(alice.get(Uws.list() + "?AFTER=" + Instant.now().plusSeconds(60)).body().contains(job));
        String second = alice.create("LANG", "ADQL", "QUERY", TOP3);
        String last = alice.get(Uws.list() + "?LAST=1").body();
        assertTrue(last.contains(second) && !last.contains(job + "\""), last);
        assertEquals(400, alice.get(Uws.list() + "?LAST=0").statusCode());
        assertEquals(400, alice.get(Uws.list() + "?PHASE=DONE").statusCode());
        assertEquals(303, alice.delete(job).statusCode());
        assertEquals(303, alice.delete(second).statusCode());
    }

    /** A result larger than the owner's quota ends the job in ERROR and leaves no file; needs a small quota. */
    @Test
    void resultsStopAtTheOwnersQuota() throws Exception {
        long quota = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_QUOTA_BYTES"));
        Assumptions.assumeTrue(quota <= 50_000_000, "run the server with ARCHIVE_UWS_USER_QUOTA_BYTES <= 5e7 (deploy/test does)");
        Uws alice = Uws.as(ALICE, PASSWORD);
        long rows = quota / 8 + 1000; // CSV of two numbers: more than 8 bytes a row
        String job = alice.submit("SELECT TOP " + rows + " a.hr, b.hr AS other FROM demo.bsc5 AS a, demo.bsc5 AS b",
            "RESPONSEFORMAT", "csv", "MAXREC", Long.toString(rows));
        String doc = alice.awaitEnd(job, Duration.ofSeconds(120));
        assertEquals("ERROR", Uws.phaseOf(doc), doc);
        assertTrue(Uws.element(doc, "message").contains("storage quota of " + quota + " bytes"), doc);
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertFalse(Files.exists(Archive.handedFile("ARCHIVE_UWS_RESULTS_DIR").resolve(id).resolve("results")));
        String small = alice.submit(TOP3);
        assertEquals("COMPLETED", Uws.phaseOf(alice.awaitEnd(small, Duration.ofSeconds(60))), "a small result still fits");
        alice.delete(job);
        alice.delete(small);
    }

    @Test
    void hundredConcurrentSubmissionsAllComplete() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            submitted.add(pool.submit(() -> ANONYMOUS.submit("SELECT hr FROM demo.bsc5 WHERE hr = " + (n + 1))));
        }
        Set<String> jobs = new HashSet<>();
        for (Future<String> f : submitted) {
            jobs.add(f.get());
        }
        assertEquals(100, jobs.size());
        List<Future<String>> ended = new ArrayList<>();
        for (String job : jobs) {
            ended.add(pool.submit(() -> Uws.phaseOf(ANONYMOUS.awaitEnd(job, Duration.ofSeconds(120))) + " " + job));
        }
        for (Future<String> f : ended) {
            assertTrue(f.get().startsWith("COMPLETED "), f.get());
        }
        for (String job : jobs) {
            String csv = new String(ANONYMOUS.getBytes(job + "/results/result").body(), StandardCharsets.UTF_8);
            assertTrue(csv.contains("<TABLE"), csv);
            ANONYMOUS.delete(job);
        }
        pool.shutdown();
    }
}
