package org.voarchive.adql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.postgres.PostgresTranslator;

class QueryCheckerTest {

    static final Catalog CATALOG = TestCatalog.CATALOG;

    private static CheckedQuery check(String adql) {
        return new QueryChecker(CATALOG, StandardFunctions.registry())
            .check(new QueryParser(StandardFunctions.registry()).parse(adql));
    }

    private static String sql(String adql) {
        return new PostgresTranslator(StandardFunctions.registry()).translate(check(adql).query(), OptionalLong.empty());
    }

    private static AdqlException rejected(String adql) {
        return assertThrows(AdqlException.class, () -> check(adql), adql);
    }

    @Test
    void tablesStoredElsewhereAreNamedByTheirAdqlNameAndReadFromTheirStoredSchema() {
        TableInfo upload = new TableInfo("TAP_UPLOAD", "mine", "uploaded", List.of(ColumnInfo.of("ra", ValueType.DOUBLE)),
            "pg_temp");
        CheckedQuery checked = new QueryChecker(() -> List.of(upload), StandardFunctions.registry())
            .check(new QueryParser(StandardFunctions.registry()).parse("SELECT tap_upload.mine.ra FROM TAP_UPLOAD.mine"));
        assertEquals("SELECT \"mine\".\"ra\" AS \"ra\" FROM \"pg_temp\".\"mine\" AS \"mine\"",
            new PostgresTranslator(StandardFunctions.registry()).translate(checked.query(), OptionalLong.empty()));
        assertEquals(List.of("TAP_UPLOAD.mine"), checked.sourceTables().stream().map(TableInfo::qualifiedName).toList());
        assertEquals(Optional.of("TAP_UPLOAD.mine.ra"), checked.columns().get(0).source());
    }

    @Test
    void namesResolveCaseInsensitivelyAndAreRewrittenToStoredNames() {
        assertEquals("SELECT \"bsc5\".\"ra\" AS \"ra\", \"bsc5\".\"dec\" AS \"dec\" FROM \"demo\".\"bsc5\" AS \"bsc5\" "
            + "WHERE \"bsc5\".\"vmag\" < 2", sql("SELECT RA, Dec FROM BSC5 WHERE VMag < 2"));
        assertEquals("SELECT \"b\".\"hr\" AS \"hr\" FROM \"demo\".\"bsc5\" AS \"b\"", sql("SELECT B.hr FROM demo.bsc5 AS b"));
        assertEquals("SELECT \"bsc5\".\"hr\" AS \"hr\" FROM \"demo\".\"bsc5\" AS \"bsc5\"", sql("SELECT bsc5.hr FROM demo.bsc5"));
        assertEquals(sql("SELECT bsc5.hr FROM demo.bsc5"), sql("SELECT demo.bsc5.hr FROM demo.bsc5"));
        assertEquals("SELECT \"columns\".\"size\" AS \"size\", \"columns\".\"Mixed\" AS \"Mixed\" "
            + "FROM \"tap_schema\".\"columns\" AS \"columns\"",
            sql("SELECT \"size\", mixed FROM TAP_SCHEMA.columns"));
    }

    @Test
    void unknownNamesAreReportedWithWhereAndASuggestion() {
        AdqlException e = rejected("SELECT raa FROM demo.bsc5");
        assertEquals("1:8: column raa not found in demo.bsc5; did you mean 'ra'?", e.positioned());
        assertEquals("1:15: table demo.bsc not found; did you mean 'demo.bsc5'?", rejected("SELECT * FROM demo.bsc").positioned());
        assertEquals("1:15: table kstar not found; did you mean 'kstars'?", rejected("SELECT * FROM kstar").positioned());
        assertTrue(rejected("SELECT \"Size\" FROM tap_schema.columns").getMessage().startsWith("column \"Size\" not found"));
        assertTrue(rejected("SELECT x.hr FROM demo.bsc5 AS b").getMessage().startsWith("no table x in FROM"));
        assertTrue(rejected("SELECT k.hr FROM demo.kstars AS k").getMessage()
            .contains("column hr not found in k"));
    }

    @Test
    void ambiguityIsAnErrorThatSaysHowToResolveIt() {
        assertTrue(rejected("SELECT ra FROM demo.bsc5 AS b JOIN demo.kstars AS k ON b.name = k.bayer_name")
            .getMessage().contains("column name ra is ambiguous: it is in b and k; qualify it, e.g. b.ra"));
        assertTrue(rejected("SELECT id FROM stars").getMessage()
            .contains("table name stars is ambiguous: it could be cat_a.stars or cat_b.stars"));
        check("SELECT id FROM cat_a.stars");
    }

    @Test
    void resultColumnsCarryMetadataThroughExpressionsAndJoins() {
        CheckedQuery q = check("SELECT b.ra, k.ra, DISTANCE(POINT('ICRS', b.ra, b.dec), POINT(k.ra, k.dec)) AS sep, "
            + "COUNT(*), POINT(b.ra, b.dec), b.vmag + 1, AVG(b.vmag) AS mean "
            + "FROM demo.bsc5 AS b JOIN demo.kstars AS k ON b.name = k.bayer_name GROUP BY b.ra, k.ra, b.dec, k.dec, b.vmag");
        List<ResultColumn> c = q.columns();
        // generated names are valid ADQL: the reserved count and point get a suffix
        assertEquals(List.of("ra", "ra_2", "sep", "count_value", "point_value", "col", "mean"),
            c.stream().map(ResultColumn::name).toList());
        assertEquals(new ResultColumn("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", null, "Right ascension",
            Optional.of("demo.bsc5.ra")), c.get(0));
        assertEquals(Optional.of("demo.kstars.ra"), c.get(1).source());
        assertEquals(ValueType.DOUBLE, c.get(2).type());
        assertEquals("deg", c.get(2).unit());
        assertEquals(ValueType.LONG, c.get(3).type());
        assertEquals(ValueType.POINT, c.get(4).type());
        assertEquals(ValueType.FLOAT, c.get(5).type());
        assertEquals("mag", c.get(6).unit());
        assertEquals("phot.mag;em.opt.V", c.get(6).ucd());
        assertEquals(List.of("demo.bsc5", "demo.kstars"), q.sourceTables().stream().map(TableInfo::qualifiedName).toList());
    }

