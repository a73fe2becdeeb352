package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.PublishedMetadata;

/**
 * Access levels everywhere metadata is read: PUBLIC for everyone, INTERNAL for
 * authenticated callers, PRIVATE for the table's groups (VOSI tables, TAP_SCHEMA,
 * the ADQL catalogue).
 */
@Tag("smoke")
class AccessIT {

    private static final String ADMIN = "it-access-admin";
    private static final String MEMBER = "it-access-member";
    private static final String OUTSIDER = "it-access-outsider";
    private static final String KEEPER = "it-access-keeper";
    private static final String PASSWORD = "it-access-secret";
    private static final Pattern TABLE = Pattern.compile("<name>(it_access\\.\\w+)</name>");

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, "it_astronomers")
        .add(OUTSIDER, PASSWORD).add(KEEPER, PASSWORD, "it_keepers");

    @BeforeAll
    static void tablesOfEveryLevel() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_access CASCADE");
            s.execute("CREATE SCHEMA it_access");
            for (String t : List.of("pub", "int", "priv")) {
                s.execute("CREATE TABLE it_access." + t + " (id integer PRIMARY KEY)");
            }
            // no grants: publishing gives the query role the published columns (V21); the checker decides who may ask
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_access", null, ADMIN, PASSWORD).statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.schemas SET published = true WHERE name = 'it_access'");
            String level = "CASE name WHEN 'pub' THEN 'PUBLIC' WHEN 'int' THEN 'INTERNAL' ELSE 'PRIVATE' END";
            s.execute("UPDATE archive.tables SET published = true, metadata_access = " + level + ", data_access = " + level
                + " WHERE schema_id = (SELECT id FROM archive.schemas WHERE name = 'it_access')");
        }
        HttpResponse<String> groups = Archive.send("PUT", "/admin/metadata/tables/it_access.priv/groups", "[\"it_astronomers\"]",
            ADMIN, PASSWORD);
        assertEquals(200, groups.statusCode(), groups.body());
        assertEquals(400, Archive.send("PUT", "/admin/metadata/tables/it_access.priv/groups", "[\"no_such_group\"]",
            ADMIN, PASSWORD).statusCode());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_access CASCADE");
            s.execute("DELETE FROM archive.schemas WHERE name = 'it_access'");
            // before their members (USERS deletes them after this): their archive.user_groups rows cascade (V3)
            s.execute("DELETE FROM archive.groups WHERE name IN ('it_astronomers', 'it_keepers')");
        }
    }

    private static TreeSet<String> vosiTables(String user) throws Exception {
        HttpResponse<String> r = Archive.send("GET", "/tap/tables?detail=min", null, user, user == null ? null : PASSWORD);
        assertEquals(200, r.statusCode());
        TreeSet<String> names = new TreeSet<>();
        Matcher m = TABLE.matcher(r.body());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void vosiTablesShowWhatTheCallerMaySee() throws Exception {
        assertEquals(new TreeSet<>(List.of("it_access.pub")), vosiTables(null));
        assertEquals(new TreeSet<>(List.of("it_access.int", "it_access.pub")), vosiTables(OUTSIDER));
        assertEquals(new TreeSet<>(List.of("it_access.int", "it_access.priv", "it_access.pub")), vosiTables(MEMBER));
        assertEquals(new TreeSet<>(List.of("it_access.int", "it_access.priv", "it_access.pub")), vosiTables(ADMIN));
        assertEquals(404, Archive.send("GET", "/tap/tables/it_access.priv", null, null, null).statusCode());
        assertEquals(200, Archive.send("GET", "/tap/tables/it_access.priv", null, MEMBER, PASSWORD).statusCode());
    }

    private static List<String> tapSchemaTables(Caller caller) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection q = Archive.connect("QUERY")) {
            q.setAutoCommit(false);
            if (caller != null) {
                caller.applyTo(q);
            }
            try (Statement s = q.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM tap_schema.tables WHERE schema_name = 'it_access' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            q.rollback();
        }
        return names;
    }

    @Test
    void tapSchemaAndTheAdqlCatalogueFollowTheCaller() throws Exception {
        assertEquals(List.of("it_access.pub"), tapSchemaTables(null)); // nothing set: anonymous
        Caller member;
        Caller outsider;
        try (Connection app = Archive.connect("APP")) {
            member = Caller.of(app, MEMBER);
            outsider = Caller.of(app, OUTSIDER);
            assertEquals(List.of("it_access"), PublishedMetadata.load(app).catalog().tables().stream()
                .map(TableInfo::schema).filter(s -> s.equals("it_access")).toList());
            assertEquals(3, PublishedMetadata.load(app, member).catalog().tables().stream()
                .filter(t -> t.schema().equals("it_access")).count());
        }
        assertEquals(List.of("it_access.int", "it_access.pub"), tapSchemaTables(outsider));
        assertEquals(List.of("it_access.int", "it_access.priv", "it_access.pub"), tapSchemaTables(member));
        // the settings last one transaction only
        assertEquals(List.of("it_access.pub"), tapSchemaTables(null));
        assertTrue(member.groups().contains("it_astronomers"));
    }

    private static HttpResponse<String> tapQuery(String adql, String user) throws Exception {
        return Archive.send("GET", "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + java.net.URLEncoder.encode(adql, java.nio.charset.StandardCharsets.UTF_8), null, user, user == null ? null : PASSWORD);
    }

    @Test
    void tapQueriesSeeWhatTheCallerMaySee() throws Exception {
        HttpResponse<String> anonymous = tapQuery("SELECT COUNT(*) AS n FROM it_access.priv", null);
        assertEquals(400, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.body().contains("it_access.priv"), anonymous.body());
        assertEquals(400, tapQuery("SELECT COUNT(*) AS n FROM it_access.priv", OUTSIDER).statusCode());
        HttpResponse<String> member = tapQuery("SELECT COUNT(*) AS n FROM it_access.priv", MEMBER);
        assertEquals(200, member.statusCode(), member.body());
        // TAP_SCHEMA queried through TAP follows the caller as well
        assertEquals(List.of("table_name", "it_access.pub"), tapQuery(
            "SELECT table_name FROM tap_schema.tables WHERE schema_name = 'it_access' ORDER BY table_name", null).body().lines().toList());
        assertEquals(List.of("table_name", "it_access.int", "it_access.priv", "it_access.pub"), tapQuery(
            "SELECT table_name FROM tap_schema.tables WHERE schema_name = 'it_access' ORDER BY table_name", MEMBER).body().lines().toList());
    }

    /** A PRIVATE column is for its own groups when it has some, else for its table's. */
    @Test
    void privateColumnsFollowTheirOwnGroups() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE it_access.pub ADD COLUMN IF NOT EXISTS secret text"); // readable once discovered
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_access", null, ADMIN, PASSWORD).statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.columns SET metadata_access = 'PRIVATE', data_access = 'PRIVATE' WHERE name = 'secret'"
                + " AND table_id = (SELECT t.id FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id"
                + " WHERE s.name = 'it_access' AND t.name = 'pub')");
        }
        String adql = "SELECT secret FROM it_access.pub";
        String columns = "SELECT column_name FROM tap_schema.columns WHERE table_name = 'it_access.pub' ORDER BY column_name";
        // without groups of its own, the column takes the (PUBLIC) table's: none, so only admins see it
        assertEquals(400, tapQuery(adql, KEEPER).statusCode());
        assertEquals(200, tapQuery(adql, ADMIN).statusCode());
        String path = "/admin/metadata/tables/it_access.pub/columns/secret/groups";
        assertEquals(200, Archive.send("PUT", path, "[\"it_keepers\"]", ADMIN, PASSWORD).statusCode());
        assertEquals(200, tapQuery(adql, KEEPER).statusCode());
        assertEquals(400, tapQuery(adql, MEMBER).statusCode());
        assertEquals(400, tapQuery(adql, null).statusCode());
        assertEquals(List.of("column_name", "id", "secret"), tapQuery(columns, KEEPER).body().lines().toList());
        assertEquals(List.of("column_name", "id"), tapQuery(columns, null).body().lines().toList());
        String export = Archive.send("GET", "/admin/metadata/export", null, ADMIN, PASSWORD).body();
        assertTrue(export.contains("\"columnGroups\":{\"secret\":[\"it_keepers\"]}"), export);
        assertEquals(400, Archive.send("PUT", path, "[\"no_such_group\"]", ADMIN, PASSWORD).statusCode());
        assertEquals(404, Archive.send("PUT", "/admin/metadata/tables/it_access.pub/columns/nosuch/groups", "[]",
            ADMIN, PASSWORD).statusCode());
        assertEquals(200, Archive.send("PUT", path, "[]", ADMIN, PASSWORD).statusCode());
        assertEquals(400, tapQuery(adql, KEEPER).statusCode());
    }
}
