package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.database.Cancellation;

class JobContextTest {

    @TempDir
    Path root;

    @Test
    void resultsStopAtTheQuota() throws Exception {
        JobFiles files = new JobFiles(root);
        JobContext context = new JobContext(files, "job1", 1, Instant.now().plusSeconds(60), new Cancellation(), 10, 100);
        try (JobContext.QuotaStream out = context.createResult("result.vot")) {
            out.write(new byte[10]);
            assertEquals(10, out.written());
            JobContext.QuotaExceeded e = assertThrows(JobContext.QuotaExceeded.class, () -> out.write(1));
            assertTrue(e.getMessage().contains("quota of 100 bytes"), e.getMessage());
        }
        assertEquals(10, Files.size(files.result("job1", 1, "result.vot")));
        files.deleteAttempt("job1", 1);
        assertFalse(Files.exists(files.result("job1", 1, "result.vot")));
    }

    private static UploadBudget budget(long jobLimit, long quota) {
        return new UploadBudget(jobLimit, 0, quota, 0, "your jobs");
    }

    @Test
    void uploadsAreStoredWithinTheirLimitUnderSafeNamesOnly() throws Exception {
        JobFiles files = new JobFiles(root);
        assertEquals(5, files.storeUpload("job2", "t1", new ByteArrayInputStream(new byte[5]), budget(5, 100)));
        JobContext context = new JobContext(files, "job2", 1, Instant.now().plusSeconds(60), new Cancellation(), 1, 1);
        assertEquals(5, context.upload("t1").orElseThrow().readAllBytes().length);
        assertTrue(context.upload("../job2/uploads/t1").isEmpty());
        assertTrue(context.upload("missing").isEmpty());
        UwsException tooBig = assertThrows(UwsException.class,
            () -> files.storeUpload("job2", "t2", new ByteArrayInputStream(new byte[6]), budget(5, 100)));
        assertEquals(413, tooBig.status());
        assertTrue(files.upload("job2", "t2").isEmpty(), "a refused upload leaves nothing");
        assertThrows(IllegalArgumentException.class,
            () -> files.storeUpload("job2", "../evil", new ByteArrayInputStream(new byte[1]), budget(5, 100)));
        files.delete("job2");
        assertFalse(Files.exists(root.resolve("job2")));
    }

    @Test
    void allPartsOfAJobShareItsLimitAndARefusedReplacementKeepsThePart() throws Exception {
        JobFiles files = new JobFiles(root);
        UploadBudget budget = budget(10, 100);
        files.storeUpload("job3", "a", new ByteArrayInputStream(new byte[6]), budget);
        UwsException second = assertThrows(UwsException.class,
            () -> files.storeUpload("job3", "b", new ByteArrayInputStream(new byte[6]), budget));
        assertEquals(413, second.status());
        assertTrue(second.getMessage().contains("10 bytes together"), second.getMessage());
        // a later request replacing "a" is counted without the old "a", and a refusal keeps the old one
        UploadBudget later = new UploadBudget(10, 6 - files.uploadSize("job3", "a"), 100, 6, "your jobs");
        assertThrows(UwsException.class,
            () -> files.storeUpload("job3", "a", new ByteArrayInputStream(new byte[11]), later));
        assertEquals(6, files.uploadSize("job3", "a"));
        assertEquals(9, files.storeUpload("job3", "a", new ByteArrayInputStream(new byte[9]),
            new UploadBudget(10, 0, 100, 0, "your jobs")));
        assertEquals(9, files.uploadSize("job3", "a"));
        files.delete("job3");
    }

    @Test
    void uploadsCountInTheOwnersQuota() throws Exception {
        JobFiles files = new JobFiles(root);
        UploadBudget nearlyFull = new UploadBudget(1000, 0, 100, 95, "your jobs");
        UwsException full = assertThrows(UwsException.class,
            () -> files.storeUpload("job4", "t", new ByteArrayInputStream(new byte[6]), nearlyFull));
        assertEquals(413, full.status());
        assertTrue(full.getMessage().contains("storage quota of 100 bytes for your jobs"), full.getMessage());
        assertEquals(5, files.storeUpload("job4", "t", new ByteArrayInputStream(new byte[5]),
            new UploadBudget(1000, 0, 100, 95, "your jobs")));
        files.delete("job4");
    }

    @Test
    void remainingSecondsCountDownToTheDeadline() {
        JobContext context = new JobContext(new JobFiles(root), "j", 1, Instant.now().plusSeconds(30), new Cancellation(), 1, 1);
        assertTrue(context.remainingSeconds() >= 29 && context.remainingSeconds() <= 30);
        JobContext late = new JobContext(new JobFiles(root), "j", 1, Instant.now().minusSeconds(5), new Cancellation(), 1, 1);
        assertEquals(1, late.remainingSeconds());
    }

    @Test
    void theLastProgressAndTheKeptTablesAreRecordedWithTheOutcomeAndTablesOnlyOfACompletedJob() throws Exception {
        java.util.List<String> written = new java.util.ArrayList<>();
        Instant t = Instant.now();
        JobContext context = new JobContext(new JobFiles(root), "j", 1, "n/1", t.plusSeconds(60), new Cancellation(), 1000, 1000,
            written::add);
        context.progress("first", false);
        context.progress("too soon", false);
        context.progress("1 row", true);
        assertEquals(java.util.List.of("first"), written, "the last word waits for the outcome; others at most once a second");
        context.tableKept(300);
        assertFalse(context.tableFits(701), "a kept table counts in what is left at once");
        Job completed = new Job("j", "tap", null, "short", t, 600, t.plusSeconds(600), java.util.List.of());
        completed.moveTo(ExecutionPhase.COMPLETED, t);
        context.recordWithOutcome(completed);
        assertEquals("1 row", completed.progress());
        assertEquals(300, completed.tableBytes());
        Job failed = new Job("j", "tap", null, "short", t, 600, t.plusSeconds(600), java.util.List.of());
        failed.fail(ErrorType.TRANSIENT, "failed", t);
        context.recordWithOutcome(failed);
        assertEquals("1 row", failed.progress());
        assertEquals(0, failed.tableBytes(), "the tables of a job that did not complete are discarded");
    }
}
