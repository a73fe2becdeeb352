package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.FunctionRegistry;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.CheckedQuery;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * ADQL translated to PostgreSQL + pg_sphere and run on the real database:
 * the rows must be what ADQL says, and cones must be index-backed.
 */
@Tag("database")
class AdqlTranslationIT {

    private static Connection db;

    @BeforeAll
    static void fixtures() throws Exception {
        db = Archive.connect("OWNER");
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_adql CASCADE");
            s.execute("CREATE SCHEMA it_adql");
            s.execute("CREATE TABLE it_adql.stars (id integer PRIMARY KEY, ra double precision, dec double precision,"
                + " mag real, name text)");
            // around RA 0/360 on the equator, near both poles, and far away
            s.execute("INSERT INTO it_adql.stars VALUES (1, 359.8, 0.0, 5.5, 'Wrap West'), (2, 0.2, 0.1, 6.0, 'wrap east'),"
                + " (3, 2.5, 0.0, 7.0, 'Outside'), (4, 10.0, 89.6, 4.0, 'North A'), (5, 190.0, 89.7, 3.0, 'North B'),"
                + " (6, 100.0, -89.9, 8.0, 'South'), (7, 180.0, 45.0, NULL, NULL)");
            s.execute("CREATE TABLE it_adql.other (oid integer PRIMARY KEY, ra double precision, dec double precision)");
            s.execute("INSERT INTO it_adql.other VALUES (10, 359.8001, 0.0001), (11, 190.0, 89.7), (12, 50.0, 50.0)");
            s.execute("CREATE INDEX stars_radec ON it_adql.stars USING gist (spoint(radians(ra), radians(dec)))");
            // a stored position, as the loader adds to every table
            s.execute("ALTER TABLE it_adql.stars ADD COLUMN pos spoint");
            s.execute("UPDATE it_adql.stars SET pos = spoint(radians(ra), radians(dec)) WHERE id <> 7");
            s.execute("ANALYZE it_adql.stars");
        }
    }

    @AfterAll
    static void dropFixtures() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_adql CASCADE");
        }
        db.close();
    }

    private static String sql(String adql, OptionalLong maxRecords) {
        return new PostgresTranslator().translate(QueryParser.syntaxOnly().parse(adql), maxRecords);
    }

    /** The rows of the translated query, each row's values joined by '|'. */
    private static List<String> rows(String adql) throws Exception {
        return rows(adql, OptionalLong.empty());
    }

    private static List<String> rows(String adql, OptionalLong maxRecords) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql(adql, maxRecords))) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    @Test
    void conesAcrossRaZeroAndAtThePoles() throws Exception {
        assertEquals(List.of("1", "2"), rows("SELECT id FROM it_adql.stars "
            + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 0, 0, 1)) ORDER BY id"));
        assertEquals(List.of("4", "5"), rows("SELECT id FROM it_adql.stars "
            + "WHERE CONTAINS(POINT(ra, dec), CIRCLE(123, 90, 0.5)) = 1 ORDER BY id"));
        assertEquals(List.of("6"), rows("SELECT id FROM it_adql.stars WHERE DISTANCE(POINT(ra, dec), POINT(0, -90)) < 0.2"));
        assertEquals(List.of("3", "4", "5", "6", "7"), rows("SELECT id FROM it_adql.stars "
            + "WHERE CONTAINS(POINT(ra, dec), CIRCLE(0, 0, 1)) = 0 ORDER BY id"));
        assertEquals(List.of("1", "2"), rows("SELECT id FROM it_adql.stars "
            + "WHERE 1 = INTERSECTS(CIRCLE(0, 0, 1), POINT(ra, dec)) ORDER BY id"));
    }

    @Test
    void crossMatchByDistanceAndDistanceValuesInDegrees() throws Exception {
        List<String> matches = rows("SELECT s.id, o.oid, DISTANCE(POINT(s.ra, s.dec), POINT(o.ra, o.dec)) AS d "
            + "FROM it_adql.stars AS s JOIN it_adql.other AS o ON DISTANCE(s.ra, s.dec, o.ra, o.dec) < 0.01 ORDER BY s.id");
        assertEquals(2, matches.size(), matches.toString());
        assertTrue(matches.get(0).startsWith("1|10|"), matches.toString());
        assertTrue(Double.parseDouble(matches.get(0).split("\\|")[2]) < 2e-4, matches.toString());
        assertTrue(matches.get(1).startsWith("5|11|"), matches.toString());
        assertEquals(List.of("90.0"), rows("SELECT ROUND(DISTANCE(POINT(0, 0), POINT(0, 90)), 6) FROM it_adql.stars WHERE id = 1"));
    }

    @Test
    void conesAndCrossMatchesUseTheGistIndex() throws Exception {
        String cone = sql("SELECT id FROM it_adql.stars WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0, 0, 1))",
            OptionalLong.empty());
        String distance = sql("SELECT id FROM it_adql.stars WHERE DISTANCE(POINT(10, 89.6), POINT(ra, dec)) <= 0.5",
            OptionalLong.empty());
        try (Statement s = db.createStatement()) {
            s.execute("SET enable_seqscan = off"); // the fixture is tiny: ask whether the index CAN serve
            for (String query : List.of(cone, distance)) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("stars_radec"), query + "\n" + plan);
            }
            s.execute("RESET enable_seqscan");
        }
    }

    @Test
    void adqlConesOnTheDemoCatalogueChooseItsIndexUnaided() throws Exception {
        String cone = sql("SELECT star_id FROM demo.kstars WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), "
            + "CIRCLE('ICRS', 37.95, 89.26, 1))", OptionalLong.empty());
        StringBuilder plan = new StringBuilder();
        try (Connection query = Archive.connect("QUERY"); Statement s = query.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + cone)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        assertTrue(plan.toString().contains("kstars_radec_idx"), cone + "\n" + plan);
    }

    @Test
    void topMaxrecAndOffsetGiveOneExtraRowOnlyWhenMaxrecCuts() throws Exception {
        assertEquals(4, rows("SELECT id FROM it_adql.stars ORDER BY id", OptionalLong.of(3)).size()); // overflow visible
        assertEquals(2, rows("SELECT TOP 2 id FROM it_adql.stars ORDER BY id", OptionalLong.of(3)).size());
        assertEquals(4, rows("SELECT TOP 5 id FROM it_adql.stars ORDER BY id", OptionalLong.of(3)).size());
        assertEquals(List.of("3", "4"), rows("SELECT TOP 2 id FROM it_adql.stars ORDER BY id OFFSET 2"));
        assertEquals(1, rows("SELECT id FROM it_adql.stars", OptionalLong.of(0)).size());
    }

    @Test
    void functionsHaveAdqlSemantics() throws Exception {
        // numerically, whatever numeric type PostgreSQL picks
        String[] values = rows("SELECT ROUND(LOG(EXP(1)), 6), LOG10(100), MOD(7.5, 2), ROUND(3.14159, 2), "
            + "TRUNCATE(3.14159, 2), MOD(7, 3), MOD(-7, 3), 0x1F ^ 3, 6 & 3, 6 | 3, ~0, -1, POWER(2, 3), SQRT(4), PI() "
            + "FROM it_adql.stars WHERE id = 1").get(0).split("\\|");
        double[] expected = {1, 2, 1.5, 3.14, 3.14, 1, -1, 28, 2, 7, -1, -1, 8, 2, Math.PI};
        assertEquals(expected.length, values.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Double.parseDouble(values[i]), 1e-12, "value " + (i + 1));
        }
        assertEquals(List.of("2|wrap east", "1|Wrap West"), rows(
            "SELECT id, name FROM it_adql.stars WHERE name ILIKE 'WRAP%' ORDER BY name DESC"));
        assertEquals(List.of("Wrap West!|WRAP WEST|6.0"), rows(
            "SELECT name || '!', UPPER(name), COALESCE(mag, 0) + 0.5 FROM it_adql.stars WHERE id = 1"));
        assertEquals(List.of("0.0"), rows("SELECT COALESCE(mag, 0) FROM it_adql.stars WHERE id = 7"));
        assertEquals(List.of("42|4.5|abc "), rows(
            "SELECT CAST(42.7 AS INTEGER) - 1, CAST('4.5' AS DOUBLE PRECISION), CAST('abc' AS CHAR(4)) FROM it_adql.stars WHERE id = 1"));
        assertEquals(List.of("0.0|89.6"), rows("SELECT COORD1(POINT(0, 0)), ROUND(COORD2(POINT(ra, dec)), 6) FROM it_adql.stars WHERE id = 4"));
        assertEquals(List.of("3.14"), rows("SELECT ROUND(AREA(CIRCLE(0, 0, 1)), 2) FROM it_adql.stars WHERE id = 1"));
    }

    @Test
    void registryUserDefinedFunctions() throws Exception {
        FunctionRegistry standard = StandardFunctions.registry();
        java.util.function.Function<String, List<String>> run = adql -> {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(new PostgresTranslator(standard)
                    .translate(new QueryParser(standard).parse(adql), OptionalLong.empty()))) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            } catch (java.sql.SQLException e) {
                throw new AssertionError(adql, e);
            }
        };
        assertEquals(List.of("1", "2"), run.apply("SELECT id FROM it_adql.stars WHERE 1 = ivo_nocasematch(name, 'wRAP%') ORDER BY id"));
        assertEquals(List.of("1|0|1"), List.of(String.join("|", List.of(
            run.apply("SELECT ivo_hasword('rat hole in the yard', 'Hole') FROM it_adql.stars WHERE id = 1").get(0),
            run.apply("SELECT ivo_hasword('rat hole in the yard', 'ole') FROM it_adql.stars WHERE id = 1").get(0),
            run.apply("SELECT ivo_hasword('Stars and galaxies', 'galaxy') FROM it_adql.stars WHERE id = 1").get(0)))));
        assertEquals(List.of("1"), run.apply("SELECT ivo_hashlist_has('Infrared#Optical', 'OPTICAL') FROM it_adql.stars WHERE id = 1"));
        assertEquals(List.of("0"), run.apply("SELECT ivo_hashlist_has('Infrared#Optical', 'opt') FROM it_adql.stars WHERE id = 1"));
        assertEquals(List.of("1"), run.apply("SELECT ivo_interval_overlaps(1, 2, 2, 3) FROM it_adql.stars WHERE id = 1"));
        assertEquals(List.of("0"), run.apply("SELECT ivo_interval_overlaps(1, 2, 2.5, 3) FROM it_adql.stars WHERE id = 1"));
        assertEquals(List.of("1,2"), run.apply("SELECT ivo_string_agg(id, ',') FROM "
            + "(SELECT id FROM it_adql.stars WHERE id < 3 ORDER BY id) AS t"));
        assertEquals(List.of(""), run.apply("SELECT ivo_string_agg(name, ',') FROM it_adql.stars WHERE id > 100"));
        assertEquals(List.of("51544.5|2451545"), List.of(
            run.apply("SELECT gavo_to_mjd(CAST('2000-01-01T12:00:00' AS TIMESTAMP)) FROM it_adql.stars WHERE id = 1").get(0)
                + "|" + run.apply("SELECT gavo_to_jd(CAST('2000-01-01T12:00:00' AS TIMESTAMP)) FROM it_adql.stars WHERE id = 1")
                .get(0)));
        assertEquals(List.of("1", "2"), run.apply("SELECT id FROM it_adql.stars WHERE 1 = gavo_match('^[Ww]rap ', name) ORDER BY id"));
    }

    /** The fixture as the metadata would describe it. */
    private static final Catalog FIXTURE = () -> List.of(
        new TableInfo("it_adql", "stars", "", List.of(ColumnInfo.of("id", ValueType.INT),
            new ColumnInfo("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", null, null),
            new ColumnInfo("dec", ValueType.DOUBLE, "deg", "pos.eq.dec;meta.main", null, null),
            new ColumnInfo("mag", ValueType.FLOAT, "mag", null, null, null), ColumnInfo.of("name", ValueType.TEXT),
            ColumnInfo.of("pos", ValueType.POINT))),
        new TableInfo("it_adql", "other", "", List.of(ColumnInfo.of("oid", ValueType.INT), ColumnInfo.of("ra", ValueType.DOUBLE),
            ColumnInfo.of("dec", ValueType.DOUBLE))));

    private static List<String> checkedRows(String adql) throws Exception {
        FunctionRegistry standard = StandardFunctions.registry();
        CheckedQuery checked = new QueryChecker(FIXTURE, standard).check(new QueryParser(standard).parse(adql));
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(new PostgresTranslator(standard).translate(checked.query(), OptionalLong.empty()))) {
            assertEquals(checked.columns().size(), rs.getMetaData().getColumnCount(), "result columns of " + adql);
            for (int i = 0; i < checked.columns().size(); i++) {
                // the SQL labels are the checker's names, so outer queries and FIELDs agree
                assertEquals(checked.columns().get(i).name(), rs.getMetaData().getColumnLabel(i + 1), adql);
            }
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Each value of the first row, arrays as lists of doubles rounded to 1e-9. */
    private static List<Object> checkedFirstRow(String adql) throws Exception {
        FunctionRegistry standard = StandardFunctions.registry();
        CheckedQuery checked = new QueryChecker(FIXTURE, standard).check(new QueryParser(standard).parse(adql));
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(new PostgresTranslator(standard).translate(checked, OptionalLong.empty()))) {
            assertTrue(rs.next(), adql);
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof java.sql.Array array) {
                    List<Double> numbers = new ArrayList<>();
                    for (Object v : (Object[]) array.getArray()) {
                        numbers.add(Math.round(((Number) v).doubleValue() * 1e9) / 1e9);
                    }
                    values.add(numbers);
                } else {
                    values.add(value);
                }
            }
            return values;
        }
    }

    @Test
    void geometryResultsAreDaliArraysInDegrees() throws Exception {
        assertEquals(List.of(List.of(10.0, 89.6), List.of(10.0, 89.6, 1.0), List.of(0.0, 0.0, 1.0, 0.0, 1.0, 1.0),
                List.of(9.0, 19.0, 11.0, 19.0, 11.0, 21.0, 9.0, 21.0), List.of(10.0, 20.0)),
            checkedFirstRow("SELECT POINT('ICRS', ra, dec), CIRCLE(ra, dec, 1), POLYGON(0, 0, 1, 0, 1, 1), "
                + "BOX(10, 20, 2, 2), CENTROID(CIRCLE(10, 20, 3)) FROM stars WHERE id = 4"));
        // SELECT * with a stored position; a NULL geometry stays NULL
        List<Object> star4 = checkedFirstRow("SELECT * FROM stars WHERE id = 4");
        assertEquals(List.of(10.0, 89.6), star4.get(5));
        assertEquals(java.util.Arrays.asList(7, null), checkedFirstRow("SELECT id, pos FROM stars WHERE id = 7"));
        // geometries from their DALI strings
        assertEquals(List.of(List.of(12.3, 45.6), List.of(12.3, 45.6, 1.0), List.of(1.0, 0.1, 2.0, 0.2, 3.0, 0.3)),
            checkedFirstRow("SELECT CAST('12.3 45.6' AS POINT), CAST(' 12.3  45.6 1.0' AS CIRCLE), "
                + "CAST('1.0 0.1 2.0 0.2 3.0 0.3' AS POLYGON) FROM stars WHERE id = 1"));
        // IN_UNIT with the column's unit from the metadata
        assertEquals(List.of(Math.round(Math.toRadians(10) * 1e9) / 1e9, 36000.0), checkedFirstRow(
            "SELECT ROUND(IN_UNIT(ra, 'rad'), 9), IN_UNIT(ra, 'arcsec') FROM stars WHERE id = 4").stream()
            .map(v -> ((Number) v).doubleValue()).toList());
        // through a set operation
        assertEquals(List.of(List.of(0.2, 0.1)), checkedFirstRow(
            "SELECT pos FROM stars WHERE id = 2 UNION SELECT pos FROM stars WHERE id = 2"));
    }

    @Test
    void checkedQueriesRunWithTheCheckersNamesAsTheirLabels() throws Exception {
        assertEquals(List.of("1", "2"), checkedRows("SELECT ID, Ra, mag + 1 FROM STARS "
            + "WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(0, 0, 1)) ORDER BY id"));
        // generated names (col, count) are referenced from outside a CTE and a derived table
        assertEquals(List.of("6.5"), checkedRows("WITH t AS (SELECT mag + 1, id FROM stars) SELECT col FROM t WHERE id = 1"));
        assertEquals(List.of("7"), checkedRows("SELECT d.count_value FROM (SELECT COUNT(*) FROM stars) AS d"));
        assertEquals(List.of("1", "5"), checkedRows("SELECT s.id, o.oid FROM stars AS s JOIN other AS o "
            + "ON DISTANCE(s.ra, s.dec, o.ra, o.dec) < 0.01 ORDER BY s.id"));
    }

    /**
     * ADQL 2.1's optional join condition (a cross join: PostgreSQL gets ON TRUE), ORDER BY and OFFSET of a
     * whole set operation, operands ordered in parentheses, a trailing ';': the rows PostgreSQL returns.
     */
    @Test
    void joinsWithoutConditionOrderedSetOperationsAndATrailingSemicolon() throws Exception {
        assertEquals(List.of("10", "11", "12"), checkedRows("SELECT o.oid FROM stars AS s JOIN other AS o WHERE s.id = 1 "
            + "ORDER BY o.oid"));
        assertEquals(List.of("21"), checkedRows("SELECT COUNT(*) FROM stars AS s INNER JOIN other AS o"));
        assertEquals(List.of("10", "10", "11", "11", "12", "12"), checkedRows("SELECT o.oid FROM stars AS s "
            + "LEFT OUTER JOIN other AS o WHERE s.id < 3 ORDER BY 1"));
        assertEquals(List.of("11", "10", "2", "1"), checkedRows("SELECT id FROM stars WHERE id < 3 UNION "
            + "SELECT oid FROM other ORDER BY id DESC OFFSET 1"));
        assertEquals(List.of("5", "12"), checkedRows("(SELECT TOP 1 id FROM stars WHERE mag IS NOT NULL ORDER BY mag) "
            + "UNION ALL (SELECT TOP 1 oid FROM other ORDER BY oid DESC) ORDER BY 1"));
        assertEquals(List.of("2", "3"), checkedRows("SELECT id FROM stars WHERE id < 4 INTERSECT ALL "
            + "SELECT id FROM stars WHERE id > 1 ORDER BY 1"));
        assertEquals(List.of("1"), checkedRows("SELECT id FROM stars WHERE id = 1; -- as pasted from an SQL tool"));
    }

    @Test
    void randWithASeedIsReproducible() throws Exception {
        String seeded = "SELECT RAND(42) FROM it_adql.stars ORDER BY id";
        List<String> first = rows(seeded);
        assertEquals(first, rows(seeded));
        assertEquals(7, first.stream().distinct().count(), first.toString());
        assertTrue(first.stream().mapToDouble(Double::parseDouble).allMatch(x -> x >= 0 && x < 1), first.toString());
        assertTrue(!first.equals(rows("SELECT RAND(43) FROM it_adql.stars ORDER BY id")));
    }

    @Test
    void setOperationsCommonTableExpressionsSubqueriesAndJoins() throws Exception {
        assertEquals(List.of("1", "2", "4"), rows("SELECT id FROM it_adql.stars WHERE id < 3 UNION "
            + "SELECT id FROM it_adql.stars WHERE id = 4 ORDER BY id"));
        assertEquals(List.of("2"), rows("SELECT id FROM it_adql.stars WHERE id < 3 INTERSECT "
            + "SELECT id FROM it_adql.stars WHERE id > 1"));
        assertEquals(List.of("1"), rows("SELECT id FROM it_adql.stars WHERE id < 3 EXCEPT SELECT id FROM it_adql.stars WHERE id > 1"));
        assertEquals(List.of("2"), rows("WITH bright (i, m) AS (SELECT id, mag FROM it_adql.stars WHERE mag < 5) "
            + "SELECT COUNT(*) FROM bright"));
        assertEquals(List.of("7"), rows("SELECT id FROM it_adql.stars WHERE id = (SELECT MAX(id) FROM it_adql.stars)"));
        assertEquals(List.of("5"), rows("SELECT s.id FROM it_adql.stars s WHERE EXISTS "
            + "(SELECT * FROM it_adql.other o WHERE o.dec = s.dec AND o.ra = s.ra)"));
        assertEquals(List.of("1|null", "2|null"), rows("SELECT s.id, o.oid FROM it_adql.stars s LEFT OUTER JOIN it_adql.other o "
            + "ON o.oid = s.id WHERE s.id IN (1, 2) ORDER BY s.id"));
        assertEquals(List.of("3|2"), rows("SELECT COUNT(*), COUNT(DISTINCT pole) FROM "
            + "(SELECT id, ROUND(dec) AS pole FROM it_adql.stars WHERE id BETWEEN 4 AND 6) AS t"));
    }
}
