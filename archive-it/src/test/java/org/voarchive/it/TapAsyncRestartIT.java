package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Jobs in every phase survive a server crash: the server is killed (no
 * shutdown hook runs) and started again. Needs ARCHIVE_IT_SERVER_KILL and
 * ARCHIVE_IT_SERVER_START (shell commands; deploy/test sets them).
 */
@Tag("restart")
class TapAsyncRestartIT {

    private static final Uws CLIENT = Uws.anonymous();
    private static final int EXECUTING = 4; // archive.uws.user.max-executing: the next anonymous job waits

    @Test
    void jobsInEveryPhaseSurviveACrash() throws Exception {
        String kill = System.getenv("ARCHIVE_IT_SERVER_KILL");
        String start = System.getenv("ARCHIVE_IT_SERVER_START");
        Assumptions.assumeTrue(kill != null && start != null, "ARCHIVE_IT_SERVER_KILL/START not set");

        String pending = CLIENT.create("LANG", "ADQL", "QUERY", "SELECT TOP 2 hr FROM demo.bsc5", "RUNID", "kept");
        String completed = CLIENT.submit("SELECT TOP 7 hr, name FROM demo.bsc5 ORDER BY hr");
        String failed = CLIENT.submit("SELECT nosuchcolumn FROM demo.bsc5");
        String aborted = CLIENT.create("LANG", "ADQL", "QUERY", "SELECT TOP 1 hr FROM demo.bsc5");
        CLIENT.post(aborted + "/phase", "PHASE", "ABORT");
        assertEquals("COMPLETED", Uws.phaseOf(CLIENT.awaitEnd(completed, Duration.ofSeconds(60))));
        assertEquals("ERROR", Uws.phaseOf(CLIENT.awaitEnd(failed, Duration.ofSeconds(60))));
        List<String> executing = new ArrayList<>();
        for (int i = 0; i < EXECUTING; i++) {
            String job = CLIENT.submit(Uws.endless("restart_" + i));
            assertEquals("EXECUTING", Uws.phaseOf(CLIENT.awaitPhase(job, "EXECUTING", Duration.ofSeconds(60))));
            executing.add(job);
        }
        String queued = CLIENT.submit(Uws.endless("restart_queued"));
        Thread.sleep(1000);
        assertEquals("QUEUED", CLIENT.phase(queued));

        byte[] result = CLIENT.getBytes(completed + "/results/result").body();
        String pendingDoc = CLIENT.get(pending).body();
        String failedDoc = CLIENT.get(failed).body();

        Archive.shell(kill);
        Archive.shell(start);

        assertEquals(pendingDoc, CLIENT.get(pending).body());
        assertArrayEquals(result, CLIENT.getBytes(completed + "/results/result").body());
        assertEquals(failedDoc, CLIENT.get(failed).body());
        assertEquals("ABORTED", CLIENT.phase(aborted));
        for (String job : executing) {
            String doc = CLIENT.get(job).body();
            assertEquals("ERROR", Uws.phaseOf(doc), doc);
            assertTrue(Uws.element(doc, "message").contains("server stopped while the job was executing"), doc);
        }
        // the queued job had not started: it is queued again and runs
        assertEquals("EXECUTING", Uws.phaseOf(CLIENT.awaitPhase(queued, "EXECUTING", Duration.ofSeconds(60))));
        // the killed server's queries do not run on in PostgreSQL (client_connection_check_interval)
        for (int i = 0; i < EXECUTING; i++) {
            TapAsyncIT.awaitBackend("restart_" + i, false, Duration.ofSeconds(30));
        }
        CLIENT.post(queued + "/phase", "PHASE", "ABORT");
        assertEquals("ABORTED", CLIENT.phase(queued));
        for (String job : List.of(pending, completed, failed, aborted, queued)) {
            assertEquals(303, CLIENT.delete(job).statusCode());
        }
        executing.forEach(job -> {
            try {
                CLIENT.delete(job);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
