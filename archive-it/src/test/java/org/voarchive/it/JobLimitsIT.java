package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits that keep UWS jobs from filling the disk or starving other callers: one byte limit for all the
 * uploads of a job (parts posted later included), stored uploads counted in the owner's quota, a cap on
 * PENDING jobs per owner, and PENDING jobs destroyed early, with the job document saying when. Each test has
 * users of its own, so that what other tests leave does not change the counts; deploy/test runs the server
 * with a small upload limit, quota and pending cap.
 */
class JobLimitsIT {

    private static final String QUERY = "SELECT TOP 1 hr FROM demo.bsc5";
    private static final String PASSWORD = "it-limits-secret";
    private static final List<String> USERS = List.of("it-limits-upload", "it-limits-quota", "it-limits-pending",
        "it-limits-other", "it-limits-lifetime");

    @RegisterExtension
    static final TestUsers TEST_USERS = new TestUsers().addAll(USERS, PASSWORD);

    /** Runs before TEST_USERS deletes the users: their jobs are deleted as them. */
    @AfterAll
    static void cleanUp() throws Exception {
        for (String user : USERS) {
            deleteAllJobs(Uws.as(user, PASSWORD));
        }
    }

    private static void deleteAllJobs(Uws client) throws Exception {
        for (String id : jobIds(client)) {
            client.delete(Uws.list() + "/" + id);
        }
    }

