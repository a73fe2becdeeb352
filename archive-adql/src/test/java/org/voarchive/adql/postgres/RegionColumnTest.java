package org.voarchive.adql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.CheckedQuery;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;

/** adql:REGION columns (ObsCore's s_region): geometry in predicates, STC-S strings in results. */
class RegionColumnTest {

    private static final Catalog CATALOG = () -> List.of(new TableInfo("ivoa", "obscore", "ObsCore", List.of(
        ColumnInfo.of("obs_id", ValueType.TEXT), ColumnInfo.of("s_region", ValueType.REGION))));

    private static CheckedQuery check(String adql) {
        return new QueryChecker(CATALOG, StandardFunctions.registry()).check(QueryParser.syntaxOnly().parse(adql));
    }

    private static String translate(String adql) {
        return new PostgresTranslator().translate(check(adql), OptionalLong.empty());
    }

    @Test
    void aRegionIsAGeometryButNotAString() {
        assertTrue(ValueType.REGION.isGeometry());
        assertTrue(!ValueType.REGION.isString());
    }

    @Test
    void predicatesTakeTheRegionAsItIs() {
        String intersects = translate("SELECT obs_id FROM ivoa.obscore WHERE INTERSECTS(s_region, CIRCLE('ICRS', 56.75, 24.1, 0.5)) = 1");
        assertTrue(intersects.contains("\"obscore\".\"s_region\" && scircle(spoint(radians(56.75), radians(24.1)),"
            + " radians(0.5))"), intersects);
        String contains = translate("SELECT obs_id FROM ivoa.obscore WHERE CONTAINS(POINT('ICRS', 56.75, 24.1), s_region) = 1");
        assertTrue(contains.endsWith("WHERE (spoint(radians(56.75), radians(24.1)) @ \"obscore\".\"s_region\")"), contains);
    }

    @Test
    void theTableIsFoundAsTaplintSpellsIt() {
        String sql = translate("SELECT TOP 1 obs_id FROM ivoa.ObsCore WHERE obs_id IS NULL");
        assertTrue(sql.contains("FROM \"ivoa\".\"obscore\""), sql);
    }

    @Test
    void resultsAreStcsPolygons() {
        CheckedQuery checked = check("SELECT s_region FROM ivoa.obscore");
        assertEquals(ValueType.REGION, checked.columns().get(0).type());
        String sql = new PostgresTranslator().translate(checked, OptionalLong.empty());
        assertTrue(sql.contains("'POLYGON ICRS ' || array_to_string("), sql);
    }
}
