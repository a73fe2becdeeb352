package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads go to the PostgreSQL streaming replica where that is safe (issue #23, archive.db.replica.*): sync
 * queries and cone searches run there (seen in the replica's pg_stat_activity, not in the primary's);
 * uploads and async jobs on the primary. A replica that has not replayed the metadata generation a request was
 * checked against is skipped (replay paused, a description changed: the next query runs on the primary and
 * sees the change); a stopped replica is skipped without a stall; once it is back, reads return to it. Each
 * query carries a number of its own, looked for in both databases' pg_stat_activity while the query runs (a
 * pooled session shows its statement only while it runs; the queries take about half a second). Runs late in
 * the cluster stage: it pauses and stops the replica (and always starts it again).
 */
@Tag("cluster")
@Order(Integer.MAX_VALUE - 1)
class ReplicaIT {

    private static final String ADMIN = "it-replica-admin";
    private static final String PASSWORD = "it-replica-secret";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    /** A number no other query of the run contains. */
    private static String marker() {
        return Long.toString(7_100_000_000L + ThreadLocalRandom.current().nextLong(800_000_000L));
    }

    /** About half a second of PostgreSQL's time, with the marker in its statement. */
    private static String slow(String marker) {
        return "SELECT COUNT(*) AS n, " + marker + " AS m FROM demo.bsc5 AS a, demo.bsc5 AS b WHERE b.hr < 2000";
    }

