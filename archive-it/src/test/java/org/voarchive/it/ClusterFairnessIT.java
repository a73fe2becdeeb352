package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job limits and the owners' turns hold across nodes (the queue is archive.uws_job; issue #23): no owner
 * executes more than archive.uws.user.max-executing (4) jobs on all nodes together, anonymous callers of all
 * networks no more than archive.uws.anonymous.max-executing (8) together, and a slot that frees goes to the
 * owner served longest ago (an owner never served first), not to one who has queued jobs and is already served.
 * What JobSchedulerTest covered on one node, now in SQL over the whole cluster. Expects two nodes with the
 * default limits and the short queue's concurrency of 8 per node.
 */
@Tag("cluster")
class ClusterFairnessIT {

    private static final String PASSWORD = "it-cluster-fair-secret";
    private static final List<String> BUSY = IntStream.rangeClosed(1, 4).mapToObj(i -> "it-cluster-fair-" + i).toList();
    private static final String LATE = "it-cluster-fair-late";
    private static final int PER_USER = 4;
    private static final int ANONYMOUS = 8;
    private static final int SLOTS = 16; // two nodes, the short queue's 8 each

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().addAll(BUSY, PASSWORD).add(LATE, PASSWORD);

    @Test
    void aFreedSlotGoesToTheOwnerNeverServedAndNoOwnerExceedsTheLimitAcrossNodes() throws Exception {
        Cluster.nodes();
        Map<String, List<String>> jobs = new HashMap<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        Thread sampler = new Thread(() -> sample(sampling, violations, "owner_id LIKE 'it-cluster-fair-%'", "owner_id",
            PER_USER, Integer.MAX_VALUE), "limit-sampler");
        try (Connection owner = Archive.connect("OWNER")) {
            sampler.start();
            for (int round = 0; round < 8; round++) {
                for (String user : BUSY) {
                    jobs.computeIfAbsent(user, u -> new ArrayList<>())
                        .add(Uws.as(user, PASSWORD).submit(Uws.endless("fair_" + user.substring(user.length() - 1) + "_" + round)));
                }
            }
            awaitCount(owner, "phase = 'EXECUTING' AND owner_id LIKE 'it-cluster-fair-%'", SLOTS);
            assertEquals(Map.of(), executingPerNodeOtherThan(owner, SLOTS / 2), "each node runs 8");
            String late = Uws.as(LATE, PASSWORD).submit(Uws.endless("fair_late"));
            jobs.put(LATE, List.of(late));
            Thread.sleep(1000);
            assertEquals("QUEUED", Uws.as(LATE, PASSWORD).phase(late), "every slot is taken");

            String first = BUSY.get(0);
            String aborted = executingJobOf(owner, first);
            Uws.as(first, PASSWORD).post(aborted + "/phase", "PHASE", "ABORT");
            Cluster.awaitExecuting(owner, Cluster.id(late), Duration.ofSeconds(10));
            Thread.sleep(1000); // a wrong claim of a busy owner's queued job would show by now
            assertEquals(SLOTS, count(owner, "phase = 'EXECUTING' AND owner_id LIKE 'it-cluster-fair-%'"));
            assertEquals(PER_USER - 1, count(owner, "phase = 'EXECUTING' AND owner_id = '" + first + "'"),
                "the freed slot did not go back to the owner whose job was aborted");
        } finally {
            sampling.set(false);
            sampler.join();
            abortAll(jobs);
        }
        assertEquals(List.of(), List.copyOf(violations));
    }

