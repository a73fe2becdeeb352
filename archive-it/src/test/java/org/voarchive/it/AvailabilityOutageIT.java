package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;

/**
 * Stops PostgreSQL under the running server and starts it again: availability
 * must say false within seconds, and true again without restarting Payara.
 * Needs ARCHIVE_IT_DB_STOP and ARCHIVE_IT_DB_START (shell commands; deploy/test
 * sets them for the local cluster). Runs last: it disturbs the server.
 */
@Tag("outage")
@Order(Integer.MAX_VALUE)
class AvailabilityOutageIT {

    private static final long DOWN_WITHIN_MS = 10_000;
    private static final long BACK_WITHIN_MS = 30_000;

    /** Polls availability until it says {@code expected}; returns the milliseconds it took. */
    private static long waitFor(boolean expected, long limitMs) throws Exception {
        long start = System.nanoTime();
        String xml = "";
        while ((System.nanoTime() - start) / 1_000_000 < limitMs) {
            byte[] body = Archive.get("/tap/availability").body();
            assertEquals(List.of(), SchemaValidator.problems(body, AvailabilityIT.VOSI, "availability"));
            xml = new String(body, StandardCharsets.UTF_8);
            if (xml.contains("<vosi:available>" + expected + "</vosi:available>")) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("availability did not become " + expected + " within " + limitMs + " ms: " + xml);
    }

    @Test
    void availabilityFollowsTheDatabaseDownAndBackUp() throws Exception {
        String stop = System.getenv("ARCHIVE_IT_DB_STOP");
        String start = System.getenv("ARCHIVE_IT_DB_START");
        Assumptions.assumeTrue(stop != null && start != null, "ARCHIVE_IT_DB_STOP/START not set");
        waitFor(true, 5_000);
        Archive.shell(stop);
        try {
            long down = waitFor(false, DOWN_WITHIN_MS);
            String xml = new String(Archive.get("/tap/availability").body(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<vosi:note>"), xml);
            assertTrue(!xml.contains("upSince"), xml);
            System.out.println("availability said false " + down + " ms after the database stopped");
        } finally {
            Archive.shell(start);
        }
        long back = waitFor(true, BACK_WITHIN_MS);
        System.out.println("availability said true " + back + " ms after the database started");
        // and the server really works with the database again, not only its availability check
        String html = new String(Archive.get("/").body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("data-table=\"demo.bsc5\" data-rows=\"9096\""), html);
    }
}