    /** A sync query through the balancer; its answer's text. */
    private static String sync(String adql) throws Exception {
        HttpResponse<byte[]> r = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"),
            Map.entry("QUERY", adql)));
        assertEquals(200, r.statusCode(), Tap.text(r));
        return Tap.text(r);
    }

    private interface Request {
        void run() throws Exception;
    }

    /**
     * Where a statement holding the marker ran while the request was under way: "replica", "primary", "both"
     * or "neither" (sampled every 5 ms in both databases as the query role, which sees its own sessions; replica
     * null: the primary only).
     */
    private static String where(Connection replica, Connection primary, String marker, Request request) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                request.run();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        boolean onReplica = false;
        boolean onPrimary = false;
        while (!done.isDone()) {
            onReplica |= replica != null && Cluster.running(replica, marker);
            onPrimary |= Cluster.running(primary, marker);
            Thread.sleep(5);
        }
        done.get(); // the request's own failure, if any
        return onReplica && onPrimary ? "both" : onReplica ? "replica" : onPrimary ? "primary" : "neither";
    }

    @Test
    void readsGoToTheReplicaWritesUploadsAndJobsToThePrimary() throws Exception {
        Cluster.env("ARCHIVE_IT_REPLICA_URL"); // one node is enough: reads go to the replica from any
        try (Connection replica = Cluster.replica("QUERY"); Connection primary = Archive.connect("QUERY")) {
            String marker = marker();
            assertEquals("replica", where(replica, primary, marker, () -> sync(slow(marker))), "a sync query");

            // a cone search: its centre is in the statement; a whole hemisphere, nearest first, takes a while
            String seen = "neither";
            for (int i = 0; i < 20 && seen.equals("neither"); i++) {
                String dec = "89." + marker().substring(4); // positive: the SQL writes a negative one as -(x)
                seen = where(replica, primary, dec, () -> {
                    HttpResponse<String> cone = Archive.send("GET", "/scs/demo/kstars?RA=0&DEC=" + dec + "&SR=60&VERB=1",
                        null, null, null);
                    assertEquals(200, cone.statusCode(), cone.body());
                });
            }
            assertEquals("replica", seen, "a cone search");

            // an upload: temporary tables, impossible on a standby
            String uploaded = marker();
            assertEquals("primary", where(replica, primary, uploaded, () -> {
                HttpResponse<byte[]> upload = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
                    Tap.Part.field("RESPONSEFORMAT", "csv"),
                    Tap.Part.field("QUERY", "SELECT COUNT(*) AS n, " + uploaded + " AS m FROM TAP_UPLOAD.mine AS u,"
                        + " demo.bsc5 AS a, demo.bsc5 AS b WHERE b.hr < 700"),
                    Tap.Part.field("UPLOAD", "mine,param:t1"),
                    new Tap.Part("t1", "mine.vot", TapSyncIT.UPLOAD.getBytes(StandardCharsets.UTF_8))));
                assertEquals(200, upload.statusCode(), Tap.text(upload));
            }), "a query with an upload");

            // an async job
            String async = marker();
            Uws client = Uws.anonymous();
            String job = client.submit(slow(async));
            try {
                assertEquals("primary", where(replica, primary, async,
                    () -> assertEquals("COMPLETED", Uws.phaseOf(client.awaitEnd(job, Duration.ofSeconds(60))))),
                    "an async job");
            } finally {
                client.delete(job);
            }
        }
    }

    @Test
    void aReplicaBehindOrDownIsSkippedAndUsedAgainOnceBack() throws Exception {
        Cluster.env("ARCHIVE_IT_REPLICA_URL"); // one node is enough: reads go to the replica from any
        String pause = Cluster.env("ARCHIVE_IT_REPLICA_PAUSE");
        String resume = Cluster.env("ARCHIVE_IT_REPLICA_RESUME");
        String stop = Cluster.env("ARCHIVE_IT_REPLICA_STOP");
        String start = Cluster.env("ARCHIVE_IT_REPLICA_START");
        String table = "/admin/metadata/tables/demo.bsc5";
        String original = description(Archive.send("GET", table, null, ADMIN, PASSWORD).body());
        try (Connection primary = Archive.connect("QUERY")) {
            try (Connection replica = Cluster.replica("QUERY")) {
                awaitOnReplica(replica, primary, Duration.ofSeconds(30));
                Archive.shell(pause);
                try {
                    // a new metadata generation the paused replica has not seen
                    String changed = "Bright Star Catalogue, as ReplicaIT left it " + marker();
                    describe(table, changed);
                    String marker = marker();
                    String[] answer = new String[1];
                    assertEquals("primary", where(replica, primary, marker, () -> answer[0] = sync("SELECT t.description,"
                        + " COUNT(*) AS n, " + marker + " AS m FROM TAP_SCHEMA.tables AS t, demo.bsc5 AS a, demo.bsc5 AS b"
                        + " WHERE t.table_name = 'demo.bsc5' AND b.hr < 2000 GROUP BY t.description")),
                        "a query while the replica has not replayed the metadata it was checked against");
                    assertTrue(answer[0].contains(changed), "the query saw the new description: " + answer[0]);
                } finally {
                    Archive.shell(resume);
                }
                long resumed = System.nanoTime();
                awaitOnReplica(replica, primary, Duration.ofSeconds(30));
                System.out.println("ReplicaIT: reads back on the replica " + (System.nanoTime() - resumed) / 1_000_000
                    + " ms after replay resumed");
            }

            Archive.shell(stop);
            try {
                String marker = marker();
                assertEquals("primary", where(null, primary, marker, () -> sync(slow(marker))),
                    "with the replica down, the primary answers");
                for (int i = 0; i < 10; i++) {
                    long t = System.nanoTime();
                    assertTrue(sync("SELECT TOP 1 hr FROM demo.bsc5 WHERE hr = 7").contains("7"));
                    HttpResponse<String> cone = Archive.send("GET", "/scs/demo/kstars?RA=10&DEC=20&SR=0.5", null, null, null);
                    assertEquals(200, cone.statusCode(), cone.body());
                    long took = (System.nanoTime() - t) / 1_000_000;
                    assertTrue(took < 3000, "a sync query and a cone search took " + took + " ms with the replica down");
                }
            } finally {
                Archive.shell(start);
            }
            long started = System.nanoTime();
            try (Connection replica = Cluster.replica("QUERY")) {
                awaitOnReplica(replica, primary, Duration.ofSeconds(60));
            }
            System.out.println("ReplicaIT: reads back on the replica " + (System.nanoTime() - started) / 1_000_000
                + " ms after it started again");
        } finally {
            describe(table, original);
        }
    }

    /** Sends marked sync queries until one runs on the replica. */
    private static void awaitOnReplica(Connection replica, Connection primary, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            String marker = marker();
            String where = where(replica, primary, marker, () -> sync(slow(marker)));
            if (where.equals("replica")) {
                return;
            }
            assertTrue(System.nanoTime() < until, "sync queries still run on the " + where + " after " + max.toSeconds() + " s");
            Thread.sleep(500);
        }
    }

    private static String description(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"description\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    /** Sets the table's description through the admin API (the description given JSON-escaped already). */
    private static void describe(String table, String escaped) throws Exception {
        int version = Archive.version(Archive.send("GET", table, null, ADMIN, PASSWORD).body());
        HttpResponse<String> put = Archive.send("PUT", table, "{\"description\":\"" + escaped + "\",\"version\":" + version
            + "}", ADMIN, PASSWORD);
        assertEquals(200, put.statusCode(), put.body());
    }
}
