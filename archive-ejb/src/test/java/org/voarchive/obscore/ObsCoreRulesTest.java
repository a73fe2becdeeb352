package org.voarchive.obscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.ValueType;
import org.voarchive.metadata.InvalidField;

class ObsCoreRulesTest {

    static final SourceTable PLATES = plates(true, true);

    static SourceTable plates(boolean tableReadable, boolean fieldReadable) {
        Map<String, SourceTable.Column> columns = new LinkedHashMap<>();
        columns.put("plate_id", new SourceTable.Column("plate_id", ValueType.TEXT, true));
        columns.put("ra", new SourceTable.Column("ra", ValueType.DOUBLE, true));
        columns.put("dec", new SourceTable.Column("dec", ValueType.DOUBLE, true));
        columns.put("obs_date", new SourceTable.Column("obs_date", ValueType.TIMESTAMP, true));
        columns.put("exposure", new SourceTable.Column("exposure", ValueType.FLOAT, true));
        columns.put("field", new SourceTable.Column("field", ValueType.TEXT, fieldReadable));
        columns.put("footprint", new SourceTable.Column("footprint", ValueType.POLYGON, true));
        columns.put("pos", new SourceTable.Column("pos", ValueType.POINT, true));
        return new SourceTable("demo", "plates", tableReadable, columns);
    }

    static Map<String, ObsCoreSource> minimal() {
        Map<String, ObsCoreSource> m = new LinkedHashMap<>();
        m.put("dataproduct_type", ObsCoreSource.ofValue("image"));
        m.put("calib_level", ObsCoreSource.ofValue(BigDecimal.ONE));
        m.put("obs_collection", ObsCoreSource.ofValue("plates"));
        m.put("obs_id", ObsCoreSource.ofColumn("plate_id"));
        m.put("obs_publisher_did", new ObsCoreSource(null, null, null, null, null, "plate_id"));
        return m;
    }

    /** A plate archive's mapping using every kind of source: constants, columns, Datalink, IVOID, MJD, a factor. */
    static ObsCoreMapping platesMapping() {
        Map<String, ObsCoreSource> columns = new LinkedHashMap<>();
        columns.put("dataproduct_type", ObsCoreSource.ofValue("image"));
        columns.put("calib_level", ObsCoreSource.ofValue(BigDecimal.ONE));
        columns.put("obs_collection", ObsCoreSource.ofValue("VO Archive demo plates"));
        columns.put("obs_id", ObsCoreSource.ofColumn("plate_id"));
        columns.put("obs_publisher_did", new ObsCoreSource(null, null, null, null, null, "plate_id"));
        columns.put("access_url", ObsCoreSource.ofDatalink("plate_id"));
        columns.put("target_name", ObsCoreSource.ofColumn("field"));
        columns.put("s_ra", ObsCoreSource.ofColumn("ra"));
        columns.put("s_dec", ObsCoreSource.ofColumn("dec"));
        columns.put("s_fov", ObsCoreSource.ofValue(new BigDecimal("2.8285")));
        columns.put("s_region", ObsCoreSource.ofColumn("footprint"));
        columns.put("s_resolution", ObsCoreSource.ofValue(BigDecimal.valueOf(28.125)));
        columns.put("s_xel1", ObsCoreSource.ofValue(BigDecimal.valueOf(256)));
        columns.put("s_xel2", ObsCoreSource.ofValue(BigDecimal.valueOf(256)));
        columns.put("t_min", new ObsCoreSource(null, null, null, null, "obs_date", null));
        columns.put("t_max", new ObsCoreSource(null, null, null, null, "obs_date", null));
        columns.put("t_exptime", new ObsCoreSource("exposure", BigDecimal.valueOf(60), null, null, null, null));
        return new ObsCoreMapping("demo", "plates", columns, null);
    }

    static InvalidField refused(Map<String, ObsCoreSource> columns) {
        return refused(columns, PLATES);
    }

    static InvalidField refused(Map<String, ObsCoreSource> columns, SourceTable table) {
        return assertThrows(InvalidField.class,
            () -> ObsCoreRules.check(new ObsCoreMapping(null, null, columns, null), table));
    }

    @Test
    void aPlateArchivesMappingIsAccepted() {
        Map<ObsCoreColumn, ObsCoreSource> checked = ObsCoreRules.check(platesMapping(), PLATES);
        // in the standard's order, with access_format added for the Datalink access_url
        List<String> names = checked.keySet().stream().map(ObsCoreColumn::name).toList();
        assertEquals("dataproduct_type", names.get(0));
        assertEquals(ObsCoreRules.DATALINK_FORMAT, checked.get(ObsCoreColumn.named("access_format").orElseThrow()).value());
        assertTrue(names.indexOf("access_url") < names.indexOf("access_format"));
        assertEquals(List.of("plate_id", "field", "ra", "dec", "footprint", "obs_date", "exposure"),
            ObsCoreRules.sourceColumns(checked));
    }

