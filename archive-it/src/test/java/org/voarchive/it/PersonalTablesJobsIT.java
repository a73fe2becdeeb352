package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Personal tables and UWS jobs (issue #22 design §1.6, §1.8, §1.9, §4.5 and §8 item 4): large loads as a job
 * with progress and ABORT, an async result kept as a table that outlives its job (its bytes moved from the job to
 * the table, its origin INFOs still naming the published table it came from), TAP uploads kept with KEEP_UPLOAD on
 * sync and async, and writes without valid credentials refused with a 401, never done anonymously.
 */
class PersonalTablesJobsIT {

    private static final String USER = "it_ptj_user";
    private static final String OTHER = "it_ptj_other";
    private static final String PASSWORD = "it-ptj-secret";
    private static final String SCHEMA = UserTables.schema(USER);
    private static final Duration JOB_TIME = Duration.ofSeconds(180);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(USER, PASSWORD).add(OTHER, PASSWORD);

    /** Jobs made here (URL, owner; null: anonymous), deleted at the end while their owners can sign in. */
    private static final List<String[]> JOBS = new ArrayList<>();

    @BeforeAll
    static void clean() throws Exception {
        UserTables.cleanUp(PASSWORD, USER, OTHER);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (String[] job : JOBS) {
            (job[1] == null ? Uws.anonymous() : Uws.as(job[1], PASSWORD)).delete(job[0]);
        }
        UserTables.cleanUp(PASSWORD, USER, OTHER);
    }

    private static Uws uws() {
        return Uws.as(USER, PASSWORD);
    }

    private static String remember(String job, String owner) {
        JOBS.add(new String[] {job, owner});
        return job;
    }

    private static byte[] csv(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("id,ra,dec,name\n".getBytes(StandardCharsets.US_ASCII));
        for (long i = 0; i < n; i++) {
            out.writeBytes((i + "," + (i % 360) + "," + (i % 180 - 90) + ",n" + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** A load job of the CSV into the table: its URL (the 303's Location), started at once if run. */
    private static String loadJob(String table, byte[] csv, boolean run) throws Exception {
        List<Tap.Part> parts = new ArrayList<>(List.of(Tap.Part.field("TABLE", table), Tap.Part.field("FORMAT", "csv"),
            new Tap.Part("data", "rows.csv", csv)));
        if (run) {
            parts.add(Tap.Part.field("PHASE", "RUN"));
        }
        HttpResponse<String> r = uws().multipart(Archive.baseUrl() + "/tap/load-jobs", parts);
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow();
        assertTrue(job.startsWith(Archive.baseUrl() + "/tap/load-jobs/"), job);
        return remember(job, USER);
    }

    @Test
    void aLoadJobReportsProgressAndItsResultAndAbortInsertsNothing() throws Exception {
        String table = SCHEMA + ".bulk";
        UserTables.created(table, UserTables.targetColumns(), USER, PASSWORD);
        // sizes for deploy/test's quota of 20 MB: the job's stored file counts until the job is destroyed
        String job = loadJob(table, csv(50_000), true);
        String doc = uws().awaitEnd(job, JOB_TIME);
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        assertTrue(doc.contains("50000 rows loaded"), "the progress: " + doc);
        HttpResponse<String> result = uws().get(job + "/results/load");
        assertEquals(200, result.statusCode(), result.body());
        assertEquals(UserTables.inserted(50_000, table), result.body().strip());
        assertEquals(50_000, UserTables.count(table, USER, PASSWORD));
        uws().delete(job);

        // ABORT while the COPY runs (300,000 rows of one column take most of a second): rolled back, no row stays
        String ticks = SCHEMA + ".ticks";
        UserTables.created(ticks, List.of(UserTables.Col.of("id", "long")), USER, PASSWORD);
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.writeBytes("id\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 300_000; i++) {
            many.writeBytes((i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        String aborted = loadJob(ticks, many.toByteArray(), true);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String phase = uws().phase(aborted);
        while (!phase.equals("EXECUTING") && Uws.active("<uws:phase>" + phase + "</uws:phase>") && System.nanoTime() < until) {
            Thread.sleep(20);
            phase = uws().phase(aborted);
        }
        assertEquals("EXECUTING", phase);
        assertEquals(303, uws().post(aborted + "/phase", "PHASE", "ABORT").statusCode());
        String end = uws().awaitEnd(aborted, JOB_TIME);
        assertEquals("ABORTED", Uws.phaseOf(end), end);
        assertEquals(0, UserTables.count(ticks, USER, PASSWORD), "the aborted load inserted nothing");

        // a PENDING job aborted never loads; a load job of someone else's table ends in ERROR
        String pending = loadJob(table, csv(10), false);
        assertEquals(303, uws().post(pending + "/phase", "PHASE", "ABORT").statusCode());
        assertEquals("ABORTED", Uws.phaseOf(uws().awaitEnd(pending, JOB_TIME)));
        HttpResponse<String> foreign = Uws.as(OTHER, PASSWORD).multipart(Archive.baseUrl() + "/tap/load-jobs", List.of(
            Tap.Part.field("TABLE", table), Tap.Part.field("FORMAT", "csv"), Tap.Part.field("PHASE", "RUN"),
            new Tap.Part("data", "rows.csv", csv(3))));
        if (foreign.statusCode() == 303) { // checked when the job runs (as youcat's table-update)
            String other = remember(foreign.headers().firstValue("Location").orElseThrow(), OTHER);
            assertEquals("ERROR", Uws.phaseOf(Uws.as(OTHER, PASSWORD).awaitEnd(other, JOB_TIME)));
        } else {
            UserTables.refused(404, foreign);
        }
        assertEquals(50_000, UserTables.count(table, USER, PASSWORD));
        assertEquals(204, UserTables.send("DELETE", "/tap/tables/" + table, null, (byte[]) null, USER, PASSWORD)
            .statusCode());
    }

    /** The INFOs of a VOTable as name=value. */
    private static List<String> infos(String votable) {
        List<String> infos = new ArrayList<>();
        Matcher m = Pattern.compile("<INFO\\s+name=\"([^\"]*)\"\\s+value=\"([^\"]*)\"").matcher(votable);
        while (m.find()) {
            infos.add(m.group(1) + "=" + m.group(2));
        }
        return infos;
    }

    private static String votable(String adql) throws Exception {
        HttpResponse<String> r = UserTables.send("POST", "/tap/sync", UserTables.FORM, UserTables.form("LANG", "ADQL",
            "QUERY", adql, "RESPONSEFORMAT", "votable"), USER, PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void aKeptAsyncResultOutlivesItsJobWithItsBytesAndItsOrigin() throws Exception {
        String adql = "SELECT TOP 50 star_id, ra, dec, vmag FROM demo.kstars ORDER BY star_id";
        String job = remember(uws().submit(adql), USER);
        assertEquals("COMPLETED", Uws.phaseOf(uws().awaitEnd(job, JOB_TIME)));
        String id = job.substring(job.lastIndexOf('/') + 1);
        long jobBytes = Long.parseLong(UserTables.scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id));
        assertTrue(jobBytes > 0, "the kept result counts with the job");

        // the kept result is the job's until kept: not dropped as a table
        String jobTable = SCHEMA + ".job_" + id;
        String message = UserTables.refused(409, UserTables.send("DELETE", "/tap/tables/" + jobTable, null, (byte[]) null,
            USER, PASSWORD));
        assertTrue(message.contains(id), message);

        // someone else, anonymous, a name in use: refused
        UserTables.refused(404, UserTables.send("POST", "/tap/async/" + id + "/keep", UserTables.FORM,
            UserTables.form("TABLE", "stolen"), OTHER, PASSWORD));
        assertEquals(401, UserTables.send("POST", "/tap/async/" + id + "/keep", UserTables.FORM,
            UserTables.form("TABLE", "anon"), null, null).statusCode());
        UserTables.created(SCHEMA + ".taken", List.of(UserTables.Col.of("v", "long")), USER, PASSWORD);
        UserTables.refused(409, UserTables.send("POST", "/tap/async/" + id + "/keep", UserTables.FORM,
            UserTables.form("TABLE", "taken"), USER, PASSWORD));

        HttpResponse<String> kept = UserTables.send("POST", "/tap/async/" + id + "/keep", UserTables.FORM,
            UserTables.form("TABLE", "bright"), USER, PASSWORD);
        assertEquals(201, kept.statusCode(), kept.body());
        assertEquals(Archive.baseUrl() + "/tap/tables/" + SCHEMA + ".bright", kept.headers().firstValue("Location").orElse(""));
        assertTrue(kept.body().contains("<name>" + SCHEMA + ".bright</name>") && kept.body().contains("<name>vmag</name>"),
            kept.body());
        assertEquals("0", UserTables.scalar("SELECT table_bytes FROM archive.uws_job WHERE job_id = ?", id),
            "the bytes left the job");
        assertEquals("kept", UserTables.scalar("SELECT origin FROM archive.personal_tables p JOIN archive.tables t"
            + " ON t.id = p.table_id JOIN archive.schemas s ON s.id = t.schema_id WHERE s.name = ? AND t.name = 'bright'",
            SCHEMA));
        assertTrue(Long.parseLong(UserTables.scalar("SELECT personal_bytes FROM archive.storage_usage WHERE owner = ?",
            USER)) > 0, "the bytes are the table's");

        uws().delete(job);
        assertEquals(50, UserTables.count(SCHEMA + ".bright", USER, PASSWORD), "the table outlived its job");
        assertEquals(List.of("1"), UserTables.rows("SELECT COUNT(*) FROM " + SCHEMA + ".bright b JOIN demo.kstars k"
            + " ON k.star_id = b.star_id WHERE k.star_id = (SELECT MIN(star_id) FROM demo.kstars)", USER, PASSWORD));

        // the published table it came from is still named as the origin of what is read from it
        // (the table-level INFOs: source_table, citation, reference_url; not the request and query of each)
        List<String> source = infos(votable(adql)).stream().filter(i -> i.contains("kstars"))
            .filter(i -> !i.startsWith("request=") && !i.toLowerCase().startsWith("query=")).toList();
        assertFalse(source.isEmpty(), "the source's origin INFOs: " + infos(votable(adql)));
        List<String> fromKept = infos(votable("SELECT TOP 5 star_id FROM " + SCHEMA + ".bright"));
        assertTrue(fromKept.containsAll(source), source + " in " + fromKept);
    }

    /** A VOTable of two rows to upload. */
    private static byte[] upload() throws Exception {
        return UserTables.votable(new Object[] {1L, 10.0, 20.0, "one"}, new Object[] {2L, 30.0, 40.0, "two"});
    }

    @Test
    void keepUploadMakesTheUploadAPersonalTableOnSyncAndAsync() throws Exception {
        HttpResponse<String> sync = uws().multipart(Archive.baseUrl() + "/tap/sync", List.of(
            Tap.Part.field("LANG", "ADQL"), Tap.Part.field("RESPONSEFORMAT", "csv"),
            Tap.Part.field("QUERY", "SELECT COUNT(*) AS n FROM TAP_UPLOAD.t"), Tap.Part.field("UPLOAD", "t,param:t"),
            Tap.Part.field("KEEP_UPLOAD", "t:uploaded"), new Tap.Part("t", "t.xml", upload())));
        assertEquals(200, sync.statusCode(), sync.body());
        assertEquals("2", sync.body().lines().toList().get(1).strip());
        assertEquals(List.of("1,one", "2,two"), UserTables.rows("SELECT id, name FROM " + SCHEMA + ".uploaded ORDER BY id",
            USER, PASSWORD));

        // async, under the upload's own name; the query joins the upload with the table kept before
        HttpResponse<String> async = uws().multipart(Uws.list(), List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("RESPONSEFORMAT", "csv"), Tap.Part.field("PHASE", "RUN"),
            Tap.Part.field("QUERY", "SELECT COUNT(*) AS n FROM TAP_UPLOAD.t2 AS a JOIN " + SCHEMA + ".uploaded AS b"
                + " ON a.id = b.id"), Tap.Part.field("UPLOAD", "t2,param:t2"), Tap.Part.field("KEEP_UPLOAD", "t2"),
            new Tap.Part("t2", "t2.xml", upload())));
        assertEquals(303, async.statusCode(), async.body());
        String job = remember(async.headers().firstValue("Location").orElseThrow(), USER);
        String doc = uws().awaitEnd(job, JOB_TIME);
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        assertEquals("2", uws().get(job + "/results/result").body().lines().toList().get(1).strip());
        assertEquals(2, UserTables.count(SCHEMA + ".t2", USER, PASSWORD));

        // a name in use: the TAP request fails with a DALI error, nothing is created or replaced
        HttpResponse<String> clash = uws().multipart(Archive.baseUrl() + "/tap/sync", List.of(
            Tap.Part.field("LANG", "ADQL"), Tap.Part.field("QUERY", "SELECT COUNT(*) AS n FROM TAP_UPLOAD.t"),
            Tap.Part.field("UPLOAD", "t,param:t"), Tap.Part.field("KEEP_UPLOAD", "t:uploaded"),
            new Tap.Part("t", "t.xml", UserTables.votable(new Object[] {9L, 1.0, 1.0, "nine"}))));
        assertEquals(409, clash.statusCode(), clash.body());
        assertTrue(clash.body().contains("QUERY_STATUS") && clash.body().contains("ERROR") && clash.body().contains("uploaded"),
            clash.body());
        assertEquals(2, UserTables.count(SCHEMA + ".uploaded", USER, PASSWORD));
    }

    private static void challenged(HttpResponse<String> r, String what) {
        assertEquals(401, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), what);
    }

    @Test
    void writesWithoutValidCredentialsAreA401NeverAnonymous() throws Exception {
        String table = SCHEMA + ".guarded";
        String doc = UserTables.vosiTable("guarded", null, UserTables.targetColumns());
        challenged(UserTables.send("PUT", "/tap/tables/" + table, UserTables.VOSI_TABLE, doc, null, null), "PUT");
        challenged(UserTables.send("PUT", "/tap/tables/" + table, UserTables.VOSI_TABLE, doc, USER, "wrong"),
            "PUT, wrong password");
        assertFalse(UserTables.relationExists(table));
        UserTables.created(table, UserTables.targetColumns(), USER, PASSWORD);
        challenged(UserTables.load(table, UserTables.CSV, "id\n1\n", null, null), "load");
        challenged(UserTables.load(table, UserTables.CSV, "id\n1\n", USER, "wrong"), "load, wrong password");
        challenged(UserTables.send("POST", "/tap/tables/" + table, UserTables.VOSI_TABLE, doc, null, null), "describe");
        challenged(UserTables.send("DELETE", "/tap/tables/" + table, null, (byte[]) null, null, null), "drop");
        challenged(UserTables.send("POST", "/tap/permissions/" + table, "text/plain", "public=true\n", null, null),
            "permissions");
        challenged(UserTables.send("POST", "/tap/table-update", UserTables.FORM,
            UserTables.form("table", table, "index", "id"), null, null), "table-update");
        challenged(UserTables.send("POST", "/tap/load-jobs", UserTables.FORM, UserTables.form("TABLE", table), null, null),
            "load-jobs");
        assertEquals(0, UserTables.count(table, USER, PASSWORD));
        assertEquals("false", UserTables.permission(UserTables.send("GET", "/tap/permissions/" + table, null, (byte[]) null, USER, PASSWORD)
            .body(), "public"));
        assertEquals(204, UserTables.send("DELETE", "/tap/tables/" + table, null, (byte[]) null, USER, PASSWORD)
            .statusCode());
    }

}
