package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/** TAP 1.1 sync queries against the running archive: formats, status INFOs, MAXREC, errors, uploads, limits. */
class TapSyncIT {

    private static final String VOTABLE_NS = "http://www.ivoa.net/xml/VOTable/v1.3";
    private static final String TOP5 = "SELECT TOP 5 hr, name, ra, dec, vmag FROM demo.bsc5 ORDER BY hr";

    private static List<Map.Entry<String, String>> params(String... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return list;
    }

    private static List<Object[]> rows(StarTable table) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence seq = table.getRowSequence()) {
            while (seq.next()) {
                rows.add(seq.getRow());
            }
        }
        return rows;
    }

    /** The first five stars by HR number, read straight from the database. */
    private static List<String> expectedTop5() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = Archive.connect("QUERY"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM demo.bsc5 ORDER BY hr LIMIT 5")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    @Tag("smoke")
    void everyFormatCarriesTheSameRowsAndEchoesItsContentType() throws Exception {
        List<String> expected = expectedTop5();
        Map<String, String> votables = Map.of(
            "votable", "application/x-votable+xml",
            "application/x-votable+xml;serialization=TABLEDATA", "application/x-votable+xml;serialization=TABLEDATA",
            "votable/b", "application/x-votable+xml;serialization=BINARY",
            "text/xml", "text/xml");
        for (Map.Entry<String, String> f : votables.entrySet()) {
            HttpResponse<byte[]> r = Tap.get(params("LANG", "ADQL", "QUERY", TOP5, "RESPONSEFORMAT", f.getKey()));
            assertEquals(200, r.statusCode(), f.getKey());
            assertEquals(f.getValue(), r.headers().firstValue("Content-Type").orElseThrow(), f.getKey());
            assertEquals(List.of(), SchemaValidator.problems(r.body(), VOTABLE_NS, "VOTABLE"), f.getKey());
            assertEquals(expected, rows(Tap.table(r.body(), "votable")).stream().map(row -> (String) row[1]).toList());
        }
        HttpResponse<byte[]> csv = Tap.get(params("LANG", "ADQL", "QUERY", TOP5, "RESPONSEFORMAT", "csv"));
        assertEquals("text/csv;header=present", csv.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(expected, rows(Tap.table(csv.body(), "csv")).stream().map(row -> (String) row[1]).toList());
        assertTrue(expected.contains(null), "the first stars include unnamed ones, so NULL is covered: " + expected);

        HttpResponse<byte[]> fits = Tap.get(params("LANG", "ADQL", "QUERY", TOP5, "FORMAT", "application/fits"));
        assertEquals("application/fits", fits.headers().firstValue("Content-Type").orElseThrow());
        StarTable fitsTable = Tap.table(fits.body(), "fits");
        assertEquals(expected, rows(fitsTable).stream().map(row -> row[1] == null ? null : ((String) row[1]).trim()).toList());

        HttpResponse<byte[]> tsv = Tap.get(params("LANG", "ADQL", "QUERY", TOP5, "RESPONSEFORMAT", "tsv"));
        assertEquals("text/tab-separated-values", tsv.headers().firstValue("Content-Type").orElseThrow());
        List<String> lines = Tap.text(tsv).lines().toList();
        assertEquals("hr\tname\tra\tdec\tvmag", lines.get(0));
        assertEquals(expected, lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)[1])
            .map(n -> n.isEmpty() ? null : n).toList());

        HttpResponse<byte[]> json = Tap.get(params("LANG", "ADQL", "QUERY", TOP5, "RESPONSEFORMAT", "json"));
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        String text = Tap.text(json);
        assertTrue(text.contains("\"name\":\"vmag\",\"datatype\":\"float\""), text);
        assertTrue(text.endsWith("\"queryStatus\":\"OK\"}\n"), text);
        for (String name : expected) {
            assertTrue(text.contains(name == null ? ",null," : "\"" + name + "\""), name);
        }
    }

    @Test
    void fieldsCarryTheCheckersMetadataAndInfosDescribeTheQuery() throws Exception {
        HttpResponse<byte[]> r = Tap.get(params("LANG", "ADQL", "QUERY", "SELECT TOP 1 ra, vmag, pos FROM demo.bsc5",
            "RESPONSEFORMAT", "votable/td"));
        String doc = Tap.text(r);
        assertTrue(doc.contains("<FIELD datatype=\"double\" name=\"ra\" ucd=\"pos.eq.ra;meta.main\" unit=\"deg\">"), doc);
        assertTrue(doc.contains("xtype=\"point\""), doc);
        assertTrue(doc.contains("<LINK title=\"source table\" href=\"" + Archive.baseUrl() + "/tap/tables/demo.bsc5\"/>"), doc);
        assertTrue(doc.indexOf("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>") < doc.indexOf("<TABLE>"), doc);
        assertTrue(doc.contains("<INFO name=\"QUERY\" value=\"SELECT TOP 1 ra, vmag, pos FROM demo.bsc5\"/>"), doc);
        assertTrue(doc.contains("<INFO name=\"source_table\" value=\"demo.bsc5\"/>"), doc);
        assertEquals(1, count(doc, "<RESOURCE type=\"results\">"));
        StarTable t = Tap.table(r.body(), "votable");
        double[] pos = (double[]) rows(t).get(0)[2];
        assertEquals(2, pos.length);
        assertEquals((Double) rows(t).get(0)[0], pos[0], 1e-9);
    }

    @Test
    void maxrecCutsWithATrailingOverflowAndZeroGivesMetadataOnly() throws Exception {
        HttpResponse<byte[]> cut = Tap.get(params("LANG", "ADQL", "QUERY", "SELECT hr FROM demo.bsc5", "MAXREC", "3",
            "RESPONSEFORMAT", "votable/td"));
        String doc = Tap.text(cut);
        assertEquals(3, count(doc, "<TR>"));
        assertTrue(doc.indexOf("value=\"OVERFLOW\"") > doc.indexOf("</TABLE>"), doc);
        assertEquals(List.of(), SchemaValidator.problems(cut.body(), VOTABLE_NS, "VOTABLE"));

        String top = Tap.text(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT TOP 3 hr FROM demo.bsc5", "MAXREC", "3",
            "RESPONSEFORMAT", "votable/td")));
        assertEquals(3, count(top, "<TR>"));
        assertFalse(top.contains("OVERFLOW"), "TOP 3 with MAXREC 3 is complete: " + top);

        String zero = Tap.text(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT hr, name FROM demo.bsc5", "MAXREC", "0",
            "RESPONSEFORMAT", "votable/td")));
        assertEquals(0, count(zero, "<TR>"));
        assertEquals(2, count(zero, "<FIELD"));
        assertTrue(zero.contains("value=\"OVERFLOW\""), zero);
    }

    @Test
    void parameterNamesAreCaseInsensitiveAndTap10LeftoversAreAccepted() throws Exception {
        HttpResponse<byte[]> r = Tap.post(params("lang", "adql-2.1", "Query", "SELECT TOP 2 hr FROM demo.bsc5",
            "REQUEST", "doQuery", "VERSION", "1.0", "responseformat", "csv"));
        assertEquals(200, r.statusCode(), Tap.text(r));
        assertEquals(3, Tap.text(r).lines().count());
    }

    @Test
    void mistakesAreDaliErrorDocumentsWith400() throws Exception {
        assertError(Tap.get(params("QUERY", "SELECT 1 FROM demo.bsc5")), "LANG is missing");
        assertError(Tap.get(params("LANG", "SQL", "QUERY", "SELECT 1")), "LANG=SQL is not supported");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT 1", "QUERY", "SELECT 2")), "given 2 times");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT TOP 1 hr FROM demo.bsc5", "RESPONSEFORMAT", "xls")),
            "RESPONSEFORMAT=xls is not supported");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT 1", "MAXREC", "-1")), "MAXREC must not be negative");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT hr\nFROM demo.nothere")), "2:6");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT hr FROM demo.bsc5 WHERE")), "syntax error at 1:");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT TOP 1 1/0 FROM demo.bsc5")), "division by zero");
    }

    private static void assertError(HttpResponse<byte[]> r, String message) throws Exception {
        String doc = Tap.text(r);
        assertEquals(400, r.statusCode(), doc);
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-votable+xml"));
        assertEquals(List.of(), SchemaValidator.problems(r.body(), VOTABLE_NS, "VOTABLE"));
        assertTrue(doc.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), doc);
        assertTrue(doc.contains(message), "expected '" + message + "' in " + doc);
        assertFalse(doc.contains("Exception"), doc);
    }

    static final String UPLOAD = """
        <?xml version="1.0"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
        <RESOURCE><TABLE>
        <FIELD name="id" datatype="long"/>
        <FIELD name="p" datatype="double" arraysize="2" xtype="point" unit="deg"/>
        <FIELD name="label" datatype="unicodeChar" arraysize="*"/>
        <FIELD name="flag" datatype="boolean"/>
        <FIELD name="seen" datatype="char" arraysize="*" xtype="timestamp"/>
        <FIELD name="counts" datatype="int" arraysize="*"/>
        <DATA><TABLEDATA>
        <TR><TD>1099511627776</TD><TD>101.2875 -16.7161</TD><TD>Sírius ✓</TD><TD>T</TD><TD>2026-11-25T10:00:00</TD><TD>1 2 3</TD></TR>
        <TR><TD>2</TD><TD>95.988 -52.6958</TD><TD>Canopus</TD><TD>F</TD><TD>1999-01-01T00:00:00.5</TD><TD>4</TD></TR>
        <TR><TD>3</TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD></TR>
        </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
        """;

    @Test
    @Tag("smoke")
    void inlineUploadsRoundTripEveryTypeAndCrossMatchWithPublishedTables() throws Exception {
        HttpResponse<byte[]> r = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("QUERY", "SELECT u.id, u.label, u.flag, u.seen, u.counts, b.name FROM TAP_UPLOAD.mine AS u "
                + "LEFT JOIN demo.bsc5 AS b ON 1 = CONTAINS(POINT(b.ra, b.dec), CIRCLE(u.p, 0.01)) ORDER BY u.id"),
            Tap.Part.field("UPLOAD", "mine,param:t1"),
            new Tap.Part("t1", "mine.vot", UPLOAD.getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, r.statusCode(), Tap.text(r));
        List<Object[]> rows = rows(Tap.table(r.body(), "votable"));
        assertEquals(3, rows.size());
        Object[] canopus = rows.get(0);
        assertEquals(2L, canopus[0]);
        assertEquals("Canopus", canopus[1]);
        assertEquals(Boolean.FALSE, canopus[2]);
        assertEquals("1999-01-01T00:00:00.5", canopus[3]);
        assertArrayEquals(new int[] {4}, (int[]) canopus[4]);
        assertEquals("Alp Car", canopus[5]);
        Object[] empty = rows.get(1);
        assertEquals(3L, empty[0]);
        for (int i = 1; i < empty.length; i++) {
            assertNull(empty[i], "column " + i + " of the all-NULL row");
        }
        Object[] sirius = rows.get(2);
        assertEquals(1099511627776L, sirius[0]);
        assertEquals("Sírius ✓", sirius[1]);
        assertEquals(Boolean.TRUE, sirius[2]);
        assertEquals("2026-11-25T10:00:00", sirius[3]);
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) sirius[4]);
        assertEquals("9Alp CMa", sirius[5]);
        assertNoUploadTablesLeft();
    }

    @Test
    void uploadsByUrlAndConcurrentUploadsOfTheSameNameStaySeparate() throws Exception {
        String source = Archive.baseUrl() + "/tap/sync?" + Tap.query(params("LANG", "ADQL",
            "QUERY", "SELECT TOP 4 hr, ra, dec FROM demo.bsc5 ORDER BY hr", "RESPONSEFORMAT", "votable/td"));
        HttpResponse<byte[]> r = Tap.get(params("LANG", "ADQL", "QUERY",
            "SELECT COUNT(*) AS n FROM TAP_UPLOAD.first4 AS f JOIN demo.bsc5 AS b ON b.hr = f.hr",
            "UPLOAD", "first4," + source, "RESPONSEFORMAT", "csv"));
        assertEquals(200, r.statusCode(), Tap.text(r));
        assertEquals(List.of("n", "4"), Tap.text(r).lines().toList());

        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            String url = Archive.baseUrl() + "/tap/sync?" + Tap.query(params("LANG", "ADQL",
                "QUERY", "SELECT TOP " + n + " hr FROM demo.bsc5", "RESPONSEFORMAT", "votable"));
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Tap.text(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT COUNT(*) AS n FROM TAP_UPLOAD.t",
                        "UPLOAD", "t," + url, "RESPONSEFORMAT", "csv")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int n = 1; n <= 6; n++) {
            assertEquals(List.of("n", Integer.toString(n)), results.get(n - 1).join().lines().toList());
        }
        assertNoUploadTablesLeft();
    }

    /** A client gets back the type it uploaded: char stays char, unicodeChar stays unicodeChar (taplint W-UPL-TMDA). */
    @Test
    void uploadedCharColumnsComeBackAsChar() throws Exception {
        String votable = "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
            + "<RESOURCE><TABLE><FIELD name=\"c\" datatype=\"char\" arraysize=\"*\"/>"
            + "<FIELD name=\"u\" datatype=\"unicodeChar\" arraysize=\"*\"/>"
            + "<DATA><TABLEDATA><TR><TD>abc</TD><TD>d\u00e9f</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        HttpResponse<byte[]> r = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("QUERY", "SELECT c, u FROM TAP_UPLOAD.t"), Tap.Part.field("UPLOAD", "t,param:t1"),
            new Tap.Part("t1", "t.vot", votable.getBytes(StandardCharsets.UTF_8))));
        String body = Tap.text(r);
        assertEquals(200, r.statusCode(), body);
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("<FIELD[^>]*name=\"c\"[^>]*>").matcher(body);
        java.util.regex.Matcher u = java.util.regex.Pattern.compile("<FIELD[^>]*name=\"u\"[^>]*>").matcher(body);
        assertTrue(c.find() && c.group().contains("datatype=\"char\""), body);
        assertTrue(u.find() && u.group().contains("datatype=\"unicodeChar\""), body);
    }

    /**
     * What a client says of its columns comes back in the result FIELDs: unit, UCD, utype, description,
     * xtype (geometry and timestamp through their database types, others as uploaded); a DALI polygon is
     * a pg_sphere polygon that CONTAINS can use.
     */
    @Test
    void uploadedColumnMetadataReachesTheResultFields() throws Exception {
        String votable = """
            <?xml version="1.0"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
            <RESOURCE><TABLE>
            <FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra;meta.main"><DESCRIPTION>Right ascension of the target</DESCRIPTION></FIELD>
            <FIELD name="obs" datatype="char" arraysize="*" xtype="timestamp" ucd="time.epoch" utype="obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime"/>
            <FIELD name="band" datatype="double" arraysize="2" xtype="interval" unit="m" ucd="em.wl"/>
            <FIELD name="fov" datatype="double" arraysize="*" xtype="polygon" unit="deg" ucd="pos.outline;obs.field"/>
            <DATA><TABLEDATA>
            <TR><TD>10.5</TD><TD>2026-11-25T10:00:00</TD><TD>4e-7 7e-7</TD><TD>10 20 11 20 10.5 21</TD></TR>
            </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
            """;
        HttpResponse<byte[]> r = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("QUERY", "SELECT ra, obs, band, fov FROM TAP_UPLOAD.targets WHERE 1 = CONTAINS(POINT(10.5, 20.3), fov)"),
            Tap.Part.field("UPLOAD", "targets,param:t1"),
            new Tap.Part("t1", "targets.vot", votable.getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, r.statusCode(), Tap.text(r));
        assertEquals(List.of(), SchemaValidator.problems(r.body(), VOTABLE_NS, "VOTABLE"));
        StarTable table = Tap.table(r.body(), "votable");
        uk.ac.starlink.table.ColumnInfo ra = table.getColumnInfo(0);
        assertEquals("deg", ra.getUnitString());
        assertEquals("pos.eq.ra;meta.main", ra.getUCD());
        assertEquals("Right ascension of the target", ra.getDescription());
        uk.ac.starlink.table.ColumnInfo obs = table.getColumnInfo(1);
        assertEquals("timestamp", obs.getXtype());
        assertEquals("time.epoch", obs.getUCD());
        assertEquals("obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime", obs.getUtype());
        uk.ac.starlink.table.ColumnInfo band = table.getColumnInfo(2);
        assertEquals("interval", band.getXtype());
        assertEquals("m", band.getUnitString());
        assertEquals("em.wl", band.getUCD());
        uk.ac.starlink.table.ColumnInfo fov = table.getColumnInfo(3);
        assertEquals("polygon", fov.getXtype());
        assertEquals("deg", fov.getUnitString());
        assertEquals("pos.outline;obs.field", fov.getUCD());
        List<Object[]> rows = rows(table);
        assertEquals(1, rows.size(), "the point is inside the uploaded polygon");
        assertArrayEquals(new double[] {4e-7, 7e-7}, (double[]) rows.get(0)[2], 1e-15);
        assertArrayEquals(new double[] {10, 20, 11, 20, 10.5, 21}, (double[]) rows.get(0)[3], 1e-9);
        assertNoUploadTablesLeft();
    }

    @Test
    void badUploadsAreClearErrors() throws Exception {
        assertError(Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("QUERY", "SELECT * FROM TAP_UPLOAD.x"),
            Tap.Part.field("UPLOAD", "x,param:missing"))), "no such multipart part");
        assertError(Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("QUERY", "SELECT * FROM TAP_UPLOAD.x"),
            Tap.Part.field("UPLOAD", "x,param:t"), new Tap.Part("t", "t.vot", "<VOTABLE><oops".getBytes(StandardCharsets.UTF_8)))),
            "UPLOAD x: not an acceptable VOTable");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT 1", "UPLOAD", "x,ftp://example.org/t.vot")),
            "only param:, http: and https:");
        assertError(Tap.get(params("LANG", "ADQL", "QUERY", "SELECT 1", "UPLOAD", "1x,param:t")), "regular identifier");
    }

    @Test
    void uploadsOverTheDeclaredByteLimitAreRefused() throws Exception {
        long limit = declaredLimit("<uploadLimit>\\s*<hard unit=\"byte\">(\\d+)</hard>");
        assertTrue(limit <= 5_000_000, "run the server with ARCHIVE_TAP_UPLOAD_MAX_BYTES <= 5000000 for this test (deploy/test does)");
        StringBuilder rows = new StringBuilder();
        for (long i = 0; rows.length() <= limit; i++) {
            rows.append("<TR><TD>").append(i).append("</TD></TR>\n");
        }
        String big = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
            + "<FIELD name=\"i\" datatype=\"long\"/><DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        assertError(Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("QUERY", "SELECT COUNT(*) FROM TAP_UPLOAD.big"),
            Tap.Part.field("UPLOAD", "big,param:t"), new Tap.Part("t", "big.vot", big.getBytes(StandardCharsets.UTF_8)))),
            "exceed the limit of " + limit + " bytes");
        assertNoUploadTablesLeft();
    }

    /** A limit as the capabilities declare it: the number the pattern's group matches. */
    private static long declaredLimit(String pattern) throws Exception {
        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(pattern).matcher(capabilities);
        assertTrue(m.find(), capabilities);
        return Long.parseLong(m.group(1));
    }

    /** Uploads are temporary tables of the pooled session; none may outlive its request. */
    private static void assertNoUploadTablesLeft() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relpersistence = 't' AND relkind = 'r'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void theTimeLimitCancelsTheQueryInPostgres() throws Exception {
        // the capabilities' executionDuration is that of async jobs; the sync limit is the operator's setting
        long limit = Long.parseLong(Archive.env("ARCHIVE_TAP_SYNC_TIMEOUT_SECONDS"));
        assertTrue(limit <= 30, "run the server with ARCHIVE_TAP_SYNC_TIMEOUT_SECONDS <= 30 for this test (deploy/test does)");
        long start = System.nanoTime();
        HttpResponse<byte[]> r = Tap.get(params("LANG", "ADQL",
            "QUERY", "SELECT COUNT(*) AS n FROM demo.kstars AS a, demo.kstars AS b WHERE a.vmag < b.vmag"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertError(r, "longer than the limit of " + limit + " s");
        assertTrue(seconds < limit + 5, "took " + seconds + " s");
        assertEquals(0, activeQueries());
    }

    /** Past 20,000 rows the rows are read ahead on another thread (tap.ResultTable): none lost, none reordered. */
    @Test
    void aLargeResultHasEveryRowInOrderInEveryFormat() throws Exception {
        List<String> expected = new ArrayList<>();
        try (Connection c = Archive.connect("QUERY"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT star_id, vmag FROM demo.kstars ORDER BY star_id")) {
            while (rs.next()) {
                expected.add(rs.getLong(1) + " " + rs.getFloat(2));
            }
        }
        assertTrue(expected.size() > 50_000, "demo.kstars is large enough to be read ahead: " + expected.size());
        for (String format : List.of("votable", "csv", "fits", "parquet")) {
            HttpResponse<byte[]> r = Tap.get(params("LANG", "ADQL", "RESPONSEFORMAT", format, "MAXREC", "10000000",
                "QUERY", "SELECT star_id, vmag FROM demo.kstars ORDER BY star_id"));
            assertEquals(200, r.statusCode(), format);
            List<String> got = rows(Tap.table(r.body(), format)).stream()
                .map(row -> ((Number) row[0]).longValue() + " " + ((Number) row[1]).floatValue()).toList();
            assertEquals(expected, got, format);
        }
    }

    @Test
    void aClientThatGoesAwayCancelsItsQuery() throws Exception {
        HttpResponse<InputStream> r = Tap.stream(params("LANG", "ADQL", "MAXREC", "20000000", "RESPONSEFORMAT", "csv",
            "QUERY", "SELECT a.star_id, b.star_id AS other, a.ra + b.ra AS s FROM demo.kstars AS a, demo.kstars AS b"));
        try (InputStream in = r.body()) {
            assertEquals(200, r.statusCode());
            assertEquals(1 << 20, in.readNBytes(1 << 20).length);
            assertEquals(1, activeQueries(), "the query streams while the client reads");
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (activeQueries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, activeQueries(), "the query still runs 5 s after its client left");
    }

    @Test
    void aClientThatGoesAwayBeforeTheFirstRowCancelsItsQuery() throws Exception {
        long limit = Long.parseLong(Archive.env("ARCHIVE_TAP_SYNC_TIMEOUT_SECONDS"));
        java.net.URI base = java.net.URI.create(Archive.baseUrl());
        String query = java.net.URLEncoder.encode(
            "SELECT COUNT(*) AS n FROM demo.kstars AS a, demo.kstars AS b WHERE a.vmag < b.vmag", StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /tap/sync?LANG=ADQL&QUERY=" + query + " HTTP/1.1\r\nHost: "
                + base.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (activeQueries() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, activeQueries(), "the query computes its one row");
        }
        long left = System.nanoTime();
        while (activeQueries() > 0 && System.nanoTime() - left < 3_000_000_000L) {
            Thread.sleep(50);
        }
        assertEquals(0, activeQueries(), "the query still runs 3 s after its client left (the time limit is " + limit + " s)");
        assertTrue(limit > 4, "run the server with ARCHIVE_TAP_SYNC_TIMEOUT_SECONDS > 4, so the limit cannot be what ended it");
    }

    /** Sessions of the query role inside a query; only the role itself (or a superuser) may see their state. */
    private static int activeQueries() throws Exception {
        try (Connection c = Archive.connect("QUERY"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = current_user"
                 + " AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

}
