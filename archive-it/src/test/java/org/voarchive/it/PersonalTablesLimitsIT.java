package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What personal tables refuse (issue #22 design §1.1, §2, §5 and §8 item 3): names, columns and schemas that are
 * not the caller's to use, clashes, content types, bodies over the size limit, loads over the storage quota
 * (nothing inserted), the tables-per-user limit, and a group quota that changes both, as the operator's JSON
 * and the database say. Needs the server started with ARCHIVE_UWS_USER_QUOTA_BYTES of at most 40 MB (deploy/test
 * runs it with 20 MB) for the quota test.
 */
class PersonalTablesLimitsIT {

    private static final String USER = "it_ptlim_user";
    private static final String OTHER = "it_ptlim_other";
    private static final String ADMIN = "it_ptlim_admin";
    private static final String GROUP = "it_ptlim_group";
    private static final String PASSWORD = "it-ptlim-secret";
    private static final String SCHEMA = UserTables.schema(USER);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(USER, PASSWORD, GROUP).add(OTHER, PASSWORD)
        .add(ADMIN, PASSWORD, "admin");

    @BeforeAll
    static void clean() throws Exception {
        UserTables.cleanUp(PASSWORD, USER, OTHER);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        // back to the defaults whatever a test left (no assertion: the clean-up goes on)
        Archive.send("PUT", "/admin/groups/" + GROUP + "/quota", "{\"storageBytes\":null,\"maxTables\":null}", ADMIN,
            PASSWORD);
        UserTables.cleanUp(PASSWORD, USER, OTHER);
    }

    private static HttpResponse<String> create(String name, List<UserTables.Col> columns) throws Exception {
        return UserTables.create(name, columns, USER, PASSWORD);
    }

    private static void drop(String name) throws Exception {
        assertEquals(204, UserTables.send("DELETE", "/tap/tables/" + name, null, (byte[]) null, USER, PASSWORD)
            .statusCode(), name);
    }

    private static final List<UserTables.Col> ONE = List.of(UserTables.Col.of("v", "long"));

    @Test
    void namesOutsideTheRulesAreRefusedNamingTheRule() throws Exception {
        String upper = UserTables.refused(400, create(SCHEMA + ".Targets", ONE));
        assertTrue(upper.contains("Targets"), upper);
        UserTables.refused(400, create(SCHEMA + ".select", ONE)); // an ADQL reserved word
        UserTables.refused(400, create(SCHEMA + ".job_x", ONE)); // the names of kept results (a rule: 400)
        UserTables.refused(400, create(SCHEMA + ".pg_x", ONE));
        UserTables.refused(400, create(SCHEMA + ".t" + "x".repeat(63), ONE)); // 64 bytes
        UserTables.refused(400, create(SCHEMA + ".1abc", ONE));
        String system = UserTables.refused(400, create(SCHEMA + ".sys", List.of(UserTables.Col.of("xmin", "long"))));
        assertTrue(system.contains("xmin"), system);
        String twice = UserTables.refused(400, create(SCHEMA + ".twice",
            List.of(UserTables.Col.of("RA", "double"), UserTables.Col.of("ra", "double"))));
        assertTrue(twice.toLowerCase().contains("ra"), twice);
        List<UserTables.Col> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(UserTables.Col.of("c" + i, "int"));
        }
        String wide = UserTables.refused(400, create(SCHEMA + ".wide", many));
        assertTrue(wide.contains("1000"), wide);
        String type = UserTables.refused(400, create(SCHEMA + ".typed", List.of(UserTables.Col.of("v", "quaternion"))));
        assertTrue(type.contains("quaternion"), type);
        UserTables.refused(400, UserTables.create(SCHEMA + ".broken", UserTables.VOSI_TABLE,
            "<vosi:table xmlns:vosi=\"".getBytes(StandardCharsets.UTF_8), USER, PASSWORD));
        // none of them exists
        assertEquals("0", UserTables.scalar("SELECT count(*) FROM archive.tables t JOIN archive.schemas s"
            + " ON s.id = t.schema_id WHERE s.name = ?", SCHEMA));
    }

    @Test
    void schemasTakenAndTypesOtherThanTheTwoDocumentsAreRefused() throws Exception {
        String others = UserTables.refused(403, create(UserTables.schema(OTHER) + ".mine", ONE));
        assertTrue(others.contains(SCHEMA), "the message names the caller's own schema: " + others);
        UserTables.refused(403, create("demo.mine", ONE)); // published data
        UserTables.refused(403, create("tap_schema.mine", ONE));
        UserTables.created(SCHEMA + ".dup", ONE, USER, PASSWORD);
        UserTables.refused(409, create(SCHEMA + ".dup", ONE));
        // an unqualified name is the caller's own schema (and so clashes too)
        UserTables.refused(409, create("dup", ONE));
        UserTables.refused(415, UserTables.create(SCHEMA + ".typed", "text/plain", "v long".getBytes(), USER, PASSWORD));
        UserTables.refused(415, UserTables.load(SCHEMA + ".dup", "application/json", "[1]", USER, PASSWORD));
        // published tables and views are never loadable
        UserTables.refused(403, UserTables.load("demo.kstars", UserTables.CSV, "star_id\n1\n", USER, PASSWORD));
        drop(SCHEMA + ".dup");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        UserTables.created(SCHEMA + ".big", ONE, USER, PASSWORD);
        try {
            // Content-Length over archive.usertables.load.max-bytes (2 GiB by default): 413 at once, no body sent
            String answer = declaredOnly("/tap/load/" + SCHEMA + ".big", 3_000_000_000L);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("2147483648") && answer.contains("/tap/load-jobs"), answer);
            assertEquals(0, UserTables.count(SCHEMA + ".big", USER, PASSWORD));
        } finally {
            drop(SCHEMA + ".big");
        }
    }

    /**
     * A POST that declares a body of this many bytes and sends none: the answer's head and body as far as the
     * server sent them within 10 s (it may keep the connection open to drain the body it refused).
     */
    private static String declaredOnly(String path, long bytes) throws Exception {
        java.net.URI base = java.net.URI.create(Archive.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + base.getRawPath() + path + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nContent-Type: text/csv\r\nContent-Length: " + bytes + "\r\nAuthorization: Basic "
                + java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; !answer.toString().endsWith("\r\n0\r\n\r\n") && (n = socket.getInputStream().read(buffer)) > 0;) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came is the answer
            }
            return answer.toString();
        }
    }

    @Test
    void aDropWhileTheTableIsReadIsA409NotAHang() throws Exception {
        String table = SCHEMA + ".busy";
        UserTables.created(table, ONE, USER, PASSWORD);
        try (java.sql.Connection reader = Archive.connect("QUERY")) {
            reader.setAutoCommit(false);
            try (java.sql.Statement s = reader.createStatement()) {
                s.executeQuery("SELECT count(*) FROM " + table).close(); // holds its lock until the rollback
            }
            long t0 = System.nanoTime();
            String message = UserTables.refused(409, UserTables.send("DELETE", "/tap/tables/" + table, null,
                (byte[]) null, USER, PASSWORD));
            assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "the lock timeout ends the wait");
            assertTrue(message.contains("try again"), message);
            reader.rollback();
        }
        drop(table);
    }

    /** A CSV of one long column: n rows. */
    private static byte[] csv(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("v\n".getBytes(StandardCharsets.US_ASCII));
        for (long i = 0; i < n; i++) {
            out.writeBytes((i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static long quota() {
        return Long.parseLong(Archive.env("ARCHIVE_UWS_USER_QUOTA_BYTES"));
    }

    /** Sets the group's quota through the admin API (design §5); the values are JSON: a number or null. */
    private static void groupQuota(String storageBytes, String maxTables) throws Exception {
        HttpResponse<String> r = Archive.send("PUT", "/admin/groups/" + GROUP + "/quota", "{\"storageBytes\":"
            + storageBytes + ",\"maxTables\":" + maxTables + "}", ADMIN, PASSWORD);
        assertEquals(2, r.statusCode() / 100, r.statusCode() + " " + r.body());
    }

    @Test
    void quotasRefuseLoadsAndTablesAndAGroupQuotaRaisesThem() throws Exception {
        long quota = quota();
        Assumptions.assumeTrue(quota <= 40_000_000, "run the server with ARCHIVE_UWS_USER_QUOTA_BYTES <= 4e7 (deploy/test does)");
        String table = SCHEMA + ".filler";
        UserTables.created(table, ONE, USER, PASSWORD);
        // a bigint row takes 36 bytes and more in PostgreSQL: quota / 25 rows cannot fit
        byte[] tooMuch = csv(quota / 25);
        String message = UserTables.refused(413, UserTables.load(table, UserTables.CSV, tooMuch, USER, PASSWORD));
        assertTrue(message.contains(Long.toString(quota)), "the message names the limit: " + message);
        assertEquals(0, UserTables.count(table, USER, PASSWORD), "nothing of a load over the quota is inserted");

        // the tables-per-user limit, lowered by the group's quota, then raised with the bytes
        groupQuota("null", "2");
        UserTables.created(SCHEMA + ".another", ONE, USER, PASSWORD);
        String count = UserTables.refused(403, create(SCHEMA + ".third", ONE));
        assertTrue(count.contains("2"), count);
        groupQuota(Long.toString(quota * 10), "3");
        UserTables.created(SCHEMA + ".third", ONE, USER, PASSWORD);
        UserTables.loaded(table, UserTables.CSV, tooMuch, quota / 25, USER, PASSWORD);

        // what the operator and the user are told is what the database holds
        String personal = UserTables.scalar("SELECT personal_bytes FROM archive.storage_usage WHERE owner = ?", USER);
        assertTrue(Long.parseLong(personal) > quota, personal);
        long used = Long.parseLong(UserTables.scalar("SELECT job_bytes + personal_bytes FROM archive.storage_usage"
            + " WHERE owner = ?", USER));
        HttpResponse<String> admin = Archive.send("GET", "/admin/storage", null, ADMIN, PASSWORD);
        assertEquals(200, admin.statusCode(), admin.body());
        JsonObject operator = Json.createReader(new StringReader(admin.body())).readObject().getJsonArray("users")
            .stream().map(JsonValue::asJsonObject).filter(u -> u.getString("user").equals(USER)).findFirst()
            .orElseThrow(() -> new AssertionError(USER + " in " + admin.body()));
        assertEquals(Long.parseLong(personal), operator.getJsonNumber("tableBytes").longValue(), admin.body());
        assertEquals(used, operator.getJsonNumber("usedBytes").longValue(), admin.body());
        assertEquals(quota * 10, operator.getJsonNumber("limitBytes").longValue(), admin.body());
        assertEquals(3, operator.getInt("tables"), admin.body());
        assertEquals(3, operator.getInt("maxTables"), admin.body());
        HttpResponse<String> own = Archive.send("GET", "/account/storage", null, USER, PASSWORD);
        assertEquals(200, own.statusCode(), own.body());
        JsonObject storage = Json.createReader(new StringReader(own.body())).readObject();
        assertEquals(quota * 10, storage.getJsonNumber("limitBytes").longValue(), own.body());
        assertEquals(3, storage.getInt("maxTables"), own.body());
        assertEquals(used, storage.getJsonNumber("usedBytes").longValue(), own.body());
        assertEquals(3, storage.getJsonArray("tables").size(), own.body());
        for (JsonValue t : storage.getJsonArray("tables")) {
            if (t.asJsonObject().getString("name").endsWith("filler")) {
                assertEquals(quota / 25, t.asJsonObject().getJsonNumber("rows").longValue(), own.body());
            }
        }
        groupQuota("null", "null");
        for (String name : List.of(table, SCHEMA + ".another", SCHEMA + ".third")) {
            drop(name);
        }
        assertEquals("0", UserTables.scalar("SELECT coalesce(sum(personal_bytes), 0) FROM archive.storage_usage"
            + " WHERE owner = ?", USER), "dropped tables leave the quota");
    }
}
