package org.voarchive.obscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObsCoreViewTest {

    static final ObsCoreView.Site SITE = new ObsCoreView.Site("https://archive.example.org", "ivo://example.org");

    static ObsCoreView.Branch plates() {
        return new ObsCoreView.Branch("demo", "plates", ObsCoreRules.check(ObsCoreRulesTest.platesMapping(), ObsCoreRulesTest.PLATES));
    }

    @Test
    void everyColumnIsCastToItsStandardTypeInTheStandardsOrder() {
        String sql = ObsCoreView.create(List.of(plates()), SITE);
        assertTrue(sql.startsWith("CREATE OR REPLACE VIEW \"ivoa\".\"obscore\" AS\nSELECT CAST('image' AS text) AS \"dataproduct_type\""),
            sql);
        int previous = -1;
        for (ObsCoreColumn c : ObsCoreColumn.ALL) {
            int at = sql.indexOf(" AS " + c.sqlType() + ") AS \"" + c.name() + "\"");
            assertTrue(at > previous, c.name() + " in order in " + sql);
            previous = at;
        }
        assertTrue(sql.contains("CAST(src.\"footprint\" AS spoly) AS \"s_region\""), sql);
        assertTrue(sql.contains("CAST(src.\"exposure\" * 60 AS double precision) AS \"t_exptime\""), sql);
        assertTrue(sql.contains("CAST(EXTRACT(EPOCH FROM src.\"obs_date\") / 86400 + 40587 AS double precision) AS \"t_min\""),
            sql);
        assertTrue(sql.contains("CAST(NULL AS bigint) AS \"pol_xel\""), sql);
        assertTrue(sql.contains("CAST('ivo://example.org/~?demo.plates/' || CAST(src.\"plate_id\" AS text) AS text)"), sql);
        assertTrue(sql.contains("CAST('https://archive.example.org/datalink/links?ID=' || (SELECT string_agg("), sql);
        assertTrue(sql.contains("CAST('" + ObsCoreRules.DATALINK_FORMAT + "' AS text) AS \"access_format\""), sql);
        assertTrue(sql.contains("\n  FROM \"demo\".\"plates\" AS src\n WHERE ivoa.obscore_source_readable("), sql);
    }

    @Test
    void branchesAreJoinedByUnionAll() {
        ObsCoreView.Branch other = new ObsCoreView.Branch("demo", "more", plates().sources());
        String sql = ObsCoreView.create(List.of(plates(), other), SITE);
        assertEquals(2, sql.split("\nUNION ALL\n").length);
        assertTrue(sql.contains("FROM \"demo\".\"more\" AS src"), sql);
        assertThrows(IllegalArgumentException.class, () -> ObsCoreView.create(List.of(), SITE));
    }

    @Test
    void theAccessRuleNamesTheTableAndEverySourceColumn() {
        assertEquals("ivoa.obscore_source_readable('demo', 'plates', CAST(ARRAY['plate_id', 'field', 'ra', 'dec',"
            + " 'footprint', 'obs_date', 'exposure'] AS text[]))", ObsCoreView.publicCondition(plates()));
        assertTrue(ObsCoreView.create(List.of(plates()), SITE).endsWith(
            "\n  FROM \"demo\".\"plates\" AS src\n WHERE " + ObsCoreView.publicCondition(plates())));
    }

    @Test
    void namesAreQuotedAndConstantsEscaped() {
        assertEquals("\"a\"\"b\"", ObsCoreView.quoteIdent("a\"b"));
        assertEquals("\"Mixed Case\"", ObsCoreView.quoteIdent("Mixed Case"));
        assertEquals("'it''s'", ObsCoreView.quoteLiteral("it's"));
        assertEquals("E'a\\\\'' OR 1=1 --'", ObsCoreView.quoteLiteral("a\\' OR 1=1 --"));
        assertThrows(IllegalArgumentException.class, () -> ObsCoreView.quoteLiteral("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> ObsCoreView.quoteIdent(""));

        Map<ObsCoreColumn, ObsCoreSource> sources = new java.util.LinkedHashMap<>(plates().sources());
        sources.put(ObsCoreColumn.named("obs_collection").orElseThrow(), ObsCoreSource.ofValue("x'); DROP TABLE y; --"));
        String sql = ObsCoreView.create(List.of(new ObsCoreView.Branch("we\"ird", "ta'ble", sources)), SITE);
        assertTrue(sql.contains("CAST('x''); DROP TABLE y; --' AS text) AS \"obs_collection\""), sql);
        assertTrue(sql.contains("FROM \"we\"\"ird\".\"ta'ble\" AS src"), sql);
        assertTrue(sql.contains("ivoa.obscore_source_readable('we\"ird', 'ta''ble', "), sql);
        assertTrue(sql.contains("'ivo://example.org/~?we\"ird.ta''ble/'"), sql);
        assertFalse(sql.contains("x'); DROP"), sql);
    }

    @Test
    void theStoredFormKeepsOnlyWhatWasGiven() {
        String json = ObsCoreStore.json(plates().sources());
        assertTrue(json.startsWith("{\"dataproduct_type\":{\"value\":\"image\"},\"calib_level\":{\"value\":1},"), json);
        assertTrue(json.contains("\"t_exptime\":{\"column\":\"exposure\",\"factor\":60}"), json);
        assertTrue(json.contains("\"access_url\":{\"datalink\":\"plate_id\"}"), json);
    }
}