    @Test
    void anonymousCallersOfAllNetworksShareTheirLimitAcrossNodes() throws Exception {
        Cluster.nodes();
        List<String> networks = List.of("10.23.1.1", "10.23.2.1", "10.23.3.1");
        List<String> jobs = new ArrayList<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        Thread sampler = new Thread(() -> sample(sampling, violations, "owner_id IS NULL AND client_network LIKE '10.23.%'",
            "client_network", PER_USER, ANONYMOUS), "anonymous-sampler");
        try (Connection owner = Archive.connect("OWNER")) {
            sampler.start();
            for (int i = 0; i <= PER_USER; i++) { // one more than a network may execute
                for (String network : networks) {
                    HttpResponse<String> r = Archive.request("POST", "/tap/async", "application/x-www-form-urlencoded",
                        Tap.query(List.of(Map.entry("LANG", "ADQL"), Map.entry("PHASE", "RUN"),
                            Map.entry("QUERY", Uws.endless("anon_" + network.split("\\.")[2] + "_" + i)))),
                        null, null, "X-Forwarded-For", network);
                    assertEquals(303, r.statusCode(), r.body());
                    jobs.add(r.headers().firstValue("Location").orElseThrow());
                }
            }
            awaitCount(owner, "phase = 'EXECUTING' AND owner_id IS NULL AND client_network LIKE '10.23.%'", ANONYMOUS);
            assertEquals(networks.size(), scalar(owner, "SELECT count(DISTINCT client_network) AS n FROM archive.uws_job"
                + " WHERE owner_id IS NULL AND client_network LIKE '10.23.%'"),
                "each network is a client of its own (X-Forwarded-For from the trusted balancer)");
            Thread.sleep(2000); // a claim beyond the limit would show by now
        } finally {
            sampling.set(false);
            sampler.join();
            for (String job : jobs) {
                Uws.anonymous().post(job + "/phase", "PHASE", "ABORT");
                Uws.anonymous().delete(job);
            }
        }
        assertEquals(List.of(), List.copyOf(violations));
    }

    /**
     * Every 100 ms, the jobs executing on all nodes per owner (the column named) among those matching: no owner
     * above perOwner, all of them together not above total; what went wrong is collected.
     */
    private static void sample(AtomicBoolean sampling, ConcurrentLinkedQueue<String> violations, String which,
                               String ownerColumn, int perOwner, int total) {
        try (Connection owner = Archive.connect("OWNER"); PreparedStatement s = owner.prepareStatement(
                "SELECT " + ownerColumn + " AS who, count(*) AS n, sum(count(*)) OVER () AS total FROM archive.uws_job"
                    + " WHERE phase = 'EXECUTING' AND " + which + " GROUP BY " + ownerColumn)) {
            while (sampling.get()) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt("n") > perOwner) {
                            violations.add(rs.getString("who") + " executed " + rs.getInt("n") + " jobs at once");
                        }
                        if (rs.getLong("total") > total) {
                            violations.add(rs.getLong("total") + " executing together, more than " + total);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            violations.add("sampling failed: " + e);
        }
    }

    private static void awaitCount(Connection owner, String where, int n) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(owner, where) < n) {
            assertTrue(System.nanoTime() < until, "never " + n + " jobs with " + where + ": " + count(owner, where));
            Thread.sleep(100);
        }
    }

    private static int count(Connection owner, String where) throws Exception {
        return scalar(owner, "SELECT count(*) AS n FROM archive.uws_job WHERE " + where);
    }

    private static int scalar(Connection owner, String sql) throws Exception {
        try (PreparedStatement s = owner.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt("n");
        }
    }

    /** The nodes that execute a number of this test's jobs other than n, with that number. */
    private static Map<String, Integer> executingPerNodeOtherThan(Connection owner, int n) throws Exception {
        Map<String, Integer> odd = new HashMap<>();
        try (PreparedStatement s = owner.prepareStatement("SELECT split_part(executed_by, '/', 1) AS node, count(*) AS n"
                + " FROM archive.uws_job WHERE phase = 'EXECUTING' AND owner_id LIKE 'it-cluster-fair-%' GROUP BY 1");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt("n") != n) {
                    odd.put(rs.getString("node"), rs.getInt("n"));
                }
            }
        }
        return odd;
    }

    /** The URL of one executing job of the user. */
    private static String executingJobOf(Connection owner, String user) throws Exception {
        List<Cluster.JobRow> rows = Cluster.rows(owner, "phase = 'EXECUTING' AND owner_id = ?", user);
        assertTrue(!rows.isEmpty(), user + " executes nothing");
        return Uws.list() + "/" + rows.get(0).id();
    }

    private static void abortAll(Map<String, List<String>> jobs) throws Exception {
        for (Map.Entry<String, List<String>> e : jobs.entrySet()) {
            Uws client = Uws.as(e.getKey(), PASSWORD);
            for (String job : e.getValue()) {
                client.post(job + "/phase", "PHASE", "ABORT");
                client.delete(job);
            }
        }
    }
}
