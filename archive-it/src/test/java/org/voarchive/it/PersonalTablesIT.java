package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voarchive.it.UserTables.CSV;
import static org.voarchive.it.UserTables.FITS;
import static org.voarchive.it.UserTables.TSV;
import static org.voarchive.it.UserTables.VOSI_TABLE;
import static org.voarchive.it.UserTables.VOTABLE;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.conformance.SchemaValidator;

/**
 * The life cycle of a personal table over HTTP (issue #22, design §1 and §8 item 1), one step after the other
 * on one table: created from a VOSI table document, loaded in four formats, a bad line refused whole, described,
 * indexed through the youcat/pyvo table-update job, queried with a cone and a cross-match against demo.kstars
 * (the index used by PostgreSQL), dropped from every interface; beside it a table created from a VOTable with
 * its rows, and the three capabilities that tell clients where all this is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalTablesIT {

    private static final String OWNER = "it_ptl_owner";
    private static final String PASSWORD = "it-ptl-secret";
    private static final String SCHEMA = UserTables.schema(OWNER);
    private static final String TARGETS = SCHEMA + ".targets";
    private static final String SEEDED = SCHEMA + ".seeded";
    private static final Duration JOB_TIME = Duration.ofSeconds(120);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(OWNER, PASSWORD);

    /** Three stars of demo.kstars (star_id, ra, dec), each planted as a target 0.5″ north of it. */
    private static final List<double[]> STARS = new ArrayList<>();

    @BeforeAll
    static void stars() throws Exception {
        UserTables.cleanUp(PASSWORD, OWNER);
        for (String line : UserTables.rows("SELECT TOP 3 star_id, ra, dec FROM demo.kstars WHERE dec BETWEEN -60 AND 60"
                + " ORDER BY star_id", null, null)) {
            String[] f = line.split(",");
            STARS.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        assertEquals(3, STARS.size());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        UserTables.cleanUp(PASSWORD, OWNER);
    }

    private static long count(String table) throws Exception {
        return UserTables.count(table, OWNER, PASSWORD);
    }

    private static List<String> rows(String adql) throws Exception {
        return UserTables.rows(adql, OWNER, PASSWORD);
    }

    private static HttpResponse<String> vosi(String name) throws Exception {
        return UserTables.send("GET", "/tap/tables/" + name, null, (byte[]) null, OWNER, PASSWORD);
    }

    @Test
    @Order(1)
    void aVosiTableDocumentCreatesTheTableAndAnswersItsDescription() throws Exception {
        String doc = UserTables.vosiTable("targets", "Targets for the 2027A proposal", UserTables.targetColumns());
        HttpResponse<String> r = UserTables.create(TARGETS, VOSI_TABLE, doc.getBytes(StandardCharsets.UTF_8), OWNER,
            PASSWORD);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(Archive.baseUrl() + "/tap/tables/" + TARGETS, r.headers().firstValue("Location").orElse(""));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), r.headers().map().toString());
        HttpResponse<String> get = vosi(TARGETS);
        assertEquals(200, get.statusCode(), get.body());
        assertEquals(get.body(), r.body(), "the 201's body is what GET answers");
        assertEquals(List.of(), SchemaValidator.problems(r.body().getBytes(StandardCharsets.UTF_8), UserTables.VOSI_NS, "table"));
        assertTrue(r.body().contains("<name>" + TARGETS + "</name>"), r.body());
        assertTrue(r.body().contains("Targets for the 2027A proposal"), r.body());
        // in TAP_SCHEMA for its owner, with the columns as declared
        // text columns are unicodeChar throughout the archive (V5: PostgreSQL text is UTF-8)
        assertEquals(List.of("dec,double,deg,pos.eq.dec;meta.main", "id,long,,", "name,unicodeChar,,",
            "ra,double,deg,pos.eq.ra;meta.main"), rows("SELECT column_name, datatype, unit, ucd FROM TAP_SCHEMA.columns"
            + " WHERE table_name = '" + TARGETS + "' ORDER BY column_name"));
        assertEquals(0, count(TARGETS));
        assertTrue(UserTables.relationExists(TARGETS));
    }

    @Test
    @Order(2)
    void aVotableWithRowsCreatesTheTableWithThem() throws Exception {
        byte[] votable = UserTables.votable(new Object[] {1L, 10.0, 20.0, "a"}, new Object[] {2L, 11.0, 21.0, "b"},
            new Object[] {3L, 12.0, 22.0, null});
        HttpResponse<String> r = UserTables.create(SEEDED, VOTABLE, votable, OWNER, PASSWORD);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(3, count(SEEDED));
        assertEquals(List.of("1,10.0,20.0,a", "2,11.0,21.0,b", "3,12.0,22.0,"),
            rows("SELECT id, ra, dec, name FROM " + SEEDED + " ORDER BY id"));
        // POST of a VOTable with rows appends them (VOSI 1.2 WD), its description changes nothing else
        HttpResponse<String> more = UserTables.send("POST", "/tap/tables/" + SEEDED, VOTABLE,
            UserTables.votable(new Object[] {4L, 13.0, 23.0, "d"}), OWNER, PASSWORD);
        assertEquals(204, more.statusCode(), more.body());
        assertEquals(4, count(SEEDED));
    }

    @Test
    @Order(3)
    void csvTsvFitsAndVotableRowsAreAppended() throws Exception {
        UserTables.loaded(TARGETS, CSV, "id,ra,dec,name\n1,10.68,41.27,M31\n2,83.82,-5.39,\"Orion, M42\"\n"
            .getBytes(StandardCharsets.UTF_8), 2, OWNER, PASSWORD);
        StringBuilder tsv = new StringBuilder("name\tdec\tid\tra\n"); // a subset of the columns in any order
        for (int i = 0; i < STARS.size(); i++) {
            double[] star = STARS.get(i);
            tsv.append("planted ").append((long) star[0]).append('\t').append(star[2] + 0.5 / 3600).append('\t')
                .append(101 + i).append('\t').append(star[1]).append('\n');
        }
        UserTables.loaded(TARGETS, TSV, tsv.toString().getBytes(StandardCharsets.UTF_8), 3, OWNER, PASSWORD);
        UserTables.loaded(TARGETS, FITS, UserTables.fits(new Object[] {201L, 200.0, -30.0, "fits one"},
            new Object[] {202L, 201.0, -31.0, "fits two"}), 2, OWNER, PASSWORD);
        UserTables.loaded(TARGETS, VOTABLE, UserTables.votable(new Object[] {301L, 300.0, 60.0, "votable"}), 1, OWNER,
            PASSWORD);
        // without a header line: the columns in the table's order
        UserTables.loaded(TARGETS, CSV + "; header=absent", "5,1.5,-1.5,no header\n".getBytes(StandardCharsets.UTF_8), 1,
            OWNER, PASSWORD);
        assertEquals(9, count(TARGETS));
        assertEquals(List.of("1,M31", "2,\"Orion, M42\"", "5,no header", "101,planted " + (long) STARS.get(0)[0],
            "201,fits one", "301,votable"), rows("SELECT id, name FROM " + TARGETS + " WHERE id IN (1, 2, 5, 101, 201, 301)"
            + " ORDER BY id"));
        assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM " + TARGETS + " WHERE name IS NULL"), "no column left out");
    }

    @Test
    @Order(4)
    void aBadLineRefusesTheWholeLoadNamingLineAndColumn() throws Exception {
        String tsv = "id\tra\tdec\tname\n401\t1.0\t2.0\tok\n402\t1.0\t2.0\tok\n403\t1.0\t2.0\tok\n404\t1.0\tx41.2\tbad\n";
        String message = UserTables.refused(400, UserTables.load(TARGETS, TSV, tsv, OWNER, PASSWORD));
        assertTrue(message.contains("line 5"), message);
        assertTrue(message.contains("dec"), message);
        assertTrue(message.contains("x41.2"), message);
        assertEquals(9, count(TARGETS), "nothing of the refused load was inserted");
    }

    @Test
    @Order(5)
    void describingChangesUnitsUcdsAndDescriptionsEverywhere() throws Exception {
        List<UserTables.Col> columns = List.of(new UserTables.Col("name", "char", "*", null, "meta.id;meta.main"),
            new UserTables.Col("ra", "double", null, "degree", "pos.eq.ra;meta.main"));
        String doc = UserTables.vosiTable("targets", "Targets, revised", columns);
        HttpResponse<String> r = UserTables.send("POST", "/tap/tables/" + TARGETS, VOSI_TABLE, doc, OWNER, PASSWORD);
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(List.of("dec,deg,pos.eq.dec;meta.main", "id,,", "name,,meta.id;meta.main",
            "ra,degree,pos.eq.ra;meta.main"), rows("SELECT column_name, unit, ucd FROM TAP_SCHEMA.columns"
            + " WHERE table_name = '" + TARGETS + "' ORDER BY column_name"));
        assertEquals(List.of("\"Targets, revised\""), rows("SELECT description FROM TAP_SCHEMA.tables"
            + " WHERE table_name = '" + TARGETS + "'"));
        String table = vosi(TARGETS).body();
        assertTrue(table.contains("<ucd>meta.id;meta.main</ucd>") && table.contains("<unit>degree</unit>")
            && table.contains("Targets, revised"), table);
        assertEquals(9, count(TARGETS), "a description without rows adds none");
        // a column the table lacks, and a different datatype: structural changes, refused naming the column
        String lacking = UserTables.refused(400, UserTables.send("POST", "/tap/tables/" + TARGETS, VOSI_TABLE,
            UserTables.vosiTable("targets", null, List.of(UserTables.Col.of("magnitude", "float"))), OWNER, PASSWORD));
        assertTrue(lacking.contains("magnitude"), lacking);
        String retyped = UserTables.refused(400, UserTables.send("POST", "/tap/tables/" + TARGETS, VOSI_TABLE,
            UserTables.vosiTable("targets", null, List.of(UserTables.Col.of("id", "int"))), OWNER, PASSWORD));
        assertTrue(retyped.contains("id"), retyped);
    }

    @Test
    @Order(6)
    void theTableUpdateJobIndexesPositionsAsPyvoAsksForIt() throws Exception {
        // pyvo's create_index (pyvo/dal/tap.py l.645-684): lower-case form, redirects not followed, 303 wanted
        HttpResponse<String> r = UserTables.send("POST", "/tap/table-update", UserTables.FORM,
            UserTables.form("table", TARGETS, "index", "ra", "unique", "false"), OWNER, PASSWORD);
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow();
        assertTrue(job.startsWith(Archive.baseUrl() + "/tap/table-update/"), job);
        Uws uws = Uws.as(OWNER, PASSWORD);
        assertEquals("PENDING", uws.phase(job));
        assertEquals(303, uws.post(job + "/phase", "PHASE", "RUN").statusCode());
        String doc = uws.awaitEnd(job, JOB_TIME);
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        uws.delete(job);

        // both of the position pair are indexed in TAP_SCHEMA (the index is on spoint(radians(ra), radians(dec)))
        assertEquals(List.of("dec,1", "id,0", "name,0", "ra,1"), rows("SELECT column_name, indexed FROM"
            + " TAP_SCHEMA.columns WHERE table_name = '" + TARGETS + "' ORDER BY column_name"));
        String definition = UserTables.scalar("SELECT string_agg(indexdef, ' ') FROM pg_indexes WHERE schemaname = ?"
            + " AND tablename = 'targets'", SCHEMA);
        assertTrue(definition != null && definition.contains("USING gist")
            && definition.replace("\"", "").contains("spoint(radians(ra), radians(dec))"), definition);
        // PostgreSQL plans a cone on it with the index (sequential scans off: 9 rows would be read whole), on
        // the query role that user queries run on
        StringBuilder plan = new StringBuilder();
        try (Connection c = Archive.connect("QUERY"); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM " + TARGETS + " WHERE spoint(radians(ra), radians(dec))"
                    + " @ scircle(spoint(radians(10.68), radians(41.27)), radians(0.01))")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertTrue(plan.toString().contains("Index") && plan.toString().contains(" on targets"), plan.toString());
        // indexing the pair again is an error of the job, not of the request (pyvo needs the 303)
        HttpResponse<String> again = UserTables.send("POST", "/tap/table-update", UserTables.FORM,
            UserTables.form("TABLE", TARGETS, "INDEX", "ra", "PHASE", "RUN"), OWNER, PASSWORD);
        assertEquals(303, again.statusCode(), again.body());
        String second = again.headers().firstValue("Location").orElseThrow();
        String failed = uws.awaitEnd(second, JOB_TIME);
        assertEquals("ERROR", Uws.phaseOf(failed), failed);
        assertTrue(failed.contains("indexed"), failed);
        uws.delete(second);
    }

    @Test
    @Order(7)
    void anAdqlConeFindsItsTargets() throws Exception {
        assertEquals(List.of("1"), rows("SELECT id FROM " + TARGETS
            + " WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10.68, 41.27, 0.01))"));
        double[] star = STARS.get(1);
        assertEquals(List.of("102"), rows("SELECT id FROM " + TARGETS + " WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE("
            + star[1] + ", " + star[2] + ", 1.0/3600))"));
    }

    @Test
    @Order(8)
    void aCrossMatchWithDemoKstarsFindsThePlantedPairs() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < STARS.size(); i++) {
            double[] star = STARS.get(i);
            // every kstars star within 1″ of the target, counted by PostgreSQL directly (a double star counts twice)
            try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT star_id FROM demo.kstars WHERE pos <@ scircle(spoint(radians(" + star[1] + "), radians("
                    + (star[2] + 0.5 / 3600) + ")), radians(1.0 / 3600))")) {
                while (rs.next()) {
                    expected.add((101 + i) + "," + rs.getLong("star_id"));
                }
            }
            assertTrue(expected.contains((101 + i) + "," + (long) star[0]), expected.toString());
        }
        Set<String> found = new TreeSet<>(rows("SELECT u.id, k.star_id FROM " + TARGETS + " AS u JOIN demo.kstars AS k"
            + " ON 1 = CONTAINS(POINT(u.ra, u.dec), CIRCLE(k.ra, k.dec, 1.0/3600))"));
        assertEquals(expected, found);
    }

    @Test
    @Order(9)
    void droppingRemovesTheTableFromEveryInterface() throws Exception {
        HttpResponse<String> r = UserTables.send("DELETE", "/tap/tables/" + TARGETS, null, (byte[]) null, OWNER, PASSWORD);
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(404, vosi(TARGETS).statusCode());
        assertFalse(UserTables.send("GET", "/tap/tables?detail=min", null, (byte[]) null, OWNER, PASSWORD).body()
            .contains("<name>" + TARGETS + "</name>"));
        assertEquals(List.of(), rows("SELECT table_name FROM TAP_SCHEMA.tables WHERE table_name = '" + TARGETS + "'"));
        assertEquals(List.of(), rows("SELECT column_name FROM TAP_SCHEMA.columns WHERE table_name = '" + TARGETS + "'"));
        HttpResponse<String> query = UserTables.sync("SELECT COUNT(*) FROM " + TARGETS, OWNER, PASSWORD);
        assertEquals(400, query.statusCode(), query.body());
        assertTrue(query.body().contains("targets"), query.body());
        assertFalse(UserTables.relationExists(TARGETS), "the PostgreSQL table is gone");
        assertNull(UserTables.scalar("SELECT t.id FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id"
            + " WHERE s.name = ? AND t.name IN ('targets', ?)", SCHEMA, TARGETS));
        UserTables.refused(404, UserTables.send("DELETE", "/tap/tables/" + TARGETS, null, (byte[]) null, OWNER, PASSWORD));
        assertEquals(204, UserTables.send("DELETE", "/tap/tables/" + SEEDED, null, (byte[]) null, OWNER, PASSWORD)
            .statusCode());
    }

    @Test
    @Order(10)
    void theCapabilitiesNameTheThreeYoucatInterfaces() throws Exception {
        HttpResponse<byte[]> r = Archive.get("/tap/capabilities");
        assertEquals(200, r.statusCode());
        assertEquals(List.of(), SchemaValidator.problems(r.body(), "http://www.ivoa.net/xml/VOSICapabilities/v1.0",
            "capabilities"));
        String doc = new String(r.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        for (String[] capability : new String[][] {{"table-update-async-1.x", "/tap/table-update"},
                {"table-load-sync-1.x", "/tap/load"}, {"table-permissions-1.x", "/tap/permissions"}}) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<capability[^>]* standardID=\"ivo://ivoa.net/std/VOSI#"
                + capability[0].replace(".", "\\.") + "\"[^>]*>(?:(?!</capability>).)*<accessURL use=\"base\">\\s*([^<]+?)"
                + "\\s*</accessURL>").matcher(doc);
            assertTrue(m.find(), capability[0] + " in " + doc);
            assertTrue(m.group(1).endsWith(capability[1]), m.group(1));
        }
    }
}
