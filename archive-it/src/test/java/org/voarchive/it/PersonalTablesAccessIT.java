package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
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
 * Who sees a personal table, in every interface (issue #22 design §1.7, §3 and §8 item 2): the owner A, B in
 * group g, C in no group, an administrator and anonymous callers; before sharing, shared with g, public, and
 * cleared again. Interfaces: TAP_SCHEMA through ADQL, VOSI tables (min, max, the table), ADQL sync and async,
 * the permissions resource, the owner's storage summary; writes of others refused; the registry never shows it.
 */
class PersonalTablesAccessIT {

    private static final String A = "it_pta_owner";
    private static final String B = "it_pta_member";
    private static final String C = "it_pta_outsider";
    private static final String ADMIN = "it_pta_admin";
    private static final String GROUP = "it_pta_team";
    private static final String PASSWORD = "it-pta-secret";
    private static final String TABLE = UserTables.schema(A) + ".shared";
    private static final Duration JOB_TIME = Duration.ofSeconds(120);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(A, PASSWORD, GROUP).add(B, PASSWORD, GROUP).add(C, PASSWORD)
        .add(ADMIN, PASSWORD, "admin");

    /** Who may read the table in a state of sharing; null stands for anonymous callers. */
    private record Reader(String user, boolean sees) {
    }

    @BeforeAll
    static void table() throws Exception {
        UserTables.cleanUp(PASSWORD, A);
        UserTables.created(TABLE, UserTables.targetColumns(), A, PASSWORD);
        UserTables.loaded(TABLE, UserTables.CSV, "id,ra,dec,name\n1,10,20,x\n2,11,21,y\n".getBytes(), 2, A, PASSWORD);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        UserTables.cleanUp(PASSWORD, A);
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return UserTables.send("GET", path, null, (byte[]) null, user, PASSWORD);
    }

    private static HttpResponse<String> share(String text, String user) throws Exception {
        return UserTables.send("POST", "/tap/permissions/" + TABLE, "text/plain", text, user, PASSWORD);
    }

    /** Checks every read interface for each caller: the table is there exactly for those who see it. */
    private static void readers(String state, Reader... readers) throws Exception {
        for (Reader r : readers) {
            String who = state + ", " + (r.user() == null ? "anonymous" : r.user());
            List<String> tapSchema = UserTables.rows("SELECT table_name FROM TAP_SCHEMA.tables WHERE table_name = '"
                + TABLE + "'", r.user(), PASSWORD);
            assertEquals(r.sees() ? List.of(TABLE) : List.of(), tapSchema, who + ": TAP_SCHEMA.tables");
            assertEquals(r.sees() ? 4 : 0, UserTables.rows("SELECT column_name FROM TAP_SCHEMA.columns WHERE table_name = '"
                + TABLE + "'", r.user(), PASSWORD).size(), who + ": TAP_SCHEMA.columns");
            for (String detail : List.of("min", "max")) {
                HttpResponse<String> set = get("/tap/tables?detail=" + detail, r.user());
                assertEquals(200, set.statusCode(), who);
                assertEquals(r.sees(), set.body().contains("<name>" + TABLE + "</name>"), who + ": /tap/tables " + detail);
            }
            assertEquals(r.sees() ? 200 : 404, get("/tap/tables/" + TABLE, r.user()).statusCode(), who + ": VOSI table");
            HttpResponse<String> query = UserTables.sync("SELECT COUNT(*) AS n FROM " + TABLE, r.user(), PASSWORD);
            assertEquals(r.sees() ? 200 : 400, query.statusCode(), who + ": ADQL sync " + query.body());
            if (r.sees()) {
                assertEquals("2", query.body().lines().toList().get(1).strip(), who);
            }
            assertEquals(r.sees() ? 200 : 404, get("/tap/permissions/" + TABLE, r.user()).statusCode(),
                who + ": permissions");
        }
    }

    /** An async query of the table by the user: COMPLETED with its two rows, or ERROR. */
    private static void async(String user, boolean sees) throws Exception {
        Uws uws = user == null ? Uws.anonymous() : Uws.as(user, PASSWORD);
        String job = uws.submit("SELECT COUNT(*) AS n FROM " + TABLE, "RESPONSEFORMAT", "csv");
        try {
            String doc = uws.awaitEnd(job, JOB_TIME);
            assertEquals(sees ? "COMPLETED" : "ERROR", Uws.phaseOf(doc), user + ": " + doc);
            if (sees) {
                assertEquals("2", uws.get(job + "/results/result").body().lines().toList().get(1).strip());
            }
        } finally {
            uws.delete(job);
        }
    }

    /** Writes by someone who is not the owner: 403 when they see the table, 404 when they do not. */
    private static void writesRefused(String user, int status) throws Exception {
        UserTables.refused(status, UserTables.load(TABLE, UserTables.CSV, "id\n3\n", user, PASSWORD));
        UserTables.refused(status, UserTables.send("POST", "/tap/tables/" + TABLE, UserTables.VOSI_TABLE,
            UserTables.vosiTable("shared", "mine now", List.of()), user, PASSWORD));
        UserTables.refused(status, share("public=false\n", user));
        UserTables.refused(status, UserTables.send("DELETE", "/tap/tables/" + TABLE, null, (byte[]) null, user, PASSWORD));
        assertEquals(2, UserTables.count(TABLE, A, PASSWORD), "nothing changed");
    }

    private static String permissions(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().map().toString());
        return r.body();
    }


    @Test
    void sharingDecidesWhoSeesTheTableInEveryInterface() throws Exception {
        // only the owner; administrators have no override on users' tables
        readers("unshared", new Reader(A, true), new Reader(B, false), new Reader(C, false), new Reader(ADMIN, false),
            new Reader(null, false));
        String initial = permissions(get("/tap/permissions/" + TABLE, A));
        assertEquals(A, UserTables.permission(initial, "owner"));
        assertEquals("false", UserTables.permission(initial, "public"));
        assertEquals("", UserTables.permission(initial, "r-group"));
        assertEquals("", UserTables.permission(initial, "rw-group"));
        writesRefused(B, 404);
        async(B, false);

        String shared = permissions(share("r-group=" + GROUP + "\n", A));
        assertEquals("false", UserTables.permission(shared, "public"));
        assertTrue(UserTables.permission(shared, "r-group").endsWith("/gms?" + GROUP), shared);
        assertTrue(UserTables.permission(shared, "r-group").startsWith("ivo://"), shared);
        assertEquals(shared, permissions(get("/tap/permissions/" + TABLE, B)), "a reader sees the same permissions");
        readers("shared with " + GROUP, new Reader(A, true), new Reader(B, true), new Reader(C, false),
            new Reader(ADMIN, false), new Reader(null, false));
        async(B, true);
        async(C, false);
        writesRefused(B, 403);

        String open = permissions(share("public=true\n", A));
        assertEquals("true", UserTables.permission(open, "public"));
        assertTrue(UserTables.permission(open, "r-group").endsWith("/gms?" + GROUP), "only the keys sent change: " + open);
        readers("public", new Reader(A, true), new Reader(B, true), new Reader(C, true), new Reader(ADMIN, true),
            new Reader(null, true));
        async(null, true);
        writesRefused(C, 403);
        assertEquals(401, share("public=false\n", null).statusCode(), "anonymous writes are a 401");
        assertEquals(401, UserTables.load(TABLE, UserTables.CSV, "id\n3\n", null, null).statusCode());
        registryHasNoPersonalTable();

        String closed = permissions(share("public=false\nr-group=\n", A));
        assertEquals("false", UserTables.permission(closed, "public"));
        assertEquals("", UserTables.permission(closed, "r-group"));
        readers("cleared", new Reader(A, true), new Reader(B, false), new Reader(C, false), new Reader(ADMIN, false),
            new Reader(null, false));
    }

    @Test
    void permissionRequestsOutsideTheFormatAreRefused() throws Exception {
        for (String body : List.of("colour=blue\n", "rw-group=" + GROUP + "\n", "owner=" + B + "\n", "public=maybe\n",
                "r-group=it_pta_nosuchgroup\n")) {
            String message = UserTables.refused(400, share(body, A));
            assertFalse(message.isBlank(), body);
        }
        // a group the owner is not a member of ("admin": ADMIN's, not A's)
        UserTables.refused(400, share("r-group=admin\n", A));
        assertEquals("", UserTables.permission(permissions(get("/tap/permissions/" + TABLE, A)), "rw-group"));
    }

    @Test
    void theStorageSummaryListsTheCallersOwnTablesOnly() throws Exception {
        assertTrue(storageTables(A).stream().anyMatch(n -> n.endsWith("shared")), storageTables(A).toString());
        assertEquals(List.of(), storageTables(B), "B owns none, whatever is shared with B");
        assertEquals(401, get("/account/storage", null).statusCode());
        // the operators see users' tables in the storage view (names and sizes), not among the published tables
        HttpResponse<String> published = get("/admin/operations/tables", ADMIN);
        assertEquals(200, published.statusCode(), published.body());
        assertTrue(published.body().contains("\"kstars\""), published.body());
        assertFalse(published.body().contains(UserTables.schema(A)), published.body());
    }

    private static List<String> storageTables(String user) throws Exception {
        HttpResponse<String> r = get("/account/storage", user);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = Json.createReader(new StringReader(r.body())).readObject();
        List<String> names = new ArrayList<>();
        json.getJsonArray("tables").forEach(t -> names.add(t.asJsonObject().getString("name")));
        return names;
    }

    /** The registry's records (OAI-PMH ivo_vor, every page) name no table of a user's schema, even a public one. */
    private static void registryHasNoPersonalTable() throws Exception {
        String page = new String(Archive.get("/oai?verb=ListRecords&metadataPrefix=ivo_vor").body(),
            java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder all = new StringBuilder();
        while (true) {
            all.append(page);
            Matcher token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(page);
            if (!token.find()) {
                break;
            }
            page = new String(Archive.get("/oai?verb=ListRecords&resumptionToken=" + token.group(1)).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(all.toString().contains("<name>demo.kstars</name>"), "the tableset is there");
        assertFalse(all.toString().contains(UserTables.schema(A)), "no personal table in the registry");
    }
}