    @Test
    void starExpandsInSourceOrderAndSubqueriesCtesAndSetOperationsResolve() {
        assertEquals(List.of("hr", "name", "ra", "dec", "vmag"),
            check("SELECT * FROM demo.bsc5").columns().stream().map(ResultColumn::name).toList());
        assertEquals(List.of("star_id", "ra", "dec", "bayer_name", "hr"),
            check("SELECT k.*, b.hr FROM demo.kstars k, demo.bsc5 b").columns().stream().map(ResultColumn::name).toList());
        CheckedQuery cte = check("WITH bright (h, m) AS (SELECT hr, vmag + 0 FROM demo.bsc5 WHERE vmag < 1) "
            + "SELECT h, m FROM bright ORDER BY m");
        assertEquals(List.of("h", "m"), cte.columns().stream().map(ResultColumn::name).toList());
        check("SELECT t.col FROM (SELECT vmag * 2 FROM demo.bsc5) AS t");
        check("SELECT hr FROM demo.bsc5 AS b WHERE EXISTS (SELECT * FROM demo.kstars AS k WHERE k.bayer_name = b.name)");
        check("SELECT hr FROM demo.bsc5 WHERE hr IN (SELECT star_id FROM demo.kstars)");
        assertTrue(rejected("SELECT hr, name FROM demo.bsc5 UNION SELECT star_id FROM demo.kstars").getMessage()
            .contains("UNION of queries with 2 and 1 columns"));
        assertTrue(rejected("SELECT hr FROM demo.bsc5 WHERE hr IN (SELECT star_id, ra FROM demo.kstars)").getMessage()
            .contains("must return one column"));
    }

    @Test
    void orderByTakesOutputNamesAndPositions() {
        assertTrue(sql("SELECT hr, vmag AS m FROM demo.bsc5 ORDER BY m DESC").endsWith("ORDER BY 2 DESC"));
        assertTrue(sql("SELECT hr, vmag FROM demo.bsc5 ORDER BY 2").endsWith("ORDER BY 2 ASC"));
        assertTrue(rejected("SELECT hr FROM demo.bsc5 ORDER BY 3").getMessage().contains("the result has 1 columns"));
    }

    @Test
    void argumentTypesAreCheckedWhereKnown() {
        assertEquals("1:12: ABS needs a number, not name (a string)", rejected("SELECT ABS(name) FROM demo.bsc5").positioned());
        assertTrue(rejected("SELECT * FROM demo.bsc5 WHERE 1 = CONTAINS(ra, CIRCLE(1, 2, 3))").getMessage()
            .contains("CONTAINS needs a geometry"));
        assertTrue(rejected("SELECT LOWER(vmag) FROM demo.bsc5").getMessage().contains("LOWER needs a string"));
        assertTrue(rejected("SELECT * FROM demo.bsc5 WHERE vmag LIKE 'a%'").getMessage().contains("LIKE needs a string"));
        assertTrue(rejected("SELECT POINT(name, dec) FROM demo.bsc5").getMessage().contains("POINT needs a number"));
        check("SELECT COORD1(POINT(ra, dec)), AREA(CIRCLE(ra, dec, 1)) FROM demo.bsc5");
    }

    @Test
    void intersectsWithAPointColumnBecomesContainment() {
        Catalog withPos = () -> List.of(new TableInfo("demo", "p", "", List.of(ColumnInfo.of("pos", ValueType.POINT))));
        String sql = new PostgresTranslator().translate(new QueryChecker(withPos, StandardFunctions.registry())
            .check(new QueryParser(StandardFunctions.registry())
                .parse("SELECT * FROM demo.p WHERE 1 = INTERSECTS(CIRCLE(1, 2, 3), pos)")), OptionalLong.empty());
        assertTrue(sql.endsWith("WHERE (\"p\".\"pos\" @ scircle(spoint(radians(1), radians(2)), radians(3)))"), sql);
    }

    @Test
    void inUnitBecomesAMultiplicationWithTheTargetUnit() {
        CheckedQuery q = check("SELECT IN_UNIT(ra, 'arcsec') AS ra_arcsec FROM demo.bsc5");
        assertEquals("arcsec", q.columns().get(0).unit());
        assertEquals("SELECT (\"bsc5\".\"ra\" * 3600.0) AS \"ra_arcsec\" FROM \"demo\".\"bsc5\" AS \"bsc5\"",
            new PostgresTranslator().translate(q, OptionalLong.empty()));
        assertTrue(rejected("SELECT IN_UNIT(ra, 'km') FROM demo.bsc5").getMessage()
            .contains("cannot convert deg to km: they measure different things"));
        assertTrue(rejected("SELECT IN_UNIT(hr, 'deg') FROM demo.bsc5").getMessage()
            .contains("the unit of its first argument is not known"));
        assertTrue(rejected("SELECT IN_UNIT(ra, name) FROM demo.bsc5").getMessage().contains("string literal"));
    }
}