    private static List<String> jobIds(Uws client) throws Exception {
        String list = client.get(Uws.list()).body();
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<uws:jobref id=\"([^\"]+)\"").matcher(list);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static long setting(String variable, long defaultValue) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultValue : Long.parseLong(value.trim());
    }

    private static Tap.Part upload(String name, long bytes) {
        return new Tap.Part(name, name + ".vot", new byte[(int) bytes]);
    }

    private static HttpResponse<String> createWithUploads(Uws client, Tap.Part... uploads) throws Exception {
        List<Tap.Part> parts = new ArrayList<>(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("QUERY", QUERY)));
        parts.addAll(List.of(uploads));
        return client.multipart(Uws.list(), parts);
    }

    /** A refusal in the UWS error shape: the status, a plain-text message saying what was wrong. */
    private static void assertRefused(int status, String words, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        assertTrue(r.body().contains(words), r.body());
    }

    @Test
    void theUploadLimitCoversAllPartsOfAJobThosePostedLaterToo() throws Exception {
        long max = Long.parseLong(Archive.env("ARCHIVE_TAP_UPLOAD_MAX_BYTES"));
        Assumptions.assumeTrue(max <= 5_000_000, "run the server with ARCHIVE_TAP_UPLOAD_MAX_BYTES <= 5e6 (deploy/test does)");
        Uws client = Uws.as("it-limits-upload", PASSWORD);
        long part = max * 6 / 10;
        assertRefused(413, max + " bytes together", createWithUploads(client, upload("a", part), upload("b", part)));
        assertEquals(List.of(), jobIds(client), "a refused job is not created");

        HttpResponse<String> created = createWithUploads(client, upload("a", part));
        assertEquals(303, created.statusCode(), created.body());
        String job = created.headers().firstValue("Location").orElseThrow();
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertRefused(413, max + " bytes together", client.multipart(job + "/parameters", List.of(upload("b", part))));
        Path uploads = Archive.handedFile("ARCHIVE_UWS_RESULTS_DIR").resolve(id).resolve("uploads");
        assertFalse(Files.exists(uploads.resolve("b")), "the refused part is not kept");
        HttpResponse<String> small = client.multipart(job + "/parameters",
            List.of(Tap.Part.field("UPLOAD", "b,param:b"), upload("b", max - part)));
        assertEquals(303, small.statusCode(), small.body());
        assertEquals(max - part, Files.size(uploads.resolve("b")));
        assertTrue(client.get(job + "/parameters").body().contains("b,param:b"));
        // a part posted again replaces the one of its name: only the new bytes count
        HttpResponse<String> replaced = client.multipart(job + "/parameters", List.of(upload("a", part)));
        assertEquals(303, replaced.statusCode(), replaced.body());
        assertEquals(303, client.post(job + "/phase", "PHASE", "RUN").statusCode());
        assertFalse(Uws.active(client.awaitEnd(job, Duration.ofSeconds(60)))); // its zeros are no table: ERROR
        assertRefused(403, "PENDING", client.multipart(job + "/parameters", List.of(upload("c", 10))));
        assertEquals(303, client.delete(job).statusCode());
    }

    @Test
    void storedUploadsCountInTheOwnersQuota() throws Exception {
        long max = Long.parseLong(Archive.env("ARCHIVE_TAP_UPLOAD_MAX_BYTES"));
        long quota = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_QUOTA_BYTES"));
        long maxPending = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_MAX_PENDING"));
        Assumptions.assumeTrue(quota / max < maxPending && quota / max <= 50, "deploy/test's settings: quota 2e7, "
            + "uploads 1e6, 30 pending jobs");
        Uws client = Uws.as("it-limits-quota", PASSWORD);
        long part = max - 1000;
        long fit = quota / part;
        for (int i = 0; i < fit; i++) {
            HttpResponse<String> r = createWithUploads(client, upload("t", part));
            assertEquals(303, r.statusCode(), "job " + i + " of " + fit + " that fit: " + r.body());
        }
        assertRefused(413, "storage quota of " + quota + " bytes", createWithUploads(client, upload("t", part)));
        assertEquals(fit, jobIds(client).size(), "the refused job is not created");
        HttpResponse<String> withoutUploads = client.post(Uws.list(), "LANG", "ADQL", "QUERY", QUERY);
        assertEquals(303, withoutUploads.statusCode(), "a job without uploads still fits: " + withoutUploads.body());
        deleteAllJobs(client);
        assertEquals(303, createWithUploads(client, upload("t", part)).statusCode(), "deleting jobs frees the quota");
        deleteAllJobs(client);
    }

    @Test
    void pendingJobsAreCappedPerOwner() throws Exception {
        long maxPending = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_MAX_PENDING"));
        Assumptions.assumeTrue(maxPending <= 200, "run the server with a small ARCHIVE_UWS_USER_MAX_PENDING (deploy/test does)");
        Uws client = Uws.as("it-limits-pending", PASSWORD);
        for (int i = 0; i < maxPending; i++) {
            client.create("LANG", "ADQL", "QUERY", QUERY);
        }
        assertRefused(403, "PENDING jobs, the most allowed (" + maxPending + ")",
            client.post(Uws.list(), "LANG", "ADQL", "QUERY", QUERY));
        assertEquals(maxPending, jobIds(client).size());
        // a job that runs at once is not PENDING; another owner has a cap of its own
        String running = client.submit(QUERY);
        assertEquals("COMPLETED", Uws.phaseOf(client.awaitEnd(running, Duration.ofSeconds(60))));
        Uws other = Uws.as("it-limits-other", PASSWORD);
        String others = other.create("LANG", "ADQL", "QUERY", QUERY);
        assertEquals("PENDING", other.phase(others));
        // running one frees a place
        String first = Uws.list() + "/" + jobIds(client).get(jobIds(client).size() - 1);
        assertEquals(303, client.post(first + "/phase", "PHASE", "RUN").statusCode());
        assertEquals(303, client.post(Uws.list(), "LANG", "ADQL", "QUERY", QUERY).statusCode());
        deleteAllJobs(client);
        deleteAllJobs(other);
    }

    /** Anonymous callers are counted by their network: from here, the address of this test. */
    @Test
    void anonymousCallersHaveTheCapPerAddress() throws Exception {
        long maxPending = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_MAX_PENDING"));
        Assumptions.assumeTrue(maxPending <= 200, "run the server with a small ARCHIVE_UWS_USER_MAX_PENDING (deploy/test does)");
        Uws anonymous = Uws.anonymous();
        List<String> mine = new ArrayList<>();
        HttpResponse<String> r = null;
        try {
            for (int i = 0; i <= maxPending; i++) { // other tests' PENDING jobs from here count too: fewer may fit
                r = anonymous.post(Uws.list(), "LANG", "ADQL", "QUERY", QUERY);
                if (r.statusCode() != 303) {
                    break;
                }
                mine.add(r.headers().firstValue("Location").orElseThrow());
            }
            assertRefused(403, "anonymous callers from ", r);
            assertTrue(r.body().contains("the most allowed (" + maxPending + ")"), r.body());
            assertEquals(303, Uws.as("it-limits-other", PASSWORD).post(Uws.list(), "LANG", "ADQL", "QUERY", QUERY)
                .statusCode(), "a user is not counted with the anonymous callers of its address");
        } finally {
            for (String job : mine) {
                anonymous.delete(job);
            }
            deleteAllJobs(Uws.as("it-limits-other", PASSWORD));
        }
    }

    @Test
    void aPendingJobIsDestroyedEarlyAndItsDocumentSaysWhen() throws Exception {
        long hours = setting("ARCHIVE_UWS_PENDING_DESTRUCTION_HOURS", 24);
        Uws client = Uws.as("it-limits-lifetime", PASSWORD);
        String job = client.create("LANG", "ADQL", "QUERY", QUERY);
        Instant created = Instant.parse(Uws.element(client.get(job).body(), "creationTime"));
        Instant cut = created.plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(cut.toString(), client.get(job + "/destruction").body().trim());
        Instant asked = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(303, client.post(job + "/destruction", "DESTRUCTION", asked.toString()).statusCode());
        assertEquals(cut.toString(), client.get(job + "/destruction").body().trim(), "PENDING: still the shorter time");
        assertEquals(303, client.post(job + "/phase", "PHASE", "RUN").statusCode());
        assertEquals(asked.toString(), client.get(job + "/destruction").body().trim(), "running: what it asked for");
        client.delete(job);

        // the reaper destroys a PENDING job once it is that old, whatever its row says
        String old = client.create("LANG", "ADQL", "QUERY", QUERY);
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(
                "UPDATE archive.uws_job SET creation_time = creation_time - make_interval(hours => ?),"
                    + " destruction = now() + interval '7 days' WHERE job_id = ?")) {
            s.setInt(1, (int) hours + 1);
            s.setString(2, old.substring(old.lastIndexOf('/') + 1));
            assertEquals(1, s.executeUpdate());
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.get(old).statusCode() != 404) {
            assertTrue(System.nanoTime() < until, "a PENDING job older than " + hours + " h was not destroyed");
            Thread.sleep(250);
        }
    }
}
