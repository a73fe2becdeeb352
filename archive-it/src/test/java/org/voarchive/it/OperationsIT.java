package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's operations page and its admin API (office.OperationsResource): administrators only; the
 * job queues with an executing job of another user, aborted by an administrator through UWS; the usage
 * statistics counting a TAP query, a cone search, an async job and its result's download, and a datalink
 * file's download against the tables they read; client addresses stored masked only.
 */
class OperationsIT {

    private static final String ADMIN = "it-ops-admin";
    private static final String CURATOR = "it-ops-curator";
    private static final String USER = "it-ops-user";
    private static final String PASSWORD = "it-ops-secret-1";
    private static final List<String> API = List.of("/admin/operations/jobs", "/admin/operations/usage",
        "/admin/operations/tables", "/admin/operations/oai", "/admin/maintenance");

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(CURATOR, PASSWORD, "curator")
        .add(USER, PASSWORD);

    private static HttpResponse<String> as(String user, String method, String path) throws Exception {
        return Archive.send(method, path, null, user, user == null ? null : PASSWORD);
    }

    @Test
    void onlyAdministratorsSeeThePageAndItsApi() throws Exception {
        for (String path : API) {
            HttpResponse<String> admin = as(ADMIN, "GET", path);
            assertEquals(200, admin.statusCode(), path + ": " + admin.body());
            assertTrue(admin.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertEquals(403, as(CURATOR, "GET", path).statusCode(), path);
            assertEquals(403, as(USER, "GET", path).statusCode(), path);
            assertEquals(401, as(null, "GET", path).statusCode(), path);
        }
        assertEquals(403, as(CURATOR, "POST", "/admin/operations/jobs/x/abort").statusCode());
        assertEquals(401, as(null, "POST", "/admin/operations/jobs/x/abort").statusCode());
        assertEquals(404, as(ADMIN, "POST", "/admin/operations/jobs/nosuchjob/abort").statusCode());
        assertEquals(400, as(ADMIN, "GET", "/admin/operations/usage?days=0").statusCode());

        HttpResponse<String> page = as(ADMIN, "GET", "/admin/operations");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-page=\"operations\"") && page.body().contains("<div id=\"queues\""),
            page.body());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(as(ADMIN, "GET", "/admin").body().contains("<a href=\"/admin/operations\">Operations</a>"),
            "the back office's navigation links it for administrators");
        for (String refused : List.of(CURATOR, USER)) {
            HttpResponse<String> r = as(refused, "GET", "/admin/operations");
            assertEquals(403, r.statusCode(), refused);
            assertTrue(r.body().contains("Not open to you"), r.body());
        }
        assertFalse(as(CURATOR, "GET", "/admin").body().contains("admin/operations"), "curators are not shown it");
        HttpResponse<String> anonymous = as(null, "GET", "/admin/operations");
        assertEquals(303, anonymous.statusCode());
        assertEquals(Archive.baseUrl() + "/account?next=" + URLEncoder.encode("/admin/operations", StandardCharsets.UTF_8),
            anonymous.headers().firstValue("Location").orElse(""));
    }

    @Test
    void anAdministratorSeesAnotherUsersExecutingJobInItsQueueAndAbortsIt() throws Exception {
        Uws owner = Uws.as(USER, PASSWORD);
        String job = owner.submit(Uws.endless("ops_abort"));
        String id = job.substring(job.lastIndexOf('/') + 1);
        owner.awaitPhase(job, "EXECUTING", Duration.ofSeconds(60));
        HttpResponse<String> queues = as(ADMIN, "GET", "/admin/operations/jobs");
        assertTrue(queues.body().matches("(?s).*\\{\"id\":\"" + id + "\",\"jobList\":\"tap\",\"phase\":\"EXECUTING\","
            + "\"owner\":\"" + USER + "\",\"anonymous\":false,.*"), queues.body());
        assertTrue(queues.body().matches("(?s).*\"executing\":[1-9].*"), queues.body());

        HttpResponse<String> abort = as(ADMIN, "POST", "/admin/operations/jobs/" + id + "/abort");
        assertEquals(200, abort.statusCode(), abort.body());
        assertEquals("{\"id\":\"" + id + "\",\"before\":\"EXECUTING\",\"phase\":\"ABORTED\"}", abort.body());
        assertEquals("ABORTED", owner.phase(job), "the owner sees it aborted");
        assertFalse(as(ADMIN, "GET", "/admin/operations/jobs").body().contains(id), "no longer in its queue");
        // an ended job stays as it is
        assertEquals("{\"id\":\"" + id + "\",\"before\":\"ABORTED\",\"phase\":\"ABORTED\"}",
            as(ADMIN, "POST", "/admin/operations/jobs/" + id + "/abort").body());
        owner.delete(job);
    }

    @Test
    void anAnonymousJobsOwnerIsShownAsItsMaskedNetworkNeverItsAddress() throws Exception {
        Uws anonymous = Uws.anonymous();
        String job = anonymous.submit(Uws.endless("ops_anonymous"));
        String id = job.substring(job.lastIndexOf('/') + 1);
        try {
            String queues = as(ADMIN, "GET", "/admin/operations/jobs").body();
            java.util.regex.Matcher owner = java.util.regex.Pattern.compile("\\{\"id\":\"" + id
                + "\",\"jobList\":\"tap\",\"phase\":\"(?:QUEUED|EXECUTING)\",\"owner\":\"([^\"]*)\",\"anonymous\":true")
                .matcher(queues);
            assertTrue(owner.find(), queues);
            assertTrue(owner.group(1).matches("anonymous \\(network (\\d+\\.\\d+\\.\\d+\\.0/24|[0-9a-f:]+::/48)\\)"),
                owner.group(1));
        } finally {
            assertEquals(200, as(ADMIN, "POST", "/admin/operations/jobs/" + id + "/abort").statusCode());
            anonymous.delete(job);
        }
    }

    @Test
    void queriesConeSearchesAndDownloadsAreCountedPerDayAndTableWithMaskedAddresses() throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<byte[]> sync = Tap.get(List.of(Map.entry("LANG", "ADQL"),
            Map.entry("QUERY", "SELECT TOP 3 hr FROM demo.bsc5")));
        assertEquals(200, sync.statusCode(), Tap.text(sync));
        assertEquals(200, as(null, "GET", "/scs/demo/kstars?RA=101.28&DEC=-16.71&SR=1").statusCode());
        Uws user = Uws.as(USER, PASSWORD);
        String job = user.submit("SELECT TOP 2 hr FROM demo.bsc5");
        assertTrue(user.awaitEnd(job, Duration.ofSeconds(60)).contains("COMPLETED"));
        assertEquals(200, user.get(job + "/results/result").statusCode());
        // a file of the demo plates' datalinks (a preview, public)
        assertEquals(200, Archive.get("/files/demo/plates/P0001.png").statusCode());

        Map<String, Long> expected = Map.of("TAP_SYNC demo.bsc5", 1L, "CONE_SEARCH demo.kstars", 1L,
            "TAP_ASYNC demo.bsc5", 1L, "RESULT_DOWNLOAD demo.bsc5", 1L, "FILE_DOWNLOAD demo.plates", 1L);
        Map<String, Long> after = counts();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!grown(before, after, expected) && System.nanoTime() < until) { // counted off the requests' path
            Thread.sleep(200);
            after = counts();
        }
        assertTrue(grown(before, after, expected), "before " + before + ", after " + after);
        user.delete(job);

        // the page's API shows today's counts per table
        String usage = as(ADMIN, "GET", "/admin/operations/usage?days=1").body();
        assertTrue(usage.contains("\"kind\":\"CONE_SEARCH\",\"table\":\"demo.kstars\""), usage);
        assertTrue(usage.contains("\"masking\":\"IPv4 addresses as their /24, IPv6 addresses as their /48\""), usage);

        // no address is stored whole: every network is a /24 or a /48 (or none)
        List<String> networks = new ArrayList<>();
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT client_network FROM archive.usage_daily")) {
            while (rs.next()) {
                networks.add(rs.getString("client_network"));
            }
        }
        assertFalse(networks.isEmpty());
        for (String network : networks) {
            assertTrue(network.isEmpty() || network.matches("\\d+\\.\\d+\\.\\d+\\.0/24")
                || network.matches("[0-9a-f:]+::/48"), network);
        }
    }

    private static boolean grown(Map<String, Long> before, Map<String, Long> after, Map<String, Long> by) {
        return by.entrySet().stream().allMatch(e ->
            after.getOrDefault(e.getKey(), 0L) >= before.getOrDefault(e.getKey(), 0L) + e.getValue());
    }

    /** Today's requests by "KIND table", as stored. */
    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(
                "SELECT kind, table_name, SUM(requests) AS requests FROM archive.usage_daily"
                    + " WHERE day = (now() AT TIME ZONE 'UTC')::date GROUP BY kind, table_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString("kind") + " " + rs.getString("table_name"), rs.getLong("requests"));
            }
        }
        return counts;
    }
}