    @Test
    void unknownObsCoreColumnsAreRefused() {
        Map<String, ObsCoreSource> m = minimal();
        m.put("s_ra; DROP TABLE x", ObsCoreSource.ofColumn("ra"));
        assertEquals("columns.s_ra; DROP TABLE x", refused(m).field());
        m = minimal();
        m.put("S_RA", ObsCoreSource.ofColumn("ra"));
        assertEquals("columns.S_RA", refused(m).field());
    }

    @Test
    void sourceColumnsMustBePublishedColumns() {
        Map<String, ObsCoreSource> m = minimal();
        m.put("s_ra", ObsCoreSource.ofColumn("ra + 1"));
        assertEquals("columns.s_ra", refused(m).field());
        m.put("s_ra", ObsCoreSource.ofColumn("\"ra\"); DELETE FROM archive.users; --"));
        assertEquals("columns.s_ra", refused(m).field());
        m.put("s_ra", ObsCoreSource.ofColumn("RA"));
        assertEquals("columns.s_ra", refused(m).field());
    }

    @Test
    void exactlyOneKindOfSource() {
        Map<String, ObsCoreSource> m = minimal();
        m.put("s_ra", new ObsCoreSource("ra", null, new BigDecimal("1"), null, null, null));
        assertEquals("columns.s_ra", refused(m).field());
        m.put("s_ra", new ObsCoreSource(null, null, null, null, null, null));
        assertEquals("columns.s_ra", refused(m).field());
    }

    @Test
    void typesMustFit() {
        Map<String, ObsCoreSource> m = minimal();
        m.put("s_ra", ObsCoreSource.ofColumn("field"));
        assertEquals("columns.s_ra.column", refused(m).field());
        m = minimal();
        m.put("s_region", ObsCoreSource.ofColumn("pos"));
        assertEquals("columns.s_region.column", refused(m).field());
        m = minimal();
        m.put("s_region", ObsCoreSource.ofValue("POLYGON 1 2 3 4 5 6"));
        assertEquals("columns.s_region.value", refused(m).field());
        m = minimal();
        m.put("calib_level", ObsCoreSource.ofValue("1"));
        assertEquals("columns.calib_level.value", refused(m).field());
        m.put("calib_level", ObsCoreSource.ofValue(new BigDecimal("1.5")));
        assertEquals("columns.calib_level.value", refused(m).field());
        m.put("calib_level", ObsCoreSource.ofValue(new BigDecimal("7")));
        assertEquals("columns.calib_level.value", refused(m).field());
        m = minimal();
        m.put("dataproduct_type", ObsCoreSource.ofValue("photo"));
        assertEquals("columns.dataproduct_type.value", refused(m).field());
        m = minimal();
        m.put("obs_collection", ObsCoreSource.ofValue(BigDecimal.TEN));
        assertEquals("columns.obs_collection.value", refused(m).field());
        m = minimal();
        m.put("t_min", new ObsCoreSource(null, null, null, null, "ra", null));
        assertEquals("columns.t_min.mjd", refused(m).field());
        m = minimal();
        m.put("t_exptime", new ObsCoreSource("field", BigDecimal.TEN, null, null, null, null));
        assertEquals("columns.t_exptime.column", refused(m).field());
        m = minimal();
        m.put("target_name", new ObsCoreSource("field", BigDecimal.TEN, null, null, null, null));
        assertEquals("columns.target_name.factor", refused(m).field());
    }

    @Test
    void datalinkGoesInAccessUrlWithItsFormat() {
        Map<String, ObsCoreSource> m = minimal();
        m.put("obs_id", ObsCoreSource.ofDatalink("plate_id"));
        assertEquals("columns.obs_id.datalink", refused(m).field());
        m = minimal();
        m.put("access_url", ObsCoreSource.ofDatalink("plate_id"));
        m.put("access_format", ObsCoreSource.ofValue("image/fits"));
        assertEquals("columns.access_format", refused(m).field());
    }

    @Test
    void theStandardsNonNullColumnsAreRequired() {
        Map<String, ObsCoreSource> m = minimal();
        m.remove("obs_publisher_did");
        assertEquals("columns.obs_publisher_did", refused(m).field());
    }

    @Test
    void onlyPublicTablesAndColumns() {
        assertEquals("table", refused(minimal(), plates(false, true)).field());
        Map<String, ObsCoreSource> m = minimal();
        m.put("target_name", ObsCoreSource.ofColumn("field"));
        InvalidField e = refused(m, plates(true, false));
        assertEquals("columns.target_name", e.field());
        assertTrue(e.getMessage().contains("PUBLIC"), e.getMessage());
    }

    @Test
    void theIvoaSchemaIsNotASource() {
        SourceTable self = new SourceTable("ivoa", "obscore", true, PLATES.columns());
        assertEquals("table", refused(minimal(), self).field());
    }
}
