package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * ObsCore 1.1: the demo loader maps the plates, so ivoa.obscore finds them as images with a Datalink
 * access_url and a footprint ADQL's INTERSECTS and CONTAINS take; TAP_SCHEMA carries the standard's column
 * metadata and the capabilities the data model; the admin API maps only public tables, checks what it is
 * given, and rebuilds the view on every change; a table that stops being public leaves ObsCore at once.
 */
class ObsCoreIT {

    private static final String ADMIN = "it-obscore-admin";
    private static final String PASSWORD = "it-obscore-secret";
    private static final String SCHEMA = "it_obscore";
    private static final String TABLE = SCHEMA + ".fields";
    private static final String PATH = "/admin/obscore/";
    private static final String PLATES = "VO Archive demo plates";

    /** The admin rebuilds the view in cleanUp too: USERS deletes it after the class's @AfterAll. */
    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @BeforeAll
    static void aPublicScratchTable() throws Exception {
        forgetScratchMappings();
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE " + TABLE + " (id text PRIMARY KEY, ra double precision, dec double precision)");
            s.execute("INSERT INTO " + TABLE + " VALUES ('it-obscore-1', 10, 20), ('it-obscore-2', 11, 21)");
        }
        Archive.discoverAndPublish(SCHEMA, ADMIN, PASSWORD);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        forgetScratchMappings();
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
        }
    }

    /**
     * Mappings of the scratch tables (and of demo.bsc5, which a test maps) go, and the view is rebuilt
     * without them, before the scratch schema is dropped: the view would otherwise go with it (CASCADE).
     */
    private static void forgetScratchMappings() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.obscore_mappings WHERE schema_name = '" + SCHEMA + "'"
                + " OR (schema_name = 'demo' AND table_name = 'bsc5')");
        }
        HttpResponse<String> rebuilt = Archive.send("POST", PATH + "rebuild", null, ADMIN, PASSWORD);
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
    }

    private static List<Map<String, Object>> query(String adql) throws Exception {
        HttpResponse<byte[]> r = Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("QUERY", adql),
            Map.entry("MAXREC", "100000")));
        assertEquals(200, r.statusCode(), adql + ": " + Tap.text(r));
        StarTable t = Tap.table(r.body(), "votable");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (RowSequence seq = t.getRowSequence()) {
            while (seq.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < t.getColumnCount(); i++) {
                    row.put(t.getColumnInfo(i).getName(), seq.getCell(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows of a collection in ivoa.obscore, as anonymous TAP callers see them. */
    private static long collection(String name) throws Exception {
        return ((Number) query("SELECT COUNT(*) AS n FROM ivoa.obscore WHERE obs_collection = '" + name + "'").get(0)
            .get("n")).longValue();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), field + ": " + r.body());
    }

    private static final String MINIMAL = "\"dataproduct_type\":{\"value\":\"measurements\"},"
        + "\"calib_level\":{\"value\":2},\"obs_collection\":{\"value\":\"IT fields\"},\"obs_id\":{\"column\":\"id\"},"
        + "\"obs_publisher_did\":{\"ivoid\":\"id\"},\"s_ra\":{\"column\":\"ra\"},\"s_dec\":{\"column\":\"dec\"}";

    private static HttpResponse<String> put(String table, String columns, Integer version) throws Exception {
        return Archive.send("PUT", PATH + table.replace('.', '/'), "{\"columns\":{" + columns + "}"
            + (version == null ? "" : ",\"version\":" + version) + "}", ADMIN, PASSWORD);
    }

    private static void tableLevel(String data) throws Exception {
        String path = "/admin/metadata/tables/" + TABLE;
        int version = Archive.version(Archive.send("GET", path, null, ADMIN, PASSWORD).body());
        HttpResponse<String> set = Archive.send("PUT", path, "{\"dataAccess\":\"" + data + "\",\"version\":" + version
            + "}", ADMIN, PASSWORD);
        assertEquals(200, set.statusCode(), set.body());
    }

    @Test
    void thePlatesAreImagesWithTheirDatalinks() throws Exception {
        List<Map<String, Object>> plates = query("SELECT * FROM ivoa.obscore WHERE obs_collection = '" + PLATES + "'");
        assertEquals(count("SELECT count(*) FROM demo.plates"), plates.size());
        Map<String, Object> plate = plates.get(0);
        String id = (String) plate.get("obs_id");
        assertEquals("image", plate.get("dataproduct_type"));
        assertEquals(1, ((Number) plate.get("calib_level")).intValue());
        assertEquals("application/x-votable+xml;content=datalink", plate.get("access_format"));
        String did = (String) plate.get("obs_publisher_did");
        assertTrue(did.startsWith("ivo://") && did.endsWith("/~?demo.plates/" + id), did);
        assertTrue(((String) plate.get("s_region")).startsWith("POLYGON ICRS "), (String) plate.get("s_region"));
        assertEquals(8, ((String) plate.get("s_region")).substring("POLYGON ICRS ".length()).trim().split("\\s+").length);
        assertTrue(((Number) plate.get("t_min")).doubleValue() > 0 && ((Number) plate.get("t_exptime")).doubleValue() > 0);

        // access_url is the plate's links document (asked for at this server, whatever base URL the view was built with)
        URI links = URI.create((String) plate.get("access_url"));
        assertEquals("/datalink/links", links.getPath());
        assertTrue(links.getRawQuery().startsWith("ID="), links.toString());
        assertEquals(id, URLDecoder.decode(links.getRawQuery().substring("ID=".length()), StandardCharsets.UTF_8));
        HttpResponse<byte[]> document = Archive.get(links.getRawPath() + "?" + links.getRawQuery());
        assertEquals(200, document.statusCode());
        String votable = new String(document.body(), StandardCharsets.UTF_8);
        assertTrue(votable.contains(id) && votable.contains("#this") && votable.contains(".fits"), votable);
    }

    @Test
    void theFootprintsAnswerIntersectsAndContains() throws Exception {
        Map<String, Object> plate = query("SELECT TOP 1 obs_id, s_ra, s_dec FROM ivoa.obscore WHERE obs_collection = '"
            + PLATES + "' ORDER BY obs_id").get(0);
        String id = (String) plate.get("obs_id");
        double ra = ((Number) plate.get("s_ra")).doubleValue();
        double dec = ((Number) plate.get("s_dec")).doubleValue();
        List<Object> near = query("SELECT obs_id FROM ivoa.obscore WHERE dataproduct_type = 'image' AND "
            + "INTERSECTS(s_region, CIRCLE('ICRS', " + ra + ", " + dec + ", 0.5)) = 1").stream().map(r -> r.get("obs_id"))
            .toList();
        assertTrue(near.contains(id), near.toString());
        List<Object> inside = query("SELECT obs_id FROM ivoa.obscore WHERE CONTAINS(POINT('ICRS', " + ra + ", " + dec
            + "), s_region) = 1").stream().map(r -> r.get("obs_id")).toList();
        assertTrue(inside.contains(id), inside.toString());
        // the antipode is far from every corner of a 2-degree plate
        List<Object> far = query("SELECT obs_id FROM ivoa.obscore WHERE INTERSECTS(s_region, CIRCLE('ICRS', "
            + ((ra + 180) % 360) + ", " + (-dec) + ", 0.5)) = 1").stream().map(r -> r.get("obs_id")).toList();
        assertFalse(far.contains(id), far.toString());
        // and a point 1.5 degrees beyond the plate's edge in declination is outside it
        double beyond = dec > 0 ? dec - 2.5 : dec + 2.5;
        assertFalse(query("SELECT obs_id FROM ivoa.obscore WHERE CONTAINS(POINT('ICRS', " + ra + ", " + beyond
            + "), s_region) = 1").stream().map(r -> r.get("obs_id")).toList().contains(id));
    }

    @Test
    void tapSchemaAndVosiCarryTheStandardColumns() throws Exception {
        Map<String, Map<String, Object>> columns = new HashMap<>();
        for (Map<String, Object> row : query("SELECT column_name, datatype, arraysize, xtype, unit, ucd, utype, std"
                + " FROM TAP_SCHEMA.columns WHERE table_name = 'ivoa.obscore'")) {
            columns.put((String) row.get("column_name"), row);
        }
        // ObsCore 1.1 section 4 (table 5 and appendix B), independently of the server's own list
        String[][] expected = {
            {"dataproduct_type", null, "meta.code.class", "obscore:ObsDataset.dataProductType"},
            {"calib_level", null, "meta.code;obs.calib", "obscore:ObsDataset.calibLevel"},
            {"obs_collection", null, "meta.id", "obscore:DataID.Collection"},
            {"obs_id", null, "meta.id", "obscore:DataID.observationID"},
            {"obs_publisher_did", null, "meta.ref.ivoid", "obscore:Curation.PublisherDID"},
            {"access_url", null, "meta.ref.url", "obscore:Access.Reference"},
            {"access_format", null, "meta.code.mime", "obscore:Access.Format"},
            {"access_estsize", "kbyte", "phys.size;meta.file", "obscore:Access.Size"},
            {"target_name", null, "meta.id;src", "obscore:Target.Name"},
            {"s_ra", "deg", "pos.eq.ra", "obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1"},
            {"s_dec", "deg", "pos.eq.dec", "obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2"},
            {"s_fov", "deg", "phys.angSize;instr.fov", "obscore:Char.SpatialAxis.Coverage.Bounds.Extent.diameter"},
            {"s_region", null, "pos.outline;obs.field", "obscore:Char.SpatialAxis.Coverage.Support.Area"},
            {"s_resolution", "arcsec", "pos.angResolution", "obscore:Char.SpatialAxis.Resolution.Refval.value"},
            {"s_xel1", null, "meta.number", "obscore:Char.SpatialAxis.numBins1"},
            {"s_xel2", null, "meta.number", "obscore:Char.SpatialAxis.numBins2"},
            {"t_xel", null, "meta.number", "obscore:Char.TimeAxis.numBins"},
            {"t_min", "d", "time.start;obs.exposure", "obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime"},
            {"t_max", "d", "time.end;obs.exposure", "obscore:Char.TimeAxis.Coverage.Bounds.Limits.StopTime"},
            {"t_exptime", "s", "time.duration;obs.exposure", "obscore:Char.TimeAxis.Coverage.Support.Extent"},
            {"t_resolution", "s", "time.resolution", "obscore:Char.TimeAxis.Resolution.Refval.value"},
            {"em_xel", null, "meta.number", "obscore:Char.SpectralAxis.numBins"},
            {"em_min", "m", "em.wl;stat.min", "obscore:Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit"},
            {"em_max", "m", "em.wl;stat.max", "obscore:Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit"},
            {"em_res_power", null, "spect.resolution", "obscore:Char.SpectralAxis.Resolution.ResolPower.refVal"},
            {"o_ucd", null, "meta.ucd", "obscore:Char.ObservableAxis.ucd"},
            {"pol_states", null, "meta.code;phys.polarization", "obscore:Char.PolarizationAxis.stateList"},
            {"pol_xel", null, "meta.number", "obscore:Char.PolarizationAxis.numBins"},
            {"facility_name", null, "meta.id;instr.tel", "obscore:Provenance.ObsConfig.facility.name"},
            {"instrument_name", null, "meta.id;instr", "obscore:Provenance.ObsConfig.instrument.name"}};
        assertEquals(expected.length, columns.size(), columns.keySet().toString());
        for (String[] e : expected) {
            Map<String, Object> c = columns.get(e[0]);
            assertTrue(c != null, e[0]);
            assertEquals(e[1], c.get("unit"), e[0]);
            assertEquals(e[2], c.get("ucd"), e[0]);
            assertEquals(e[3], c.get("utype"), e[0]);
            assertEquals(1, ((Number) c.get("std")).intValue(), e[0]);
        }
        assertEquals("char", columns.get("s_region").get("datatype"));
        assertEquals("adql:REGION", columns.get("s_region").get("xtype"));
        assertEquals("int", columns.get("calib_level").get("datatype"));
        assertEquals("long", columns.get("s_xel1").get("datatype"));
        assertEquals("double", columns.get("t_min").get("datatype"));

        String tables = new String(Archive.get("/tap/tables").body(), StandardCharsets.UTF_8);
        assertTrue(tables.contains("<name>ivoa.obscore</name>"), "VOSI tables lists it");
        assertTrue(Pattern.compile("<name>s_region</name>.*?extendedType=\"adql:REGION\"[^>]*>char<", Pattern.DOTALL)
            .matcher(tables).find(), "VOSI: s_region a char adql:REGION");
    }

    @Test
    void theCapabilitiesDeclareTheDataModel() throws Exception {
        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("<(\\w+:)?dataModel ivo-id=\"ivo://ivoa\\.net/std/ObsCore#core-1\\.1\">ObsCore-1\\.1</")
            .matcher(capabilities).find(), capabilities);
    }

    @Test
    void theAdminApiChecksWhatItIsGiven() throws Exception {
        assertEquals(401, Archive.send("GET", PATH, null, null, null).statusCode(), "admins only");
        assertEquals(404, Archive.send("GET", PATH + "demo/bsc5", null, ADMIN, PASSWORD).statusCode());
        HttpResponse<String> plates = Archive.send("GET", PATH + "demo/plates", null, ADMIN, PASSWORD);
        assertEquals(200, plates.statusCode(), plates.body());
        assertTrue(plates.body().contains("\"access_url\":{\"datalink\":\"plate_id\"}"), plates.body());

        assertField(put("demo.bsc5", MINIMAL.replace("\"s_ra\"", "\"s_ra; DROP TABLE demo.bsc5; --\"")
            .replace("\"id\"", "\"hr\""), null), "columns.s_ra; DROP TABLE demo.bsc5; --");
        assertField(put("demo.bsc5", MINIMAL.replace("\"id\"", "\"hr\"").replace("{\"column\":\"ra\"}",
            "{\"column\":\"ra) FROM demo.bsc5; DELETE FROM archive.users; --\"}"), null), "columns.s_ra");
        assertField(put("demo.bsc5", MINIMAL.replace("\"id\"", "\"hr\"").replace("\"measurements\"",
            "\"image' || (SELECT 1) || '\""), null), "columns.dataproduct_type.value");
        assertField(put("demo.bsc5", MINIMAL.replace("\"id\"", "\"nosuch\""), null), "columns.obs_id");
        assertField(put("demo.bsc5", MINIMAL.replace("\"id\"", "\"hr\"") + ",\"s_region\":{\"column\":\"name\"}", null),
            "columns.s_region.column");
        assertField(put("demo.nosuch", MINIMAL, null), "table");
        assertField(put("tap_schema.columns", MINIMAL, null), "table");
        assertEquals(404, Archive.send("GET", PATH + "demo/bsc5", null, ADMIN, PASSWORD).statusCode(), "nothing stored");
        assertEquals(0, collection("IT fields"));
    }

    @Test
    void mappingAnotherTableAndRemovingItRebuildsTheView() throws Exception {
        String columns = MINIMAL.replace("\"id\"", "\"hr\"").replace("IT fields", "IT bright stars");
        HttpResponse<String> created = put("demo.bsc5", columns, null);
        assertEquals(200, created.statusCode(), created.body());
        int version = Archive.version(created.body());
        long stars = count("SELECT count(*) FROM demo.bsc5");
        assertEquals(stars, collection("IT bright stars"));
        assertEquals(count("SELECT count(*) FROM demo.plates"),
            collection(PLATES), "the plates stay");

        assertEquals(409, put("demo.bsc5", columns, version + 1).statusCode(), "a stale version");
        assertField(put("demo.bsc5", columns, null), "version");
        HttpResponse<String> renamed = put("demo.bsc5", columns.replace("IT bright stars", "IT stars"), version);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals(stars, collection("IT stars"));
        assertTrue(Archive.send("GET", "/admin/metadata/export", null, ADMIN, PASSWORD).body()
            .contains("\"table\":\"bsc5\""), "exported with the metadata");

        int current = Archive.version(renamed.body());
        assertEquals(409, Archive.send("DELETE", PATH + "demo/bsc5?version=" + (current + 1), null, ADMIN, PASSWORD)
            .statusCode());
        assertEquals(204, Archive.send("DELETE", PATH + "demo/bsc5?version=" + current, null, ADMIN, PASSWORD)
            .statusCode());
        assertEquals(0, collection("IT stars"));
        assertEquals(count("SELECT count(*) FROM demo.plates"),
            collection(PLATES));
    }

    @Test
    void aTableThatIsNotPublicNeverShows() throws Exception {
        try {
            tableLevel("INTERNAL");
            assertField(put(TABLE, MINIMAL, null), "table");

            tableLevel("PUBLIC");
            HttpResponse<String> mapped = put(TABLE, MINIMAL, null);
            assertEquals(200, mapped.statusCode(), mapped.body());
            String adql = "SELECT obs_id FROM ivoa.obscore WHERE obs_collection = 'IT fields'";
            assertEquals(2, query(adql).size());

            // no rebuild, no hook: the view's own condition reads the access levels at query time
            tableLevel("INTERNAL");
            assertEquals(0, query(adql).size(), "INTERNAL data leave ObsCore for anonymous callers");
            assertEquals(0, count("SELECT count(*) FROM ivoa.obscore WHERE obs_collection = 'IT fields'"),
                "and for everyone: ivoa.obscore is public");
            tableLevel("PRIVATE");
            assertEquals(0, query(adql).size());
            tableLevel("PUBLIC");
            assertEquals(2, query(adql).size());

            // a source column made INTERNAL hides the rows too
            String path = "/admin/metadata/tables/" + TABLE + "/columns/ra";
            int version = Archive.version(Archive.send("GET", "/admin/metadata/tables/" + TABLE + "/columns", null,
                ADMIN, PASSWORD).body().replaceAll("(?s).*?(\\{[^{}]*\"name\":\"ra\"[^{}]*\\}).*", "$1"));
            HttpResponse<String> internal = Archive.send("PUT", path, "{\"dataAccess\":\"INTERNAL\",\"version\":" + version
                + "}", ADMIN, PASSWORD);
            assertEquals(200, internal.statusCode(), internal.body());
            assertEquals(0, query(adql).size(), "a source column that is not public hides the table's rows");
        } finally {
            forgetScratchMappings();
        }
    }
}
