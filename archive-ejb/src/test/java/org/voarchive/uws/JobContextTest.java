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
        JobContext context = new JobContext(files, "job1", Instant.now().plusSeconds(60), new Cancellation(), 10, 100);
        try (JobContext.QuotaStream out = context.createResult("result.vot")) {
            out.write(new byte[10]);
            assertEquals(10, out.written());
            JobContext.QuotaExceeded e = assertThrows(JobContext.QuotaExceeded.class, () -> out.write(1));
            assertTrue(e.getMessage().contains("quota of 100 bytes"), e.getMessage());
        }
        assertEquals(10, Files.size(files.result("job1", "result.vot")));
        files.deleteResults("job1");
        assertFalse(Files.exists(files.result("job1", "result.vot")));
    }

    @Test
    void uploadsAreStoredWithinTheirLimitUnderSafeNamesOnly() throws Exception {
        JobFiles files = new JobFiles(root);
        files.storeUpload("job2", "t1", new ByteArrayInputStream(new byte[5]), 5);
        JobContext context = new JobContext(files, "job2", Instant.now().plusSeconds(60), new Cancellation(), 1, 1);
        assertEquals(5, context.upload("t1").orElseThrow().readAllBytes().length);
        assertTrue(context.upload("../job2/uploads/t1").isEmpty());
        assertTrue(context.upload("missing").isEmpty());
        UwsException tooBig = assertThrows(UwsException.class,
            () -> files.storeUpload("job2", "t2", new ByteArrayInputStream(new byte[6]), 5));
        assertEquals(400, tooBig.status());
        assertThrows(IllegalArgumentException.class,
            () -> files.storeUpload("job2", "../evil", new ByteArrayInputStream(new byte[1]), 5));
        files.delete("job2");
        assertFalse(Files.exists(root.resolve("job2")));
    }

    @Test
    void remainingSecondsCountDownToTheDeadline() {
        JobContext context = new JobContext(new JobFiles(root), "j", Instant.now().plusSeconds(30), new Cancellation(), 1, 1);
        assertTrue(context.remainingSeconds() >= 29 && context.remainingSeconds() <= 30);
        JobContext late = new JobContext(new JobFiles(root), "j", Instant.now().minusSeconds(5), new Cancellation(), 1, 1);
        assertEquals(1, late.remainingSeconds());
    }
}
