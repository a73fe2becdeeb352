package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduled maintenance inside the application: each task visible to admins with its setting and last
 * run, and the OAI-PMH tombstones pruned past their retention. deploy/test runs the server with a reaper
 * every 2 s, table statistics every 2 s, and tombstones kept 30 days, pruned every 2 s.
 */
class MaintenanceIT {

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add("it-maint-admin", "it-maint-secret", "admin");

    @Test
    void tasksAreVisibleToAdminsOnly() throws Exception {
        assertEquals(401, Archive.send("GET", "/admin/maintenance", null, null, null).statusCode());
        Thread.sleep(2500); // every task has run at least once since the server started
        HttpResponse<String> r = Archive.send("GET", "/admin/maintenance", null, "it-maint-admin", "it-maint-secret");
        assertEquals(200, r.statusCode(), r.body());
        for (String task : List.of("uws-reaper", "table-statistics", "oai-tombstones")) {
            assertTrue(r.body().matches("(?s).*\"name\":\"" + task + "\",[^}]*\"intervalSeconds\":2,"
                + "\"enabled\":true,[^}]*\"lastOk\":true.*"), task + " in " + r.body());
        }
        assertTrue(r.body().contains("\"setting\":\"archive.uws.reaper-interval-seconds\""), r.body());
    }

    @Test
    void tombstonesPastTheirRetentionAreForgotten() throws Exception {
        assertEquals("30", Archive.env("ARCHIVE_OAI_DELETED_RETENTION_DAYS"), "run the server as deploy/test does");
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO archive.oai_deleted (id, set_spec, datestamp) VALUES"
                + " ('it-maint-old', 'objects', now() - interval '31 days'),"
                + " ('it-maint-recent', 'objects', now() - interval '29 days')");
            try {
                long deadline = System.currentTimeMillis() + 10_000;
                while (exists(s, "it-maint-old") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertTrue(!exists(s, "it-maint-old"), "a tombstone of 31 days is forgotten");
                assertTrue(exists(s, "it-maint-recent"), "a tombstone of 29 days is kept");
            } finally {
                s.execute("DELETE FROM archive.oai_deleted WHERE id LIKE 'it-maint-%'");
            }
        }
    }

    private static boolean exists(Statement s, String id) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM archive.oai_deleted WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
