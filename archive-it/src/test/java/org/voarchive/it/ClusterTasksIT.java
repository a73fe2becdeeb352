package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every timer runs once per cluster, not once per node (issue #23: archive.cluster_tasks): over a 20 s window
 * with the 2 s intervals deploy/test sets, each task ran at most once per interval (plus one for the window's
 * edges), never two runs closer than 0.8 intervals (two nodes' timers would give about twice the runs, some
 * milliseconds apart); the daily usage retention ran at most once a day; the admin API names the node of each
 * task's last run.
 */
@Tag("cluster")
class ClusterTasksIT {

    private static final String ADMIN = "it-cluster-tasks-admin";
    private static final String PASSWORD = "it-cluster-tasks-secret";
    private static final List<String> TWO_SECONDS = List.of("uws-reaper", "tap-kept-results", "oai-tombstones",
        "account-credentials", "table-statistics");
    private static final long INTERVAL_MS = 2000;
    private static final Duration WINDOW = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @Test
    void eachTimerRunsOncePerCluster() throws Exception {
        Cluster.nodes();
        assertTrue("2".equals(System.getenv("ARCHIVE_UWS_REAPER_INTERVAL_SECONDS")), "run the cluster as deploy/test does");
        try (Connection owner = Archive.connect("OWNER")) {
            Instant from = Cluster.now(owner);
            Thread.sleep(WINDOW.toMillis());
            Instant to = Cluster.now(owner);
            List<String> nodesSeen = new ArrayList<>();
            for (String task : TWO_SECONDS) {
                List<Instant> starts = new ArrayList<>();
                try (PreparedStatement s = owner.prepareStatement("SELECT started_at, node FROM archive.maintenance_runs"
                        + " WHERE task = ? AND started_at >= ? AND started_at < ? ORDER BY started_at")) {
                    s.setString(1, task);
                    s.setTimestamp(2, java.sql.Timestamp.from(from));
                    s.setTimestamp(3, java.sql.Timestamp.from(to));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            starts.add(rs.getTimestamp("started_at").toInstant());
                            if (!nodesSeen.contains(rs.getString("node"))) {
                                nodesSeen.add(rs.getString("node"));
                            }
                        }
                    }
                }
                long max = WINDOW.toMillis() / INTERVAL_MS + 1;
                System.out.println("ClusterTasksIT: " + task + " ran " + starts.size() + " times in " + WINDOW.toSeconds()
                    + " s");
                assertTrue(starts.size() >= WINDOW.toMillis() / INTERVAL_MS / 2, task + " hardly ran: " + starts);
                assertTrue(starts.size() <= max, task + " ran " + starts.size() + " times, more than " + max + ": " + starts);
                for (int i = 1; i < starts.size(); i++) {
                    long apart = Cluster.millis(starts.get(i - 1), starts.get(i));
                    assertTrue(apart >= 0.8 * INTERVAL_MS, task + " ran twice " + apart + " ms apart: " + starts);
                }
            }
            System.out.println("ClusterTasksIT: the runs were made by " + nodesSeen);
            try (PreparedStatement s = owner.prepareStatement("SELECT count(*) AS n FROM archive.maintenance_runs"
                    + " WHERE task = 'usage-retention' AND started_at > now() - interval '1 day'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt("n") <= 1, "the daily usage retention ran " + rs.getInt("n") + " times in a day");
            }
        }
        HttpResponse<String> r = Archive.send("GET", "/admin/maintenance", null, ADMIN, PASSWORD);
        assertTrue(r.statusCode() == 200, r.body());
        for (String task : TWO_SECONDS) {
            assertTrue(r.body().matches("(?s).*\"name\":\"" + task + "\",[^}]*\"lastNode\":\"[^\"]+\".*"),
                task + " has no lastNode in " + r.body());
        }
    }
}
