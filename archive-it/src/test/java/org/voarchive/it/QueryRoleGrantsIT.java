package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
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
 * Defence in depth (migration V21): whatever SQL reaches the read-only query role, it reads only the
 * published columns (those the metadata describes) of published tables of published schemas, with its
 * privileges following every change of the metadata through the admin API.
 */
@Tag("database")
class QueryRoleGrantsIT {

    private static final String SCHEMA = "it_grants";
    private static final String ADMIN = "it-grants-admin";
    private static final String PASSWORD = "it-grants-secret";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @BeforeAll
    static void publishedScratchTables() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE it_grants.cols (id integer PRIMARY KEY, ra double precision, secret text)");
            s.execute("INSERT INTO it_grants.cols VALUES (1, 10.5, 's1')");
            for (String table : List.of("unpub", "never", "gone")) {
                s.execute("CREATE TABLE it_grants." + table + " (id integer PRIMARY KEY)");
                s.execute("INSERT INTO it_grants." + table + " VALUES (1)");
            }
            // no GRANTs to the query role: the schema's USAGE and the columns come with publishing
        }
        assertOk(Archive.send("POST", "/admin/metadata/discover?schema=" + SCHEMA, null, ADMIN, PASSWORD));
        put("/admin/metadata/schemas/" + SCHEMA, "\"published\":true");
        for (String table : List.of("cols", "unpub", "gone")) {
            put("/admin/metadata/tables/" + SCHEMA + "." + table, "\"published\":true");
        }
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            // a column the metadata does not describe (added after the discovery): not published
            s.execute("ALTER TABLE it_grants.cols ADD COLUMN hidden text DEFAULT 'never published'");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
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

    /** The first value of {@code sql} run as the query role. */
    private static String asQueryRole(String sql) throws SQLException {
        try (Connection q = Archive.connect("QUERY"); Statement s = q.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getObject(1)); // booleans as true/false, not PostgreSQL's t/f
        }
    }

    private static void refusedToQueryRole(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> asQueryRole(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage()); // permission denied
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getObject(1)); // booleans as true/false, not PostgreSQL's t/f
        }
    }

    @Test
    void publishedColumnsOnlyAndAColumnBecomesReadableWhenDescribed() throws Exception {
        assertEquals("1|10.5|s1", asQueryRole("SELECT id || '|' || ra || '|' || secret FROM it_grants.cols"));
        assertEquals("1", asQueryRole("SELECT count(*) FROM it_grants.cols"));
        refusedToQueryRole("SELECT hidden FROM it_grants.cols");
        refusedToQueryRole("SELECT * FROM it_grants.cols");
        refusedToQueryRole("SELECT id FROM it_grants.cols WHERE hidden IS NOT NULL");
        assertEquals("false", asQueryRole("SELECT has_table_privilege('it_grants.cols', 'SELECT')"));
        // ADQL's * is the published columns, written out by the translator: it still runs on the query role
        HttpResponse<byte[]> star = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"),
            Map.entry("QUERY", "SELECT * FROM it_grants.cols")));
        assertEquals(200, star.statusCode(), Tap.text(star));
        assertEquals(List.of("id,ra,secret", "1,10.5,s1"), Tap.text(star).lines().toList());

        // a column published for some groups only stays readable: their members query through this role
        String columns = Archive.send("GET", "/admin/metadata/tables/it_grants.cols/columns", null, ADMIN, PASSWORD).body();
        int version = Archive.version(columns.substring(columns.indexOf("\"name\":\"secret\"")));
        assertOk(Archive.send("PUT", "/admin/metadata/tables/it_grants.cols/columns/secret",
            "{\"dataAccess\":\"PRIVATE\",\"metadataAccess\":\"PRIVATE\",\"version\":" + version + "}", ADMIN, PASSWORD));
        assertEquals("s1", asQueryRole("SELECT secret FROM it_grants.cols"));

        // described (published) through the admin API: readable
        assertOk(Archive.send("POST", "/admin/metadata/discover?schema=" + SCHEMA, null, ADMIN, PASSWORD));
        assertEquals("never published", asQueryRole("SELECT hidden FROM it_grants.cols"));
        assertEquals("s1", asQueryRole("SELECT secret FROM it_grants.cols"));
    }

    @Test
    void unpublishingATableRemovesItsPrivilegesAndPublishingRestoresThem() throws Exception {
        assertEquals("1", asQueryRole("SELECT id FROM it_grants.unpub"));
        put("/admin/metadata/tables/it_grants.unpub", "\"published\":false");
        refusedToQueryRole("SELECT id FROM it_grants.unpub");
        refusedToQueryRole("SELECT count(*) FROM it_grants.unpub");
        put("/admin/metadata/tables/it_grants.unpub", "\"published\":true");
        assertEquals("1", asQueryRole("SELECT id FROM it_grants.unpub"));
    }

    @Test
    void tablesNeverPublishedOrWhoseMetadataWasDeletedAreRefused() throws Exception {
        refusedToQueryRole("SELECT id FROM it_grants.never");
        assertEquals("1", asQueryRole("SELECT id FROM it_grants.gone"));
        assertEquals(204, Archive.send("DELETE", "/admin/metadata/tables/it_grants.gone", null, ADMIN, PASSWORD).statusCode());
        refusedToQueryRole("SELECT id FROM it_grants.gone");
    }

    @Test
    void noScienceTableIsGrantedWholeToTheQueryRole() throws Exception {
        // the demo tables (loaded before or after the migration): every column, but column by column
        assertEquals("false", asQueryRole("SELECT has_table_privilege('demo.bsc5', 'SELECT')"));
        assertEquals("9096", asQueryRole("SELECT count(*) FROM demo.bsc5"));
        assertEquals("true", asQueryRole("SELECT has_column_privilege('demo.bsc5', 'vmag', 'SELECT')"));
        try (Connection c = Archive.connect("OWNER")) {
            String query = Archive.env("ARCHIVE_DB_QUERY_USER");
            // in the schemas the metadata describes, TAP_SCHEMA apart, no relation of the owner is the query role's whole
            assertEquals("0", scalar(c, """
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN archive.schemas s ON s.name = n.nspname
                 WHERE s.name <> 'tap_schema' AND c.relowner = current_user::regrole
                   AND has_table_privilege('%s', c.oid, 'SELECT')""".formatted(query)));
            // TAP_SCHEMA is read whole, as before
            assertEquals("true", scalar(c, "SELECT has_table_privilege('%s', 'tap_schema.columns', 'SELECT')".formatted(query)));
        }
    }
}
