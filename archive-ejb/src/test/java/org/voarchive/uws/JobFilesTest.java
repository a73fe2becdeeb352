package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.database.Cancellation;

class JobFilesTest {

    @TempDir
    Path root;

    private static void write(JobFiles files, String job, int attempt, byte[] content) throws Exception {
        JobContext context = new JobContext(files, job, attempt, Instant.now().plusSeconds(60), new Cancellation(),
            1000, 1000);
        try (OutputStream out = context.createResult("result.vot")) {
            out.write(content);
        }
    }

    @Test
    void eachAttemptWritesItsOwnDirectoryTheFirstTheOneJobsAlwaysHad() throws Exception {
        JobFiles files = new JobFiles(root);
        write(files, "j", 1, new byte[] {1});
        write(files, "j", 2, new byte[] {2, 2});
        assertEquals(root.resolve("j").resolve("results").resolve("result.vot"), files.result("j", 1, "result.vot"));
        assertEquals(root.resolve("j").resolve("results-2").resolve("result.vot"), files.result("j", 2, "result.vot"));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(files.result("j", 1, "result.vot")));
        assertArrayEquals(new byte[] {2, 2}, Files.readAllBytes(files.result("j", 2, "result.vot")));
        assertNotEquals(files.result("j", 2, "result.vot"), files.result("j", 3, "result.vot"));
    }

    @Test
    void deletingADeadAttemptLeavesTheNextOneAndTheUploadsAndMayRunTwice() throws Exception {
        JobFiles files = new JobFiles(root);
        Files.createDirectories(root.resolve("j").resolve("uploads"));
        Files.writeString(root.resolve("j").resolve("uploads").resolve("t"), "upload");
        write(files, "j", 1, new byte[] {1});
        write(files, "j", 2, new byte[] {2});
        files.deleteAttempt("j", 1);
        files.deleteAttempt("j", 1); // a second node taking over the same attempt
        assertFalse(Files.exists(root.resolve("j").resolve("results")));
        assertTrue(Files.isRegularFile(files.result("j", 2, "result.vot")));
        assertTrue(files.upload("j", "t").isPresent());
    }

    @Test
    void aJobNeverRunReadsTheFirstAttemptsDirectory() {
        JobFiles files = new JobFiles(root);
        assertEquals(files.result("j", 1, "r"), files.result("j", 0, "r"));
    }
}
