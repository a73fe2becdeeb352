package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No job is lost when a node dies (issue #23): 50 async jobs of five users go through the balancer to both
 * nodes; once the second node executes at least three, it is killed (kill -9). Every job ends COMPLETED with
 * the right count; the dead node's jobs ran again on the live one (attempt 2, started after the kill) while
 * UWS still shows their first start and no QUEUED phase in between. Meanwhile sync queries go through the
 * balancer every 100 ms: they all answer, but for those in flight at the instant of the kill. Runs after the
 * other tests of the cluster stage (it restarts a node).
 */
@Tag("cluster")
@Order(Integer.MAX_VALUE - 2)
class ClusterJobsIT {

    private static final String PASSWORD = "it-cluster-jobs-secret";
    private static final List<String> USERS_NAMES = IntStream.rangeClosed(1, 5).mapToObj(i -> "it-cluster-jobs-" + i).toList();
    private static final int JOBS_PER_USER = 10;
    /** Requests whose time overlaps the kill by this much may fail (a response cut mid-way cannot be replayed). */
    private static final long KILL_MARGIN_MS = 200;

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().addAll(USERS_NAMES, PASSWORD);

    /**
     * Job i's query: a count over a join of two parts of the Bright Star Catalogue, about a second of
     * PostgreSQL's time each (so that the 50 keep two nodes busy for about a minute on two cores), whose
     * answer the test computes cheaply as the product of the two parts' sizes.
     */
    private static String adql(int i) {
        return "SELECT COUNT(*) AS n FROM demo.bsc5 AS a, demo.bsc5 AS b WHERE MOD(a.hr, 2) = " + (i % 2)
            + " AND b.hr < " + limit(i);
    }

    private static int limit(int i) {
        return 7000 + 40 * i;
    }

    private static long expected(Connection query, int i) throws Exception {
        try (PreparedStatement s = query.prepareStatement("SELECT (SELECT count(*) FROM demo.bsc5 WHERE mod(hr, 2) = ?)"
                + " * (SELECT count(*) FROM demo.bsc5 WHERE hr < ?) AS n")) {
            s.setInt(1, i % 2);
            s.setInt(2, limit(i));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong("n");
            }
        }
    }

    private record Probe(long startNanos, long endNanos, int status, String failure) {
    }

    @Test
    void fiftyJobsSurviveAKilledNode() throws Exception {
        Map<String, String> nodes = Cluster.nodes();
        String victim = new ArrayList<>(nodes.keySet()).get(1);
        List<Uws> clients = USERS_NAMES.stream().map(u -> Uws.as(u, PASSWORD)).toList();
        List<String> jobs = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread prober = new Thread(() -> probe(probing, probes), "sync-prober");
        try (Connection owner = Archive.connect("OWNER"); Connection query = Archive.connect("QUERY")) {
            // the users take turns, so that each has work queued all along
            for (int i = 0; i < JOBS_PER_USER * clients.size(); i++) {
                String job = clients.get(i % clients.size()).submit(adql(i), "RESPONSEFORMAT", "csv");
                jobs.add(job);
                index.put(Cluster.id(job), i);
            }
            prober.start();

            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (executingOn(owner, victim).size() < 3) {
                assertTrue(System.nanoTime() < until, "the second node never executed three jobs at once");
                Thread.sleep(50);
            }
            Instant beforeKill = Cluster.now(owner);
            long killNanos = System.nanoTime();
            Cluster.kill(victim);
            List<Cluster.JobRow> killed = executingOn(owner, victim);
            System.out.println("ClusterJobsIT: killed " + victim + " while it executed " + killed.size() + " jobs");
            assertTrue(killed.size() >= 3, "the killed node's jobs: " + killed);

            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            for (String job : jobs) {
                Uws client = clients.get(index.get(Cluster.id(job)) % clients.size());
                String doc = client.awaitEnd(job, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
                String[] csv = client.get(job + "/results/result").body().strip().split("\\R");
                assertEquals(2, csv.length, String.join("|", csv));
                assertEquals("n", csv[0]);
                assertEquals(expected(query, index.get(Cluster.id(job))), Long.parseLong(csv[1]), "the count of " + job);
            }

            List<Long> takeOver = new ArrayList<>();
            for (Cluster.JobRow before : killed) {
                Cluster.JobRow after = Cluster.row(owner, before.id());
                assertEquals(2, after.attempt(), "the dead node's job ran again once: " + after);
                assertTrue(after.attemptStart().isAfter(beforeKill), "attempt 2 started after the kill: " + after);
                assertEquals(before.startTime(), after.startTime(), "UWS startTime is the first start: " + after);
                assertEquals(List.of("EXECUTING", "COMPLETED"), phasesAfterQueued(owner, before.id()),
                    "the job went on from EXECUTING to COMPLETED without being QUEUED again");
                takeOver.add(Cluster.millis(beforeKill, after.attemptStart()));
            }
            System.out.println("ClusterJobsIT: take-over after kill -9 (kill to attempt 2's start): "
                + Cluster.medianMax(takeOver) + ", first " + takeOver.stream().min(Long::compare).orElseThrow() + " ms");

            probing.set(false);
            prober.join();
            int excused = 0;
            for (Probe p : probes) {
                if (p.status() == 200) {
                    continue;
                }
                long margin = Duration.ofMillis(KILL_MARGIN_MS).toNanos();
                boolean inFlightAtKill = p.startNanos() <= killNanos + margin && p.endNanos() >= killNanos - margin;
                assertTrue(inFlightAtKill, "a sync query failed while a node was down: " + p);
                excused++;
            }
            System.out.println("ClusterJobsIT: " + probes.size() + " sync queries through the balancer, " + excused
                + " failed, all in flight at the kill");
            assertTrue(probes.size() > 50, "the sync queries kept going: " + probes.size());
        } finally {
            probing.set(false);
            prober.join();
            Cluster.start(victim);
            for (String job : jobs) {
                clients.get(index.get(Cluster.id(job)) % clients.size()).delete(job);
            }
        }
    }

    /** The jobs executing on a node now (its row names the node). */
    private static List<Cluster.JobRow> executingOn(Connection owner, String node) throws Exception {
        return Cluster.rows(owner, "phase = 'EXECUTING' AND split_part(executed_by, '/', 1) = ?"
            + " AND owner_id LIKE 'it-cluster-jobs-%'", node);
    }

    /** A job's phases after its (first) QUEUED, in the order of its phase history. */
    private static List<String> phasesAfterQueued(Connection owner, String id) throws Exception {
        List<String> phases = new ArrayList<>();
        try (PreparedStatement s = owner.prepareStatement(
                "SELECT phase FROM archive.uws_job_phase WHERE job_id = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    phases.add(rs.getString("phase"));
                }
            }
        }
        int queued = phases.indexOf("QUEUED");
        assertTrue(queued >= 0, "no QUEUED in the history of " + id + ": " + phases);
        return phases.subList(queued + 1, phases.size());
    }

    /** A sync query through the balancer every 100 ms until told to stop. */
    private static void probe(AtomicBoolean probing, ConcurrentLinkedQueue<Probe> probes) {
        List<Map.Entry<String, String>> params = List.of(Map.entry("LANG", "ADQL"),
            Map.entry("QUERY", "SELECT TOP 1 hr FROM demo.bsc5 WHERE hr = 42"), Map.entry("RESPONSEFORMAT", "csv"));
        long next = System.nanoTime();
        while (probing.get()) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> r = Tap.get(params);
                probes.add(new Probe(start, System.nanoTime(), r.statusCode(), r.statusCode() == 200 ? null : Tap.text(r)));
            } catch (Exception e) {
                probes.add(new Probe(start, System.nanoTime(), 0, e.toString()));
            }
            next += Duration.ofMillis(100).toNanos();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }
}
