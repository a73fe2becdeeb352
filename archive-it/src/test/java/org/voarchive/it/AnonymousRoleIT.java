package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Defence in depth per access level (migration V22): anonymous callers' queries run as the query role's
 * NOLOGIN role {@code <query role>_public} (SET LOCAL ROLE in their transaction), which reads only the
 * columns of published schemas and tables whose data and metadata are PUBLIC, following every change of
 * the access levels. Anonymous TAP queries, with uploads too, still answer; an authenticated member of a
 * PRIVATE column's group still reads it, on the query role itself.
 */
@Tag("database")
class AnonymousRoleIT {

    private static final String SCHEMA = "it_anonrole";
    private static final String ADMIN = "it-anonrole-admin";
    private static final String MEMBER = "it-anonrole-member";
    private static final String PASSWORD = "it-anonrole-secret";
    private static final String GROUP = "it_anonrole_group";
    private static final String UPLOAD = """
        <?xml version="1.0"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
        <RESOURCE><TABLE>
        <FIELD name="id" datatype="int"/>
        <FIELD name="label" datatype="unicodeChar" arraysize="*"/>
        <DATA><TABLEDATA>
        <TR><TD>1</TD><TD>first</TD></TR>
        <TR><TD>2</TD><TD>second</TD></TR>
        </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
        """;

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, GROUP);

    @BeforeAll
    static void aPublicTableWithAPrivateAndAnInternalColumn() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".t (id integer PRIMARY KEY, name text, secret text, inside text)");
            s.execute("INSERT INTO " + SCHEMA + ".t VALUES (1, 'one', 'SECRET-1', 'INSIDE-1'), (2, 'two', 'SECRET-2', 'INSIDE-2')");
            s.execute("CREATE TABLE " + SCHEMA + ".restricted (id integer PRIMARY KEY)");
            s.execute("INSERT INTO " + SCHEMA + ".restricted VALUES (1)");
            // no grants: publishing gives them (V21, V22)
        }
        assertOk(Archive.send("POST", "/admin/metadata/discover?schema=" + SCHEMA, null, ADMIN, PASSWORD));
        put("/admin/metadata/schemas/" + SCHEMA, "\"published\":true");
        put("/admin/metadata/tables/" + SCHEMA + ".t", "\"published\":true");
        put("/admin/metadata/tables/" + SCHEMA + ".restricted", "\"published\":true,\"dataAccess\":\"INTERNAL\"");
        putColumn("secret", "\"dataAccess\":\"PRIVATE\",\"metadataAccess\":\"PRIVATE\"");
        assertOk(Archive.send("PUT", "/admin/metadata/tables/" + SCHEMA + ".t/columns/secret/groups", "[\"" + GROUP + "\"]",
            ADMIN, PASSWORD));
        // data for authenticated callers only, its metadata for all
        putColumn("inside", "\"dataAccess\":\"INTERNAL\"");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
            // before its members (USERS deletes them after this): their archive.user_groups rows cascade (V3)
            s.execute("DELETE FROM archive.groups WHERE name = '" + GROUP + "'");
        }
    }

    private static void assertOk(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
    }

    /** An admin API edit of the object at {@code path} with the version read first. */
    private static void put(String path, String fields) throws Exception {
        int version = Archive.version(Archive.send("GET", path, null, ADMIN, PASSWORD).body());
        assertOk(Archive.send("PUT", path, "{" + fields + ",\"version\":" + version + "}", ADMIN, PASSWORD));
    }

    private static void putColumn(String column, String fields) throws Exception {
        String columns = Archive.send("GET", "/admin/metadata/tables/" + SCHEMA + ".t/columns", null, ADMIN, PASSWORD).body();
        int version = Archive.version(columns.substring(columns.indexOf("\"name\":\"" + column + "\"")));
        assertOk(Archive.send("PUT", "/admin/metadata/tables/" + SCHEMA + ".t/columns/" + column,
            "{" + fields + ",\"version\":" + version + "}", ADMIN, PASSWORD));
    }

    private static String anonymousRole() {
        return Archive.env("ARCHIVE_DB_QUERY_USER") + "_public";
    }

    /** The first value of {@code sql} run as the query role switched to the anonymous role, as the server does. */
    private static String asAnonymousRole(String sql) throws SQLException {
        try (Connection q = Archive.connect("QUERY")) {
            q.setAutoCommit(false);
            try (Statement s = q.createStatement()) {
                s.execute("SET LOCAL ROLE \"" + anonymousRole() + "\"");
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return String.valueOf(rs.getObject(1));
                }
            } finally {
                q.rollback();
            }
        }
    }

    private static void refusedToAnonymousRole(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> asAnonymousRole(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage()); // permission denied
    }

    private static HttpResponse<byte[]> anonymous(String adql) throws Exception {
        return Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"), Map.entry("QUERY", adql)));
    }

    private static String csv(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), Tap.text(r));
        return Tap.text(r);
    }

    @Test
    void theAnonymousRoleReadsPublicColumnsOnly() throws Exception {
        assertEquals("1|one", asAnonymousRole("SELECT id || '|' || name FROM " + SCHEMA + ".t WHERE id = 1"));
        assertEquals("2", asAnonymousRole("SELECT count(*) FROM " + SCHEMA + ".t"));
        refusedToAnonymousRole("SELECT secret FROM " + SCHEMA + ".t");
        refusedToAnonymousRole("SELECT inside FROM " + SCHEMA + ".t");
        refusedToAnonymousRole("SELECT * FROM " + SCHEMA + ".t");
        refusedToAnonymousRole("SELECT id FROM " + SCHEMA + ".t WHERE secret LIKE 'SECRET%'");
        refusedToAnonymousRole("SELECT id FROM " + SCHEMA + ".restricted");
        // TAP_SCHEMA, pg_sphere and the demo tables stay usable; the session's settings stay the query role's
        assertEquals("true", asAnonymousRole("SELECT count(*) > 0 FROM tap_schema.tables WHERE table_name = 'demo.bsc5'"));
        assertEquals("true", asAnonymousRole("SELECT spoint(0, 0) <-> spoint(0, 1) > 0"));
        assertEquals("9096", asAnonymousRole("SELECT count(*) FROM demo.bsc5 WHERE vmag IS NOT NULL OR vmag IS NULL"));
        assertEquals("on", asAnonymousRole("SELECT current_setting('transaction_read_only')"));
        assertEquals("true", asAnonymousRole("SELECT current_user = '" + anonymousRole() + "' AND session_user = '"
            + Archive.env("ARCHIVE_DB_QUERY_USER") + "'"));
        // the query role itself still reads the PRIVATE and INTERNAL columns, for the callers they are for
        try (Connection q = Archive.connect("QUERY"); Statement s = q.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret, inside FROM " + SCHEMA + ".t WHERE id = 1")) {
            rs.next();
            assertEquals("SECRET-1", rs.getString("secret"));
            assertEquals("INSIDE-1", rs.getString("inside"));
        }
    }

    @Test
    void privilegesFollowTheAccessLevels() throws Exception {
        assertEquals("1", asAnonymousRole("SELECT count(*) FROM " + SCHEMA + ".t WHERE id = 1"));
        put("/admin/metadata/tables/" + SCHEMA + ".t", "\"dataAccess\":\"INTERNAL\"");
        try {
            refusedToAnonymousRole("SELECT id FROM " + SCHEMA + ".t");
        } finally {
            put("/admin/metadata/tables/" + SCHEMA + ".t", "\"dataAccess\":\"PUBLIC\"");
        }
        assertEquals("1", asAnonymousRole("SELECT count(*) FROM " + SCHEMA + ".t WHERE id = 1"));
    }

    @Test
    void anonymousTapQueriesAnswerOnDemoTablesAndWithUploads() throws Exception {
        assertEquals(List.of("n", "9096"), csv(anonymous("SELECT COUNT(*) AS n FROM demo.bsc5")).lines().toList());
        assertEquals(List.of("hr", "1", "2"),
            csv(anonymous("SELECT TOP 2 hr FROM demo.bsc5 WHERE vmag < 100 ORDER BY hr")).lines().toList());
        assertEquals(List.of("id,name", "1,one", "2,two"),
            csv(anonymous("SELECT * FROM " + SCHEMA + ".t ORDER BY id")).lines().toList());
        String adql = "SELECT t.id, t.name, u.label FROM " + SCHEMA + ".t AS t JOIN TAP_UPLOAD.mine AS u ON u.id = t.id"
            + " ORDER BY t.id";
        HttpResponse<byte[]> joined = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("RESPONSEFORMAT", "csv"), Tap.Part.field("QUERY", adql), Tap.Part.field("UPLOAD", "mine,param:m"),
            new Tap.Part("m", "mine.vot", UPLOAD.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("id,name,label", "1,one,first", "2,two,second"), csv(joined).lines().toList());
        // and an upload against a demo table (the session's temporary table and a science table together)
        adql = "SELECT u.id, b.hr FROM TAP_UPLOAD.mine AS u JOIN demo.bsc5 AS b ON b.hr = u.id ORDER BY u.id";
        HttpResponse<byte[]> demo = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("RESPONSEFORMAT", "csv"), Tap.Part.field("QUERY", adql), Tap.Part.field("UPLOAD", "mine,param:m"),
            new Tap.Part("m", "mine.vot", UPLOAD.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("id,hr", "1,1", "2,2"), csv(demo).lines().toList());
    }

    @Test
    void anAuthenticatedGroupMemberStillReadsThePrivateColumnThroughTap() throws Exception {
        String adql = "SELECT id, secret FROM " + SCHEMA + ".t ORDER BY id";
        HttpResponse<String> member = Archive.send("GET", "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + URLEncoder.encode(adql, StandardCharsets.UTF_8), null, MEMBER, PASSWORD);
        assertEquals(200, member.statusCode(), member.body());
        assertEquals(List.of("id,secret", "1,SECRET-1", "2,SECRET-2"), member.body().lines().toList());
        HttpResponse<String> inside = Archive.send("GET", "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + URLEncoder.encode("SELECT inside FROM " + SCHEMA + ".t WHERE id = 1", StandardCharsets.UTF_8), null, MEMBER,
            PASSWORD);
        assertEquals(200, inside.statusCode(), inside.body());
        assertEquals(List.of("inside", "INSIDE-1"), inside.body().lines().toList());
        // anonymous: not in the catalogue the checker uses, so a 400 before PostgreSQL is asked
        assertEquals(400, anonymous(adql).statusCode());
    }
}
