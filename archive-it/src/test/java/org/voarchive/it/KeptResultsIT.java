package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
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
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.tap.KeptSchemas;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Completed async TAP results kept as tables (tap.KeptResults, migrations V26 and V29: the table is made on first
 * use, once, also when several first reads come together or the job is destroyed meanwhile) and read again: pages of the portal's
 * JSON endpoint written as TAP's JSON results write them, sorted as the same query with ORDER BY, downloads in
 * TAP's formats that STIL reads, the owner's ADQL on their kept table (and nobody else's), access as the UWS
 * job's, refusals, the table dropped with its job, the quota, and the page time of a million-row result. Checked
 * in PostgreSQL too: where the tables live and who may read them.
 */
class KeptResultsIT {

    private static final String SCHEMA = "it_kept";
    private static final String TABLE = SCHEMA + ".vals";
    private static final int ROWS = 300;
    private static final String ALL = "SELECT * FROM " + TABLE + " ORDER BY id";
    private static final String ADMIN = "it-kept-admin";
    /** Not a plain name (a dash): the schema name gets a hash. */
    private static final String ALICE = "it-kept-alice";
    private static final String BOB = "it-kept-bob";
    private static final String CAROL = "it-kept-carol";
    private static final String PASSWORD = "it-kept-secret";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration JOB_TIME = Duration.ofSeconds(120);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(ALICE, PASSWORD).add(BOB, PASSWORD)
        .add(CAROL, PASSWORD);

    /** The jobs made here (URL, owner), deleted at the end while their owners can still sign in. */
    private static final List<Map.Entry<String, String>> JOBS = new ArrayList<>();

    /** Values whose PostgreSQL text needs care in COPY: quotes, separators, backslashes, line ends, NULL, NaN. */
    @BeforeAll
    static void scratchTable() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE " + TABLE + " (id integer PRIMARY KEY, label text, x double precision, f real,"
                + " n bigint, small smallint, num numeric, flag boolean, t timestamptz, d date, arr double precision[],"
                + " p spoint, \"MixedCase\" integer)");
            s.execute("COMMENT ON COLUMN " + TABLE + ".label IS 'A label with odd characters'");
            s.execute("""
                INSERT INTO it_kept.vals
                SELECT i,
                       CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'quote " comma , semicolon ;'
                                  WHEN 2 THEN E'tab\\there\\nnewline\\r\\nCRLF' WHEN 3 THEN E'back\\\\slash \\\\N'
                                  WHEN 4 THEN '' WHEN 5 THEN 'Ünïcödé ✓ 星' ELSE 'plain ' || i END,
                       CASE WHEN i % 11 = 0 THEN NULL WHEN i % 13 = 0 THEN 'NaN'::float8 ELSE (i * 37 % 101) / 7.0 END,
                       (i % 17) / 3.0, i::bigint * 1000000007, (i % 5 - 2)::smallint, i / 8.0,
                       CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END,
                       timestamptz '2020-01-01 00:00:00+00' + i * interval '1 hour 1.5 second',
                       date '2000-01-01' + i,
                       CASE WHEN i % 9 = 0 THEN NULL ELSE ARRAY[i, i / 3.0, -i] END,
                       spoint(radians(i % 360), radians(i % 180 - 90)), i % 4
                  FROM generate_series(1, 300) i""");
        }
        Archive.discoverAndPublish(SCHEMA, ADMIN, PASSWORD);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Map.Entry<String, String> job : JOBS) {
            client(job.getValue()).delete(job.getKey());
        }
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
        }
    }

    // ---- helpers

    private static Uws client(String user) {
        return user == null ? Uws.anonymous() : Uws.as(user, PASSWORD);
    }

    /** A job of {@code user} (null: anonymous) that has completed; returns its URL. */
    private static String completed(String user, String adql, String... more) throws Exception {
        String job = submitted(user, adql, more);
        String doc = client(user).awaitEnd(job, JOB_TIME);
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        return job;
    }

    private static String submitted(String user, String adql, String... more) throws Exception {
        String job = client(user).submit(adql, more);
        JOBS.add(new java.util.AbstractMap.SimpleEntry<>(job, user));
        return job;
    }

    private static String id(String job) {
        return job.substring(job.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> page(String user, String job, String query) throws Exception {
        return Archive.request("GET", "/portal/results/" + id(job) + query, null, null, user, PASSWORD);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** A page that must be there. */
    private static JsonObject okPage(String user, String job, String query) throws Exception {
        HttpResponse<String> r = page(user, job, query);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().map().toString());
        return json(r.body());
    }

    /** The page's error, with its status checked. */
    private static String refused(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().map().toString());
        return json(r.body()).getString("error");
    }

    /** A sync query's result in TAP's JSON format. */
    private static HttpResponse<String> sync(String user, String adql) throws Exception {
        String form = Tap.query(List.of(Map.entry("LANG", "ADQL"), Map.entry("FORMAT", "json"), Map.entry("QUERY", adql)));
        return Archive.request("POST", "/tap/sync", FORM, form, user, PASSWORD);
    }

    private static JsonObject syncResult(String user, String adql) throws Exception {
        HttpResponse<String> r = sync(user, adql);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private static List<JsonValue> rows(JsonArray data, int from, int to) {
        return data.subList(Math.min(from, data.size()), Math.min(to, data.size()));
    }

    private static String kept(String user, String job) {
        return (user == null ? KeptSchemas.ANONYMOUS : KeptSchemas.userSchema(user)) + ".job_" + id(job);
    }

    private static boolean tableExists(String qualified) throws Exception {
        try (Connection c = Archive.connect("OWNER");
             PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualified);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String scalar(String sql, Object... parameters) throws Exception {
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- tests

    @Test
    void aCompletedResultIsKeptAndPagedAsTapWritesIt() throws Exception {
        String job = completed(ALICE, ALL);
        assertFalse(tableExists(kept(ALICE, job)), "the table is made on first use");
        assertEquals("false", scalar("SELECT CAST(made AS text) FROM archive.kept_results WHERE job_id = ?", id(job)));
        assertTrue(Long.parseLong(scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id(job))) > 0,
            "until then the file of its rows counts in the quota");
        JsonObject sync = syncResult(ALICE, ALL);
        JsonObject first = okPage(ALICE, job, "?offset=0&limit=100");
        assertEquals(id(job), first.getString("job"));
        assertEquals(ROWS, first.getInt("rows"));
        assertFalse(first.getBoolean("overflow"));
        assertEquals(0, first.getInt("offset"));
        assertEquals(100, first.getInt("limit"));
        assertTrue(first.isNull("sort"));
        assertEquals("asc", first.getString("order"));
        assertEquals(ALL, first.getString("query"));
        assertEquals(List.of(TABLE), first.getJsonArray("sourceTables").getValuesAs(jakarta.json.JsonString::getString));
        // the columns as TAP's JSON describes them, and whether they hold Datalink IDs
        JsonArray columns = first.getJsonArray("columns");
        JsonArray tapColumns = sync.getJsonArray("columns");
        assertEquals(tapColumns.size(), columns.size());
        for (int i = 0; i < columns.size(); i++) {
            JsonObject column = columns.getJsonObject(i);
            assertFalse(column.getBoolean("datalink"), column.toString());
            assertEquals(tapColumns.getJsonObject(i), Json.createObjectBuilder(column).remove("datalink").build());
        }
        assertEquals("A label with odd characters", columns.getJsonObject(1).getString("description"));
        assertEquals("MixedCase", columns.getJsonObject(12).getString("name"));
        // every value as the same query's TAP JSON has it: what COPY took in came back the same
        JsonArray all = sync.getJsonArray("data");
        assertEquals(rows(all, 0, 100), first.getJsonArray("data"));
        assertEquals(rows(all, 250, 300), okPage(ALICE, job, "?offset=250&limit=100").getJsonArray("data"));
        assertEquals(rows(all, 100, 1000), okPage(ALICE, job, "?offset=100&limit=1000").getJsonArray("data"));
        assertEquals(0, okPage(ALICE, job, "?offset=300").getJsonArray("data").size());
        assertEquals(100, okPage(ALICE, job, "").getJsonArray("data").size(), "100 rows a page unless asked");
        // where it lives, what it takes of the quota, who may read it
        String table = kept(ALICE, job);
        assertEquals(KeptSchemas.userSchema(ALICE) + "|job_" + id(job) + "|300|false|true", scalar(
            "SELECT schema_name || '|' || table_name || '|' || row_count || '|' || overflow || '|' || made FROM archive.kept_results"
                + " WHERE job_id = ? AND owner = ?", id(job), ALICE));
        assertEquals(scalar("SELECT pg_total_relation_size(CAST(? AS regclass))", table),
            scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id(job)));
        String query = Archive.env("ARCHIVE_DB_QUERY_USER");
        assertEquals("true|false|true|false", scalar("SELECT has_schema_privilege(?, ?, 'USAGE') || '|' || has_schema_privilege(?, ?, 'USAGE')"
            + " || '|' || has_table_privilege(?, ?, 'SELECT') || '|' || has_table_privilege(?, ?, 'SELECT')",
            query, KeptSchemas.userSchema(ALICE), query + "_public", KeptSchemas.userSchema(ALICE),
            query, table, query + "_public", table), "the owner's ADQL may read it; anonymous callers' role not");
        assertEquals("0", scalar("SELECT count(*) FROM archive.schemas WHERE name = ?", KeptSchemas.userSchema(ALICE)),
            "never published metadata");
    }

    @Test
    void sortedPagesAreOrderedAsTheSameQueryWithOrderBy() throws Exception {
        String job = completed(ALICE, ALL);
        for (String column : List.of("x", "label", "t", "flag", "n", "MixedCase")) {
            for (String order : List.of("asc", "desc")) {
                String direction = order.toUpperCase(java.util.Locale.ROOT);
                String name = column.equals("MixedCase") ? "\"MixedCase\"" : column;
                JsonArray expected = syncResult(ALICE, "SELECT * FROM " + TABLE + " ORDER BY " + name + " " + direction
                    + ", id " + direction).getJsonArray("data");
                JsonObject page = okPage(ALICE, job, "?limit=1000&sort=" + encoded(column) + "&order=" + order);
                assertEquals(column, page.getString("sort"));
                assertEquals(order, page.getString("order"));
                assertEquals(expected, page.getJsonArray("data"), column + " " + order);
                assertEquals(rows(expected, 250, 300),
                    okPage(ALICE, job, "?offset=250&limit=100&sort=" + encoded(column) + "&order=" + order).getJsonArray("data"),
                    "a deep page of " + column + " " + order);
            }
        }
        assertTrue(refused(400, page(ALICE, job, "?sort=arr")).startsWith("cannot sort by arr"));
        assertTrue(refused(400, page(ALICE, job, "?sort=p")).startsWith("cannot sort by p"));
        assertTrue(tableExists(KeptSchemas.userSchema(ALICE) + ".job_" + id(job) + "_sort_3"), "the index of x");
        assertEquals(scalar("SELECT pg_total_relation_size(CAST(? AS regclass))", kept(ALICE, job)),
            scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id(job)), "sort indexes count in the quota");
    }

    @Test
    void requestsTheResultCannotAnswerAreRefused() throws Exception {
        String job = completed(ALICE, "SELECT id FROM " + TABLE + " WHERE id <= 10");
        for (String bad : List.of("?limit=0", "?limit=1001", "?limit=ten", "?offset=-1", "?offset=1.5", "?order=up",
                "?sort=", "?sort=nope", "?offset=1&offset=2")) {
            refused(400, page(ALICE, job, bad));
        }
        assertTrue(refused(400, page(ALICE, job, "?limit=1001")).contains("1000"));
        assertTrue(refused(404, Archive.request("GET", "/portal/results/0123456789abcdef01234567", null, null, ALICE,
            PASSWORD)).contains("0123456789abcdef01234567"));
        assertTrue(refused(403, page(BOB, job, "")).contains("another user"));
        HttpResponse<String> anonymous = page(null, job, "");
        refused(401, anonymous);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Session"),
            "the sign-in form's challenge, not Basic (a browser's login dialog)");
        refused(403, Archive.request("GET", "/portal/results/" + id(job) + "/download?FORMAT=csv", null, null, BOB, PASSWORD));
        refused(400, Archive.request("GET", "/portal/results/" + id(job) + "/download?FORMAT=nope", null, null, ALICE,
            PASSWORD));
        // a job that has not finished
        String running = submitted(ALICE, Uws.endless("it_kept_running"));
        client(ALICE).awaitPhase(running, "EXECUTING", Duration.ofSeconds(30));
        assertTrue(refused(409, page(ALICE, running, "")).contains("COMPLETED"));
        refused(409, Archive.request("GET", "/portal/results/" + id(running) + "/download", null, null, ALICE, PASSWORD));
        assertEquals(303, client(ALICE).delete(running).statusCode());
        assertFalse(tableExists(kept(ALICE, running)), "an aborted job keeps nothing");
    }

    @Test
    void theOwnerQueriesTheKeptTableInAdqlAndNobodyElse() throws Exception {
        String job = completed(ALICE, ALL);
        String table = kept(ALICE, job);
        String part = "SELECT id, label, x, t, arr FROM %s WHERE x > 5 ORDER BY id";
        assertEquals(syncResult(ALICE, part.formatted(TABLE)).getJsonArray("data"),
            syncResult(ALICE, part.formatted(table)).getJsonArray("data"));
        JsonObject whole = syncResult(ALICE, "SELECT * FROM " + table);
        assertEquals(13, whole.getJsonArray("columns").size(), "no row number among the columns");
        assertEquals(ROWS, whole.getJsonArray("data").size());
        assertEquals("A label with odd characters",
            whole.getJsonArray("columns").getJsonObject(1).getString("description"), "the stored metadata");
        assertTrue(sync(ALICE, "SELECT archive_row FROM " + table).body().contains("archive_row not found"));
        for (String other : new String[] {BOB, null}) {
            HttpResponse<String> r = sync(other, "SELECT * FROM " + table);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("not found"), r.body());
        }
        // through UWS too; that job's result is kept as well
        String count = completed(ALICE, "SELECT COUNT(*) AS n FROM " + table + " WHERE x > 5");
        JsonObject counted = okPage(ALICE, count, "");
        assertEquals(syncResult(ALICE, "SELECT COUNT(*) AS n FROM " + TABLE + " WHERE x > 5").getJsonArray("data"),
            counted.getJsonArray("data"));
        // what the kept result was read from, which its user cites: not the kept table, which has no landing page
        assertEquals(List.of(TABLE), counted.getJsonArray("sourceTables").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void deletingTheJobDropsItsTable() throws Exception {
        String job = completed(ALICE, "SELECT id, label FROM " + TABLE + " WHERE id <= 10");
        String table = kept(ALICE, job);
        assertEquals(10, okPage(ALICE, job, "").getInt("rows"));
        assertTrue(tableExists(table));
        assertEquals(303, client(ALICE).delete(job).statusCode());
        refused(404, page(ALICE, job, ""));
        assertEquals(400, sync(ALICE, "SELECT * FROM " + table).statusCode());
        assertFalse(tableExists(table));
        assertEquals("0", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(job)));
    }

    @Test
    void aJobDeletedBeforeItsResultWasReadLeavesNothing() throws Exception {
        String job = completed(ALICE, "SELECT id, label FROM " + TABLE + " WHERE id <= 10");
        assertEquals("1", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(job)));
        assertEquals(303, client(ALICE).delete(job).statusCode());
        refused(404, page(ALICE, job, ""));
        assertEquals(400, sync(ALICE, "SELECT * FROM " + kept(ALICE, job)).statusCode());
        assertFalse(tableExists(kept(ALICE, job)));
        assertEquals("0", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(job)));
    }

    /** First reads that come together (pages, a download, the owner's ADQL) make the table once and all answer. */
    @Test
    void firstReadsAtOnceMakeTheTableOnce() throws Exception {
        String job = completed(ALICE, ALL);
        String table = kept(ALICE, job);
        assertFalse(tableExists(table));
        JsonArray expected = syncResult(ALICE, ALL).getJsonArray("data");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> pages = new ArrayList<>();
            List<java.util.concurrent.Future<HttpResponse<String>>> queries = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 5; i++) {
                pages.add(pool.submit(() -> {
                    start.await();
                    return page(ALICE, job, "?limit=1000");
                }));
            }
            for (int i = 0; i < 2; i++) {
                queries.add(pool.submit(() -> {
                    start.await();
                    return sync(ALICE, "SELECT * FROM " + table + " ORDER BY id");
                }));
            }
            java.util.concurrent.Future<HttpResponse<byte[]>> download = pool.submit(() -> {
                start.await();
                return client(ALICE).getBytes(Archive.baseUrl() + "/portal/results/" + id(job) + "/download?FORMAT=csv");
            });
            start.countDown();
            for (var page : pages) {
                HttpResponse<String> r = page.get();
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(expected, json(r.body()).getJsonArray("data"));
            }
            for (var query : queries) {
                HttpResponse<String> r = query.get();
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(expected, json(r.body()).getJsonArray("data"));
            }
            assertEquals(200, download.get().statusCode());
            assertEquals(ROWS, count(Tap.table(download.get().body(), "csv")));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(tableExists(table));
        assertEquals("true|" + ROWS, scalar("SELECT made || '|' || row_count FROM archive.kept_results WHERE job_id = ?", id(job)));
        assertEquals(scalar("SELECT pg_total_relation_size(CAST(? AS regclass))", table),
            scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id(job)), "the table replaced its file in the quota");
    }

    /**
     * A job destroyed while first reads make its table: every read answers the rows or 404, never a fault, and
     * nothing of the job is left (a table made as the job went is the sweep's; needs a quick sweep to check it).
     */
    @Test
    void aJobDestroyedWhileItsTableIsMadeLeavesNothing() throws Exception {
        for (int round = 0; round < 3; round++) {
            String job = completed(ALICE, ALL);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<HttpResponse<String>>> pages = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    pages.add(pool.submit(() -> {
                        start.await();
                        return page(ALICE, job, "?limit=10");
                    }));
                }
                java.util.concurrent.Future<HttpResponse<String>> deleted = pool.submit(() -> {
                    start.await();
                    return client(ALICE).delete(job);
                });
                start.countDown();
                assertEquals(303, deleted.get().statusCode());
                for (var page : pages) {
                    HttpResponse<String> r = page.get();
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 404, r.statusCode() + " " + r.body());
                }
            } finally {
                pool.shutdownNow();
            }
            refused(404, page(ALICE, job, ""));
            assertEquals("0", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(job)));
            String interval = System.getenv("ARCHIVE_TAP_KEPT_RESULTS_SWEEP_INTERVAL_SECONDS");
            if (interval != null && Integer.parseInt(interval) <= 5) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (tableExists(kept(ALICE, job)) && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                assertFalse(tableExists(kept(ALICE, job)), "no table outlives its job");
            }
        }
    }

    /**
     * A result kept when its job completed whose table no longer fits when it is first read (the owner's other
     * jobs took the quota meanwhile) is not kept: a 404 saying so, no table, no record, nothing in the quota.
     */
    @Test
    void aTableThatNoLongerFitsWhenFirstReadIsNotKept() throws Exception {
        long quota = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_QUOTA_BYTES"));
        String job = completed(CAROL, "SELECT id, label FROM " + TABLE + " WHERE id <= 50");
        String other = completed(CAROL, "SELECT id FROM " + TABLE + " WHERE id = 1");
        try {
            long used = Long.parseLong(scalar("SELECT SUM(result_bytes + upload_bytes + table_bytes) FROM archive.uws_job"
                + " WHERE owner_id = ?", CAROL));
            // the other job's uploads take all but 1000 bytes: less than a table takes (8 KiB a page, and its key)
            try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(
                    "UPDATE archive.uws_job SET upload_bytes = upload_bytes + ? WHERE job_id = ?")) {
                s.setLong(1, quota - used - 1000);
                s.setString(2, id(other));
                s.executeUpdate();
            }
            assertTrue(refused(404, page(CAROL, job, "")).contains("not kept"));
            assertFalse(tableExists(kept(CAROL, job)));
            assertEquals("0", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(job)));
            assertEquals("0", scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id(job)));
            assertEquals(200, client(CAROL).getBytes(job + "/results/result").statusCode(), "the result file is there");
        } finally {
            assertEquals(303, client(CAROL).delete(other).statusCode());
        }
    }

    @Test
    void anonymousResultsAreAnyonesWithTheIdAndNoQueryRolesAtAll() throws Exception {
        String job = completed(null, "SELECT id, label FROM " + TABLE + " WHERE id <= 20 ORDER BY id");
        assertEquals(20, okPage(null, job, "").getInt("rows"));
        assertEquals(20, okPage(BOB, job, "").getInt("rows"), "as its UWS job: anyone holding the id");
        String table = kept(null, job);
        assertTrue(table.startsWith("anonymous_results."), table);
        assertTrue(tableExists(table));
        String query = Archive.env("ARCHIVE_DB_QUERY_USER");
        assertEquals("false|false|false", scalar("SELECT has_schema_privilege(?, 'anonymous_results', 'USAGE') || '|'"
            + " || has_schema_privilege(?, 'anonymous_results', 'USAGE') || '|' || has_table_privilege(?, ?, 'SELECT')",
            query, query + "_public", query, table));
        assertEquals(400, sync(null, "SELECT * FROM " + table).statusCode());
        assertEquals("", Objects.toString(scalar("SELECT owner FROM archive.kept_results WHERE job_id = ?", id(job)), ""));
    }

    @Test
    void aTableOverTheQuotaIsNotKeptAndTheJobCompletesAllTheSame() throws Exception {
        long quota = Long.parseLong(Archive.env("ARCHIVE_UWS_USER_QUOTA_BYTES"));
        Assumptions.assumeTrue(quota <= 40_000_000, "run the server with ARCHIVE_UWS_USER_QUOTA_BYTES <= 4e7 (deploy/test does)");
        // a CSV file of 7 bytes a row or less; a table of 40 bytes a row or more (tuple header, values, key)
        long rows = Math.min(1_500_000, quota / 30);
        String job = completed(CAROL, "SELECT TOP " + rows + " k.star_id FROM demo.kstars AS k, demo.plates AS p",
            "MAXREC", Long.toString(rows), "RESPONSEFORMAT", "csv");
        assertEquals(200, client(CAROL).getBytes(job + "/results/result").statusCode(), "the result file is there");
        assertTrue(refused(404, page(CAROL, job, "")).contains("not kept"));
        assertFalse(tableExists(kept(CAROL, job)));
        assertEquals("0", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(job)));
        assertEquals("0", scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id(job)));
        assertEquals(303, client(CAROL).delete(job).statusCode());
    }

    @Test
    void downloadsAreTapResultsThatStilReads() throws Exception {
        String job = completed(ALICE, ALL, "MAXREC", "120");
        JsonObject first = okPage(ALICE, job, "");
        assertEquals(120, first.getInt("rows"));
        assertTrue(first.getBoolean("overflow"), "MAXREC cut it");
        StarTable original = Tap.table(client(ALICE).getBytes(job + "/results/result").body(), "votable");
        for (String format : List.of("votable", "votable/td", "csv", "fits", "parquet")) {
            HttpResponse<byte[]> r = client(ALICE).getBytes(Archive.baseUrl() + "/portal/results/" + id(job)
                + "/download?FORMAT=" + encoded(format));
            assertEquals(200, r.statusCode(), format);
            String extension = format.startsWith("votable") ? "vot" : format;
            assertEquals("attachment; filename=\"job_" + id(job) + "." + extension + "\"",
                r.headers().firstValue("Content-Disposition").orElse(""), format);
            StarTable table = Tap.table(r.body(), format.startsWith("votable") ? "votable" : format);
            assertEquals(original.getColumnCount(), table.getColumnCount(), format);
            assertEquals(120, count(table), format);
            if (format.startsWith("votable")) {
                String text = new String(r.body(), StandardCharsets.UTF_8);
                assertTrue(text.contains("name=\"QUERY_STATUS\" value=\"OVERFLOW\""), "as the job's result said");
                assertTrue(text.contains("value=\"" + TABLE + "\""), "the source table");
                if (format.equals("votable")) { // the job's own format (TABLEDATA's XML reads CR LF as LF)
                    assertSameCells(original, table);
                }
            }
        }
        HttpResponse<byte[]> sorted = client(ALICE).getBytes(Archive.baseUrl() + "/portal/results/" + id(job)
            + "/download?FORMAT=csv&sort=id&order=desc");
        StarTable descending = Tap.table(sorted.body(), "csv");
        try (RowSequence rows = descending.getRowSequence()) {
            assertTrue(rows.next());
            assertEquals("120", String.valueOf(rows.getCell(0)));
        }
    }

    private static long count(StarTable table) throws Exception {
        long n = 0;
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                n++;
            }
        }
        return n;
    }

    /** Two tables with the same values, cell by cell (arrays element by element), of the same Java classes. */
    private static void assertSameCells(StarTable expected, StarTable actual) throws Exception {
        try (RowSequence a = expected.getRowSequence(); RowSequence b = actual.getRowSequence()) {
            for (long row = 0; a.next(); row++) {
                assertTrue(b.next(), "row " + row + " missing");
                for (int i = 0; i < expected.getColumnCount(); i++) {
                    Object x = a.getCell(i);
                    Object y = b.getCell(i);
                    String where = "row " + row + ", " + expected.getColumnInfo(i).getName() + ": " + describe(x) + " / "
                        + describe(y);
                    assertEquals(x == null ? null : x.getClass(), y == null ? null : y.getClass(), where);
                    assertTrue(Objects.deepEquals(x, y), where);
                }
            }
            assertFalse(b.next(), "more rows than expected");
        }
    }

    private static String describe(Object cell) {
        if (cell == null) {
            return "null";
        }
        String value = cell.getClass().isArray() ? java.util.Arrays.deepToString(new Object[] {cell}) : cell.toString();
        return value + " (" + cell.getClass().getSimpleName() + ")";
    }

    @Test
    void discoveryRefusesTheSchemasOfKeptResults() throws Exception {
        completed(ALICE, "SELECT id FROM " + TABLE + " WHERE id = 1");
        for (String schema : List.of(KeptSchemas.ANONYMOUS, KeptSchemas.userSchema(ALICE))) {
            HttpResponse<String> r = Archive.send("POST", "/admin/metadata/discover?schema=" + schema, null, ADMIN, PASSWORD);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("kept"), r.body());
        }
    }

    /** A table whose record is gone, and a record whose table is, are swept away (needs a quick sweep). */
    @Test
    void keptResultsWithoutTheirRecordOrTableAreSwept() throws Exception {
        String interval = System.getenv("ARCHIVE_TAP_KEPT_RESULTS_SWEEP_INTERVAL_SECONDS");
        Assumptions.assumeTrue(interval != null && Integer.parseInt(interval) <= 5,
            "run the server with ARCHIVE_TAP_KEPT_RESULTS_SWEEP_INTERVAL_SECONDS <= 5 (deploy/test does)");
        String tableLeft = completed(ALICE, "SELECT id FROM " + TABLE + " WHERE id <= 2");
        String recordLeft = completed(ALICE, "SELECT id FROM " + TABLE + " WHERE id <= 3");
        okPage(ALICE, tableLeft, ""); // their tables are made on first use
        okPage(ALICE, recordLeft, "");
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(
                "DELETE FROM archive.kept_results WHERE job_id = ?")) {
            s.setString(1, id(tableLeft)); // as a crash between the record's delete and the table's drop would
            s.executeUpdate();
        }
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + kept(ALICE, recordLeft)); // the owner role owns the user's schema
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((tableExists(kept(ALICE, tableLeft)) || !"0".equals(scalar(
                "SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(recordLeft))))
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertFalse(tableExists(kept(ALICE, tableLeft)), "the table without its record is dropped");
        assertEquals("0", scalar("SELECT count(*) FROM archive.kept_results WHERE job_id = ?", id(recordLeft)),
            "the record without its table is deleted");
        refused(404, page(ALICE, tableLeft, ""));
        refused(404, page(ALICE, recordLeft, ""));
        HttpResponse<String> tasks = Archive.send("GET", "/admin/maintenance", null, ADMIN, PASSWORD);
        assertTrue(tasks.body().matches("(?s).*\"name\":\"tap-kept-results\",[^}]*\"lastOk\":true.*"), tasks.body());
    }

    /**
     * The portal's target: any page of a million-row result (10 columns) in under 300 ms, in the result's order
     * or sorted (once the first sort by a column has built its index). Needs a quota for 300 MB of file and table.
     */
    @Test
    void anyPageOfAMillionRowsTakesUnder300Milliseconds() throws Exception {
        long quota = Long.parseLong(Objects.requireNonNullElse(System.getenv("ARCHIVE_UWS_USER_QUOTA_BYTES"), "10737418240"));
        Assumptions.assumeTrue(quota >= 1_000_000_000L, "needs a quota of 1 GB or more (deploy/test runs with 2e7)");
        String job = completed(ALICE, "SELECT TOP 1000000 k.star_id, k.ra, k.dec, k.vmag, k.b_v, k.sptype, k.parallax,"
            + " p.plate_id, p.obs_date, p.exposure FROM demo.kstars AS k, demo.plates AS p", "MAXREC", "1000000");
        assertEquals(1_000_000, okPage(ALICE, job, "").getInt("rows"));
        long start = System.nanoTime();
        okPage(ALICE, job, "?sort=vmag");
        System.out.printf("first sort by vmag (builds its index): %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (String sort : List.of("", "&sort=vmag&order=asc", "&sort=vmag&order=desc")) {
            for (long offset : List.of(0L, 250_000L, 500_000L, 750_000L, 999_900L)) {
                // the median of three, so that a busy machine's one slow moment is not taken for the page's time
                long[] millis = new long[3];
                for (int i = 0; i < millis.length; i++) {
                    start = System.nanoTime();
                    JsonObject page = okPage(ALICE, job, "?limit=100&offset=" + offset + sort);
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(100, page.getJsonArray("data").size());
                }
                java.util.Arrays.sort(millis);
                System.out.printf("page at %d%s: %d ms (median of %s)%n", offset, sort, millis[1],
                    java.util.Arrays.toString(millis));
                assertTrue(millis[1] < 300, "page at " + offset + sort + " took " + millis[1] + " ms");
            }
        }
        assertEquals(303, client(ALICE).delete(job).statusCode());
    }
}
