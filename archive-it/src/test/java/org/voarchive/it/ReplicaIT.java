package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * query carries a number of its own, found again in pg_stat_activity (an idle pooled session shows its last
 * statement). Runs late in the cluster stage: it pauses and stops the replica (and always starts it again).
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

    /** A quick sync query through the balancer that carries the marker; answers its one value. */
    private static String sync(String marker) throws Exception {
        HttpResponse<byte[]> r = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"),
            Map.entry("QUERY", "SELECT TOP 1 " + marker + " AS m FROM demo.bsc5 WHERE hr = 7")));
        assertEquals(200, r.statusCode(), Tap.text(r));
        return Tap.text(r);
    }

    /** Where a marked statement ran: "replica", "primary", "both" or "neither". */
    private static String where(Connection replica, Connection primary, String marker) throws Exception {
        boolean r = Cluster.ranOn(replica, marker);
        boolean p = Cluster.ranOn(primary, marker);
        return r && p ? "both" : r ? "replica" : p ? "primary" : "neither";
    }

    @Test
    void readsGoToTheReplicaWritesUploadsAndJobsToThePrimary() throws Exception {
        Cluster.nodes();
        try (Connection replica = Cluster.replica("QUERY"); Connection primary = Archive.connect("QUERY")) {
            String marker = marker();
            assertTrue(sync(marker).contains(marker));
            assertEquals("replica", where(replica, primary, marker), "a sync query");

            // a cone search: its centre is in the statement
            String ra = "12." + marker.substring(3);
            HttpResponse<String> cone = Archive.send("GET", "/scs/demo/kstars?RA=" + ra + "&DEC=-3.5&SR=0.5", null, null, null);
            assertEquals(200, cone.statusCode(), cone.body());
            assertEquals("replica", where(replica, primary, ra), "a cone search");

            // an upload: temporary tables, impossible on a standby
            String uploaded = marker();
            HttpResponse<byte[]> upload = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
                Tap.Part.field("RESPONSEFORMAT", "csv"),
                Tap.Part.field("QUERY", "SELECT u.id, " + uploaded + " AS m FROM TAP_UPLOAD.mine AS u ORDER BY u.id"),
                Tap.Part.field("UPLOAD", "mine,param:t1"),
                new Tap.Part("t1", "mine.vot", TapSyncIT.UPLOAD.getBytes(StandardCharsets.UTF_8))));
            assertEquals(200, upload.statusCode(), Tap.text(upload));
            assertEquals("primary", where(replica, primary, uploaded), "a query with an upload");

            // an async job
            String async = marker();
            Uws client = Uws.anonymous();
            String job = client.submit("SELECT TOP 1 " + async + " AS m FROM demo.bsc5 WHERE hr = 7");
            try {
                assertEquals("COMPLETED", Uws.phaseOf(client.awaitEnd(job, Duration.ofSeconds(60))));
                assertEquals("primary", where(replica, primary, async), "an async job");
            } finally {
                client.delete(job);
            }
        }
    }

    @Test
    void aReplicaBehindOrDownIsSkippedAndUsedAgainOnceBack() throws Exception {
        Cluster.nodes();
        String pause = Cluster.env("ARCHIVE_IT_REPLICA_PAUSE");
        String resume = Cluster.env("ARCHIVE_IT_REPLICA_RESUME");
        String stop = Cluster.env("ARCHIVE_IT_REPLICA_STOP");
        String start = Cluster.env("ARCHIVE_IT_REPLICA_START");
        String table = "/admin/metadata/tables/demo.bsc5";
        String original = description(Archive.send("GET", table, null, ADMIN, PASSWORD).body());
        try (Connection primary = Archive.connect("QUERY")) {
            try (Connection replica = Cluster.replica("QUERY")) {
                awaitOn("replica", replica, primary, Duration.ofSeconds(30));
                Archive.shell(pause);
                try {
                    // a new metadata generation the paused replica has not seen
                    String changed = "Bright Star Catalogue, as ReplicaIT left it " + marker();
                    describe(table, changed);
                    String marker = marker();
                    HttpResponse<byte[]> r = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"),
                        Map.entry("QUERY", "SELECT description, " + marker + " AS m FROM TAP_SCHEMA.tables"
                            + " WHERE table_name = 'demo.bsc5'")));
                    assertEquals(200, r.statusCode(), Tap.text(r));
                    assertTrue(Tap.text(r).contains(changed), "the query saw the new description: " + Tap.text(r));
                    assertEquals("primary", where(replica, primary, marker), "a query while the replica lags behind");
                } finally {
                    Archive.shell(resume);
                }
                long resumed = System.nanoTime();
                awaitOn("replica", replica, primary, Duration.ofSeconds(30));
                System.out.println("ReplicaIT: reads back on the replica " + (System.nanoTime() - resumed) / 1_000_000
                    + " ms after replay resumed");
            }

            Archive.shell(stop);
            try {
                for (int i = 0; i < 10; i++) {
                    long t = System.nanoTime();
                    String marker = marker();
                    assertTrue(sync(marker).contains(marker));
                    HttpResponse<String> cone = Archive.send("GET", "/scs/demo/kstars?RA=10&DEC=20&SR=0.5", null, null, null);
                    assertEquals(200, cone.statusCode(), cone.body());
                    long took = (System.nanoTime() - t) / 1_000_000;
                    assertTrue(Cluster.ranOn(primary, marker), "with the replica down, the primary answers");
                    if (i > 0) {
                        assertTrue(took < 3000, "a sync query and a cone search took " + took + " ms with the replica down");
                    }
                }
            } finally {
                Archive.shell(start);
            }
            long started = System.nanoTime();
            try (Connection replica = Cluster.replica("QUERY")) {
                awaitOn("replica", replica, primary, Duration.ofSeconds(60));
            }
            System.out.println("ReplicaIT: reads back on the replica " + (System.nanoTime() - started) / 1_000_000
                + " ms after it started again");
        } finally {
            describe(table, original);
        }
    }

    /** Sends marked sync queries until one runs where expected. */
    private static void awaitOn(String expected, Connection replica, Connection primary, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            String marker = marker();
            sync(marker);
            String where = where(replica, primary, marker);
            if (where.equals(expected)) {
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
