package org.voarchive.it;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The cluster under test as deploy/cluster hands it over (its {@code env} command; design of issue #23,
 * section 13.1): the nodes' own URLs beside the balancer's ({@code -Darchive.it.baseUrl}), the commands that
 * kill and start a node, the replica's JDBC URL and the commands that pause, resume, stop and start it. A test
 * that needs one of them is skipped where it is not set, so the single-server run skips the cluster tests.
 */
final class Cluster {

    private Cluster() {
    }

    /** A variable of the cluster's environment; the test is skipped (an assumption) without it. */
    static String env(String name) {
        String value = System.getenv(name);
        Assumptions.assumeTrue(value != null && !value.isBlank(), name + " not set: no cluster under test");
        return value;
    }

    /**
     * The nodes, name to base URL, in their order in ARCHIVE_IT_CLUSTER_NODES
     * ({@code node1=http://localhost:8180,node2=http://localhost:8280}); the order gives the index that
     * deploy/cluster's kill-node and start-node take (the first node is 1).
     */
    static Map<String, String> nodes() {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (String entry : env("ARCHIVE_IT_CLUSTER_NODES").split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("ARCHIVE_IT_CLUSTER_NODES: not name=url: " + entry);
            }
            String url = entry.substring(eq + 1).strip();
            nodes.put(entry.substring(0, eq).strip(), url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        Assumptions.assumeTrue(nodes.size() >= 2, "a cluster of one node: nothing to test across nodes");
        return nodes;
    }

    /** A node other than this one. */
    static String other(String node) {
        return nodes().keySet().stream().filter(n -> !n.equals(node)).findFirst().orElseThrow();
    }

    /** Kills a node as a crash would (kill -9: no shutdown hook, no orderly give-back of its jobs). */
    static void kill(String node) throws Exception {
        Archive.shell(env("ARCHIVE_IT_CLUSTER_KILL") + " " + index(node));
    }

    /** Starts a node again and waits until it answers on its own URL. */
    static void start(String node) throws Exception {
        Archive.shell(env("ARCHIVE_IT_CLUSTER_START") + " " + index(node));
        awaitAvailable(nodes().get(node), Duration.ofSeconds(180));
    }

    private static int index(String node) {
        return new ArrayList<>(nodes().keySet()).indexOf(node) + 1;
    }

    /** Waits until a node (or the balancer) says it is available (VOSI availability). */
    static void awaitAvailable(String base, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            try {
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                    URI.create(base + "/tap/availability")).timeout(Duration.ofSeconds(5)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("<vosi:available>true</vosi:available>")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > until) {
                throw new AssertionError(base + " is not available after " + max.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /** A job's URL (as the balancer gave it in Location) on a node's own address. */
    static String onNode(String jobUrl, String node) {
        URI job = URI.create(jobUrl);
        URI base = URI.create(Archive.baseUrl());
        String path = job.getRawPath().substring(base.getRawPath().length());
        return nodes().get(node) + path;
    }

    /** The job's id: the last segment of its URL. */
    static String id(String jobUrl) {
        return jobUrl.substring(jobUrl.lastIndexOf('/') + 1);
    }

    /**
     * A job's row as the cluster records it (V31): the node executing it ({@code executed_by} is
     * {@code <node name>/<incarnation>}; null when none), its attempt and the attempt's start, UWS's start
     * and end times.
     */
    record JobRow(String id, String phase, String node, int attempt, Instant attemptStart, Instant startTime,
                  Instant endTime) {
    }

    static JobRow row(Connection owner, String id) throws SQLException {
        List<JobRow> rows = rows(owner, "job_id = ?", id);
        if (rows.isEmpty()) {
            throw new AssertionError("no job " + id + " in archive.uws_job");
        }
        return rows.get(0);
    }

    /** The rows of the jobs matching a condition on archive.uws_job (with one text parameter, or none). */
    static List<JobRow> rows(Connection owner, String where, String parameter) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("SELECT job_id, phase, split_part(executed_by, '/', 1) AS node,"
                + " attempt, attempt_start, start_time, end_time FROM archive.uws_job WHERE " + where)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            List<JobRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new JobRow(rs.getString("job_id"), rs.getString("phase"), rs.getString("node"),
                        rs.getInt("attempt"), instant(rs.getTimestamp("attempt_start")),
                        instant(rs.getTimestamp("start_time")), instant(rs.getTimestamp("end_time"))));
                }
            }
            return rows;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Waits until the job executes on some node (its row names the node) and returns its row. */
    static JobRow awaitExecuting(Connection owner, String id, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            JobRow row = row(owner, id);
            if ("EXECUTING".equals(row.phase()) && row.node() != null && !row.node().isEmpty()) {
                return row;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("job " + id + " is not executing on a node after " + max.toSeconds() + " s: " + row);
            }
            Thread.sleep(20);
        }
    }

    /** The database's clock now (the cluster's times are all the database's or this machine's). */
    static Instant now(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT clock_timestamp() AS now"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp("now").toInstant();
        }
    }

    /** A connection to the replica (ARCHIVE_IT_REPLICA_URL) as one of the archive's roles. */
    static Connection replica(String role) throws SQLException {
        return DriverManager.getConnection(env("ARCHIVE_IT_REPLICA_URL"),
            Archive.env("ARCHIVE_DB_" + role + "_USER"), Archive.env("ARCHIVE_DB_" + role + "_PASSWORD"));
    }

    /**
     * Whether a statement holding the marker runs now in this database, as the query role sees it (its own
     * sessions' statements; a pooled session shows a statement only while it runs: afterwards its last one is
     * the pool's ROLLBACK).
     */
    static boolean running(Connection query, String marker) throws SQLException {
        try (PreparedStatement s = query.prepareStatement("SELECT count(*) AS n FROM pg_stat_activity WHERE state <> 'idle'"
                + " AND query LIKE ? AND pid <> pg_backend_pid() AND datname = current_database()")) {
            s.setString(1, "%" + marker + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt("n") > 0;
            }
        }
    }

    /** The median and maximum of some milliseconds, for the figures the tests print. */
    static String medianMax(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms (n = "
            + sorted.size() + ")";
    }

    /** Milliseconds from a to b. */
    static long millis(Instant a, Instant b) {
        return Duration.between(a, b).toMillis();
    }
}
