package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Jobs in every phase survive a server crash: the server is killed (no
 * shutdown hook runs) and started again. The jobs it was executing run again
 * at its start (a restarted node declares its previous incarnation dead at
 * once, issue #23) and end COMPLETED with the right answer; the client sees
 * only a longer execution. Needs ARCHIVE_IT_SERVER_KILL and
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
        // the executing jobs wait for this lock, however fast the machine: executing at the crash, and running
        // again after the restart, until the test lets them finish (their query's length proves nothing)
        try (Connection lock = Archive.connect("OWNER")) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE demo.bsc5 IN ACCESS EXCLUSIVE MODE");
            }
            crashAndRestart(kill, start, pending, completed, failed, aborted, lock);
        }
    }

    private void crashAndRestart(String kill, String start, String pending, String completed, String failed,
                                 String aborted, Connection lock) throws Exception {
        List<String> executing = new ArrayList<>();
        for (int i = 0; i < EXECUTING; i++) {
            String job = CLIENT.submit(finite("restart_" + i), "RESPONSEFORMAT", "csv");
            assertEquals("EXECUTING", Uws.phaseOf(CLIENT.awaitPhase(job, "EXECUTING", Duration.ofSeconds(60))));
            executing.add(job);
        }
        String queued = CLIENT.submit(Uws.endless("restart_queued"));
        Thread.sleep(1000);
        assertEquals("QUEUED", CLIENT.phase(queued));

        byte[] result = CLIENT.getBytes(completed + "/results/result").body();
        String pendingDoc = CLIENT.get(pending).body();
        String failedDoc = CLIENT.get(failed).body();
        Map<String, String> startTimes = new HashMap<>();
        Set<Integer> killedBackends = new HashSet<>();
        for (int i = 0; i < EXECUTING; i++) {
            String doc = CLIENT.get(executing.get(i)).body();
            assertEquals("EXECUTING", Uws.phaseOf(doc), "still executing at the crash: " + doc);
            startTimes.put(executing.get(i), Uws.element(doc, "startTime"));
            killedBackends.addAll(backends("restart_" + i));
        }

        Archive.shell(kill);
        Archive.shell(start);
        long started = System.nanoTime();

        assertEquals(pendingDoc, CLIENT.get(pending).body());
        assertArrayEquals(result, CLIENT.getBytes(completed + "/results/result").body());
        assertEquals(failedDoc, CLIENT.get(failed).body());
        assertEquals("ABORTED", CLIENT.phase(aborted));
        // the jobs that were executing run again at once (attempt 2), their SQL on new backends ...
        try (Connection owner = Archive.connect("OWNER")) {
            for (int i = 0; i < EXECUTING; i++) {
                String id = Cluster.id(executing.get(i));
                long until = started + Duration.ofSeconds(10).toNanos();
                while (Cluster.row(owner, id).attempt() < 2) {
                    assertTrue(System.nanoTime() < until, "job " + id + " is not running again 10 s after the start: "
                        + Cluster.row(owner, id));
                    Thread.sleep(50);
                }
                Cluster.JobRow row = Cluster.row(owner, id);
                assertEquals(2, row.attempt(), row.toString());
                System.out.println("TapAsyncRestartIT: job " + id + " running again (attempt 2) "
                    + (System.nanoTime() - started) / 1_000_000 + " ms after the start returned; attempt 2 began at "
                    + row.attemptStart());
                awaitNewBackend("restart_" + i, killedBackends, Duration.ofSeconds(30));
            }
        }
        lock.commit(); // the jobs may finish now
        // ... and end COMPLETED with the right answer; UWS still shows their first start
        for (String job : executing) {
            String doc = CLIENT.awaitEnd(job, Duration.ofSeconds(120));
            assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
            assertEquals(startTimes.get(job), Uws.element(doc, "startTime"), doc);
            String[] csv = CLIENT.get(job + "/results/result").body().strip().split("\\R");
            assertEquals(List.of("n", Long.toString(finiteCount())), List.of(csv), job);
        }
        // the killed server's queries did not run on in PostgreSQL (client_connection_check_interval)
        assertEquals(Set.of(), allBackends(killedBackends), "the killed server's queries still run");
        // the queued job had not started: it is still queued and runs
        assertEquals("EXECUTING", Uws.phaseOf(CLIENT.awaitPhase(queued, "EXECUTING", Duration.ofSeconds(60))));
        CLIENT.post(queued + "/phase", "PHASE", "ABORT");
        assertEquals("ABORTED", CLIENT.phase(queued));
        for (String job : List.of(pending, completed, failed, aborted, queued)) {
            assertEquals(303, CLIENT.delete(job).statusCode());
        }
        for (String job : executing) {
            assertEquals(303, CLIENT.delete(job).statusCode());
        }
    }

    /**
     * A short query of the catalogue that waits for the test's lock on it: executing at the crash and running
     * again after the restart until the test lets it finish. The tag names its table alias, as {@link Uws#endless}
     * does, to find it in pg_stat_activity.
     */
    private static String finite(String tag) {
        return "SELECT COUNT(*) AS n FROM demo.bsc5 AS " + tag + " WHERE " + tag + ".hr <= 100";
    }

    /** The answer of {@link #finite}, counted directly. */
    private static long finiteCount() throws Exception {
        try (Connection c = Archive.connect("QUERY"); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) AS n FROM demo.bsc5 WHERE hr <= 100");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong("n");
        }
    }

    /** The backends (pids) running the tagged query now, as the query role sees its own sessions. */
    private static Set<Integer> backends(String tag) throws Exception {
        try (Connection c = Archive.connect("QUERY"); PreparedStatement s = c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE ? AND pid <> pg_backend_pid()")) {
            s.setString(1, "%\"bsc5\" AS \"" + tag + "\"%");
            Set<Integer> pids = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt("pid"));
                }
            }
            return pids;
        }
    }

    /** Those of the pids still running a query. */
    private static Set<Integer> allBackends(Set<Integer> pids) throws Exception {
        try (Connection c = Archive.connect("QUERY"); PreparedStatement s = c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND pid = ANY (?)")) {
            s.setArray(1, c.createArrayOf("integer", pids.toArray()));
            Set<Integer> running = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    running.add(rs.getInt("pid"));
                }
            }
            return running;
        }
    }

    /** Waits until the tagged query runs on a backend other than the killed server's. */
    private static void awaitNewBackend(String tag, Set<Integer> killed, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            Set<Integer> now = backends(tag);
            now.removeAll(killed);
            if (!now.isEmpty()) {
                return;
            }
            assertTrue(System.nanoTime() < until, "the query " + tag + " does not run again");
            Thread.sleep(20);
        }
    }
}
