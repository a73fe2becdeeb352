package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.postgres.PostgresTranslator;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Simple Cone Search over the demo catalogues and tables made here: the rows
 * of a cone are exactly those a plain spherical-trigonometry query finds (at the
 * poles and across RA 0/360 too), nearest first; the key FIELDs carry the SCS
 * 1.03 UCDs; errors are VOTables with SCS's Error INFO and DALI's status; the
 * search is index-backed; the admin API enables, changes and withdraws it; and
 * access levels hold.
 */
@Tag("smoke")
class ConeSearchIT {

    private static final String ADMIN = "it-scs-admin";
    private static final String MEMBER = "it-scs-member";
    private static final String PASSWORD = "it-scs-secret";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, "it_scs_members");

    @BeforeAll
    static void fixtures() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, "it_scs");
            for (String t : List.of("objects", "secret", "described")) {
                s.execute("CREATE TABLE it_scs." + t + " (name text PRIMARY KEY, alpha double precision,"
                    + " delta double precision, flux real, note text)");
                s.execute("INSERT INTO it_scs." + t + " VALUES ('A', 10.0, 20.0, 1.5, 'first'), ('B', 10.5, 20.0, 2.5, NULL),"
                    + " ('C', 200.0, -30.0, 3.5, 'far')");
            }
            // the application role reads whole tables, as after ingest; the query role's columns come with publishing (V21)
            s.execute("GRANT USAGE ON SCHEMA it_scs TO " + Archive.env("ARCHIVE_DB_APP_USER"));
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA it_scs TO " + Archive.env("ARCHIVE_DB_APP_USER"));
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=it_scs", null, ADMIN, PASSWORD).statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.schemas SET published = true WHERE name = 'it_scs'");
            s.execute("UPDATE archive.tables SET published = true,"
                + " data_access = CASE name WHEN 'secret' THEN 'PRIVATE' ELSE 'PUBLIC' END,"
                + " metadata_access = CASE name WHEN 'secret' THEN 'PRIVATE' ELSE 'PUBLIC' END"
                + " WHERE schema_id = (SELECT id FROM archive.schemas WHERE name = 'it_scs')");
            s.execute("UPDATE archive.columns SET ucd = CASE name WHEN 'name' THEN 'meta.id;meta.main'"
                + " WHEN 'alpha' THEN 'pos.eq.ra;meta.main' WHEN 'delta' THEN 'pos.eq.dec;meta.main' END,"
                + " principal = name = 'flux'"
                + " WHERE table_id IN (SELECT t.id FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id"
                + " WHERE s.name = 'it_scs')");
        }
        assertEquals(200, Archive.send("PUT", "/admin/metadata/tables/it_scs.secret/groups", "[\"it_scs_members\"]",
            ADMIN, PASSWORD).statusCode());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, "it_scs");
            // before its members (USERS deletes them after this): their archive.user_groups rows cascade (V3)
            s.execute("DELETE FROM archive.groups WHERE name = 'it_scs_members'");
        }
    }

    private static HttpResponse<String> cone(String table, String parameters, String user) throws Exception {
        return Archive.send("GET", "/scs/" + table.replace('.', '/') + "?" + parameters, null, user,
            user == null ? null : PASSWORD);
    }

    private static StarTable votable(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return Tap.table(response.body().getBytes(StandardCharsets.UTF_8), "votable");
    }

    private static int column(StarTable t, String name) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    /** The values of one column, and that the distances ascend. */
    private static List<String> ids(StarTable t, String idColumn) throws Exception {
        List<String> ids = new ArrayList<>();
        int id = column(t, idColumn);
        int r = column(t, "_r");
        double last = -1;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                ids.add((String) rows.getCell(id));
                double distance = ((Number) rows.getCell(r)).doubleValue();
                assertTrue(distance >= last, "nearest first");
                last = distance;
            }
        }
        return ids;
    }

    /** The stars in the cone by plain spherical trigonometry on the stored numbers (no pg_sphere, no index). */
    private static TreeSet<String> bruteForce(double ra, double dec, double sr) throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        try (Connection c = Archive.connect("QUERY"); PreparedStatement s = c.prepareStatement("""
                SELECT star_id FROM demo.kstars
                 WHERE degrees(2 * asin(least(1, sqrt(sin(radians(dec - ?) / 2) ^ 2
                       + cos(radians(dec)) * cos(radians(?)) * sin(radians(ra - ?) / 2) ^ 2)))) <= ?""")) {
            s.setDouble(1, dec);
            s.setDouble(2, dec);
            s.setDouble(3, ra);
            s.setDouble(4, sr);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    @Test
    void conesFindExactlyTheStarsInsideNearestFirstAtThePolesAndAcrossRaZero() throws Exception {
        double[][] cones = {{101.28, -16.71, 1.5}, {0.0, 90.0, 3.0}, {123.4, -89.5, 2.0}, {0.2, 10.0, 2.5},
            {359.9, -5.0, 1.0}, {180.0, 0.0, 0.0001}};
        for (double[] c : cones) {
            String parameters = "RA=" + c[0] + "&DEC=" + c[1] + "&SR=" + c[2] + "&VERB=1";
            List<String> found = ids(votable(cone("demo.kstars", parameters, null)), "star_id");
            assertEquals(bruteForce(c[0], c[1], c[2]), new TreeSet<>(found), parameters);
            assertEquals(found.size(), new TreeSet<>(found).size(), "no star twice: " + parameters);
        }
        // the wrap-around cone really straddles RA 0/360
        List<Double> ras = new ArrayList<>();
        StarTable wrap = votable(cone("demo.kstars", "RA=0.2&DEC=10&SR=2.5&VERB=1", null));
        try (RowSequence rows = wrap.getRowSequence()) {
            while (rows.next()) {
                ras.add(((Number) rows.getCell(column(wrap, "ra"))).doubleValue());
            }
        }
        assertTrue(ras.stream().anyMatch(ra -> ra > 350) && ras.stream().anyMatch(ra -> ra < 10), ras.toString());
    }

    @Test
    void keyFieldsCarryTheScsUcdsAndVerbosityChoosesTheColumns() throws Exception {
        HttpResponse<String> r = cone("demo.bsc5", "RA=101.28&DEC=-16.71&SR=1", null);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), r.headers().toString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("content=x-votable"));
        StarTable t = votable(r);
        List<String> ucds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            ColumnInfo info = t.getColumnInfo(i);
            ucds.add(info.getUCD());
            names.add(info.getName());
        }
        for (String ucd : List.of("ID_MAIN", "POS_EQ_RA_MAIN", "POS_EQ_DEC_MAIN")) {
            assertEquals(1, ucds.stream().filter(ucd::equals).count(), ucd + " exactly once: " + ucds);
        }
        assertEquals(String.class, t.getColumnInfo(names.indexOf("hr")).getContentClass(), "the ID is text");
        assertEquals(Double.class, t.getColumnInfo(names.indexOf("ra")).getContentClass());
        assertEquals("pos.angDistance", ucds.get(names.indexOf("_r")));
        assertEquals(List.of("2491"), ids(t, "hr"), "Sirius");
        // VERB=2 (the default) is the principal columns; 1 the key columns; 3 every column
        assertEquals(List.of("hr", "name", "ra", "dec", "vmag", "_r"), names);
        assertEquals(List.of("hr", "ra", "dec", "_r"), fieldNames(cone("demo.bsc5", "RA=0&DEC=0&SR=0&VERB=1", null)));
        List<String> all = fieldNames(cone("demo.bsc5", "RA=0&DEC=0&SR=0&VERB=3", null));
        assertTrue(all.containsAll(List.of("hr", "name", "ra", "dec", "vmag", "hd", "sao", "pos", "_r")), all.toString());
    }

    private static List<String> fieldNames(HttpResponse<String> response) throws Exception {
        StarTable t = votable(response);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            names.add(t.getColumnInfo(i).getName());
        }
        return names;
    }

    @Test
    void metadataQueriesAndMaxrecFollowScsAndDali() throws Exception {
        for (String metadataOnly : List.of("RA=0&DEC=90&SR=0", "RA=101.28&DEC=-16.71&SR=10&MAXREC=0")) {
            HttpResponse<String> r = cone("demo.kstars", metadataOnly, null);
            StarTable t = votable(r);
            assertTrue(t.getColumnCount() > 3, metadataOnly);
            assertEquals(List.of(), ids(t, "star_id"), metadataOnly);
        }
        HttpResponse<String> capped = cone("demo.kstars", "RA=101.28&DEC=-16.71&SR=10&MAXREC=5&FOO=ignored", null);
        assertEquals(5, ids(votable(capped), "star_id").size());
        assertTrue(capped.body().contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\""), capped.body());
        // DALI's POST and other formats
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Archive.baseUrl() + "/scs/demo/bsc5"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("ra=101.28&dec=-16.71&sr=1&verb=1")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(List.of("2491"), ids(votable(post), "hr"), "POST, and parameter names in any case");
        HttpResponse<String> csv = cone("demo.bsc5", "RA=101.28&DEC=-16.71&SR=1&RESPONSEFORMAT=csv", null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("hr,name,ra,dec,vmag,_r", csv.body().lines().findFirst().orElse(""));
    }

    @Test
    void badConesAreErrorVOTablesWithTheScsErrorInfo() throws Exception {
        String[][] cases = {{"DEC=1&SR=1", "RA is missing"}, {"RA=1&DEC=91&SR=1", "DEC=91 is out of range"},
            {"RA=x&DEC=1&SR=1", "RA must be a number"}, {"RA=1&DEC=1&SR=-1", "SR=-1 is out of range"},
            {"RA=NaN&DEC=1&SR=1", "RA=NaN is out of range"}, {"RA=1&DEC=1&SR=1&VERB=7", "VERB must be 1, 2 or 3"},
            {"RA=1&DEC=1&SR=1&RESPONSEFORMAT=bogus", "RESPONSEFORMAT=bogus"}, {"RA=1&RA=2&DEC=1&SR=1", "RA may be given once"}};
        for (String[] c : cases) {
            HttpResponse<String> r = cone("demo.bsc5", c[0], null);
            assertEquals(400, r.statusCode(), c[0]);
            assertScsError(r, c[1]);
        }
        HttpResponse<String> unknown = cone("demo.nothing", "RA=1&DEC=1&SR=1", null);
        assertEquals(404, unknown.statusCode());
        assertScsError(unknown, "no cone search for demo.nothing");
        assertEquals(404, Archive.send("GET", "/scs/demo/nothing/capabilities", null, null, null).statusCode());
    }

    private static void assertScsError(HttpResponse<String> r, String message) {
        Matcher root = Pattern.compile("<VOTABLE[^>]*>\\s*<INFO name=\"Error\" value=\"([^\"]*)\"").matcher(r.body());
        assertTrue(root.find(), "an Error INFO directly under VOTABLE: " + r.body());
        assertTrue(root.group(1).contains(message), root.group(1) + " should say " + message);
        assertTrue(r.body().contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), r.body());
    }

    @Test
    void conesAreIndexBacked() throws Exception {
        HttpResponse<String> r = cone("demo.kstars", "RA=0.2&DEC=10&SR=2.5", null);
        Matcher query = Pattern.compile("<INFO name=\"QUERY\" value=\"([^\"]*)\"").matcher(r.body());
        assertTrue(query.find(), r.body());
        String adql = query.group(1).replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&");
        String sql = new PostgresTranslator().translate(QueryParser.syntaxOnly().parse(adql), OptionalLong.of(100001));
        StringBuilder plan = new StringBuilder();
        try (Connection c = Archive.connect("QUERY"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        assertTrue(plan.toString().contains("Index Scan"), plan.toString());
        assertFalse(plan.toString().contains("Seq Scan"), plan.toString());
    }


    @Test
    void operatorsEnableChangeAndWithdrawAConeSearch() throws Exception {
        String path = "/admin/metadata/tables/it_scs.objects/conesearch";
        assertEquals(404, cone("it_scs.objects", "RA=10&DEC=20&SR=1", null).statusCode(), "not enabled yet");
        HttpResponse<String> proposal = Archive.send("GET", path, null, ADMIN, PASSWORD);
        assertEquals(200, proposal.statusCode(), proposal.body());
        assertTrue(proposal.body().contains("\"enabled\":false"), proposal.body());
        assertTrue(proposal.body().contains("\"raColumn\":\"alpha\""), "detected by UCD: " + proposal.body());
        int version = Archive.version(proposal.body());
        assertEquals(403, Archive.send("PUT", path, "{\"version\":" + version + "}", MEMBER, PASSWORD).statusCode());
        HttpResponse<String> bad = Archive.send("PUT", path, "{\"raColumn\":\"note\",\"version\":" + version + "}",
            ADMIN, PASSWORD);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("raColumn"), bad.body());
        HttpResponse<String> badVerb = Archive.send("PUT", path, "{\"verb1\":[\"nope\"],\"version\":" + version + "}",
            ADMIN, PASSWORD);
        assertTrue(badVerb.body().contains("verb1[0]"), badVerb.body());
        HttpResponse<String> enabled = Archive.send("PUT", path, "{\"maxSR\":2.0,\"maxRecords\":2,\"version\":" + version + "}",
            ADMIN, PASSWORD);
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertTrue(enabled.body().contains("\"enabled\":true"), enabled.body());
        assertTrue(enabled.body().contains("\"testQuery\""), "a test query from the rows: " + enabled.body());
        HttpResponse<String> stale = Archive.send("PUT", path, "{\"version\":" + version + "}", ADMIN, PASSWORD);
        assertEquals(409, stale.statusCode(), "a second editor with the old version: " + stale.body());

        assertEquals(List.of("A", "B"), ids(votable(cone("it_scs.objects", "RA=10.2&DEC=20&SR=1", null)), "name"));
        HttpResponse<String> tooLarge = cone("it_scs.objects", "RA=10&DEC=20&SR=5", null);
        assertEquals(400, tooLarge.statusCode());
        assertScsError(tooLarge, "maxSR");
        HttpResponse<String> capped = cone("it_scs.objects", "RA=10&DEC=20&SR=2&MAXREC=1000", null);
        assertEquals(2, ids(votable(capped), "name").size(), "maxRecords caps MAXREC");
        String capabilities = new String(Archive.get("/scs/it_scs/objects/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(capabilities.contains("<maxSR>2.0</maxSR>") && capabilities.contains("<maxRecords>2</maxRecords>"),
            capabilities);
        Matcher test = Pattern.compile("<ra>([^<]+)</ra>\\s*<dec>([^<]+)</dec>\\s*<sr>([^<]+)</sr>").matcher(capabilities);
        assertTrue(test.find(), capabilities);
        assertFalse(ids(votable(cone("it_scs.objects", "RA=" + test.group(1) + "&DEC=" + test.group(2) + "&SR="
            + test.group(3), null)), "name").isEmpty(), "the test query finds something");
        String home = new String(Archive.get("/").body(), StandardCharsets.UTF_8);
        assertTrue(home.contains("/scs/it_scs/objects"), "the home page lists it");

        String export = Archive.send("GET", "/admin/metadata/export", null, ADMIN, PASSWORD).body();
        assertTrue(export.contains("\"idColumn\":\"name\""), "exported with the metadata");

        int current = Archive.version(Archive.send("GET", path, null, ADMIN, PASSWORD).body());
        assertEquals(204, Archive.send("DELETE", path + "?version=" + current, null, ADMIN, PASSWORD).statusCode());
        assertEquals(404, cone("it_scs.objects", "RA=10&DEC=20&SR=1", null).statusCode(), "withdrawn");
        assertFalse(new String(Archive.get("/").body(), StandardCharsets.UTF_8).contains("/scs/it_scs/objects"));

        // importing the export brings it back, settings and all
        HttpResponse<String> imported = Archive.send("POST", "/admin/metadata/import", export, ADMIN, PASSWORD);
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(2, ids(votable(cone("it_scs.objects", "RA=10&DEC=20&SR=2&MAXREC=1000", null)), "name").size());
    }

    /**
     * The published metadata is kept between requests (metadata.PublishedMetadataCache): a column described anew
     * through the admin API is described so in the very next cone, with no wait.
     */
    @Test
    void aColumnDescribedAnewIsSoInTheNextCone() throws Exception {
        String settings = "/admin/metadata/tables/it_scs.described/conesearch";
        int version = Archive.version(Archive.send("GET", settings, null, ADMIN, PASSWORD).body());
        assertEquals(200, Archive.send("PUT", settings, "{\"version\":" + version + "}", ADMIN, PASSWORD).statusCode());
        for (String description : List.of("the first words on the note", "the second words on the note")) {
            String columns = Archive.send("GET", "/admin/metadata/tables/it_scs.described/columns", null, ADMIN, PASSWORD)
                .body();
            int read = Archive.version(columns.substring(columns.indexOf("\"name\":\"note\"")));
            HttpResponse<String> put = Archive.send("PUT", "/admin/metadata/tables/it_scs.described/columns/note",
                "{\"description\":\"" + description + "\",\"version\":" + read + "}", ADMIN, PASSWORD);
            assertEquals(200, put.statusCode(), put.body());
            StarTable t = votable(cone("it_scs.described", "RA=10.2&DEC=20&SR=1&VERB=3", null));
            assertEquals(description, t.getColumnInfo(column(t, "note")).getDescription());
        }
    }

    @Test
    void aPrivateTablesConeSearchIsForItsGroup() throws Exception {
        String path = "/admin/metadata/tables/it_scs.secret/conesearch";
        int version = Archive.version(Archive.send("GET", path, null, ADMIN, PASSWORD).body());
        assertEquals(200, Archive.send("PUT", path, "{\"version\":" + version + "}", ADMIN, PASSWORD).statusCode());
        assertEquals(404, cone("it_scs.secret", "RA=10&DEC=20&SR=1", null).statusCode());
        assertEquals(404, Archive.send("GET", "/scs/it_scs/secret/capabilities", null, null, null).statusCode());
        HttpResponse<String> member = cone("it_scs.secret", "RA=10&DEC=20&SR=1", MEMBER);
        assertEquals(List.of("A", "B"), ids(votable(member), "name"));
        assertNotNull(Archive.send("GET", "/scs/it_scs/secret/capabilities", null, MEMBER, PASSWORD).body());
        assertEquals(200, Archive.send("GET", "/scs/it_scs/secret/capabilities", null, MEMBER, PASSWORD).statusCode());
        assertFalse(new String(Archive.get("/").body(), StandardCharsets.UTF_8).contains("/scs/it_scs/secret"),
            "anonymous visitors are not shown it");
    }
}
