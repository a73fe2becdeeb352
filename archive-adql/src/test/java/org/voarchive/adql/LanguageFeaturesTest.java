package org.voarchive.adql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;
import org.voarchive.adql.postgres.PostgresTranslator;

/** Every declared feature works (an example parses and translates); undeclared forms are refused. */
class LanguageFeaturesTest {

    /** One working example per declared form: declaring a feature needs a query that uses it. */
    private static final Map<String, String> EXAMPLES = new TreeMap<>(Map.ofEntries(
        Map.entry("POINT", "SELECT POINT('ICRS', ra, dec) FROM t"),
        Map.entry("CIRCLE", "SELECT CIRCLE(ra, dec, 1) FROM t"),
        Map.entry("BOX", "SELECT BOX('ICRS', ra, dec, 1, 2) FROM t"),
        Map.entry("POLYGON", "SELECT POLYGON(0, 0, 1, 0, 1, 1) FROM t"),
        Map.entry("CENTROID", "SELECT CENTROID(CIRCLE(1, 2, 3)) FROM t"),
        Map.entry("COORD1", "SELECT COORD1(POINT(ra, dec)) FROM t"),
        Map.entry("COORD2", "SELECT COORD2(POINT(ra, dec)) FROM t"),
        Map.entry("COORDSYS", "SELECT COORDSYS(POINT(ra, dec)) FROM t"),
        Map.entry("DISTANCE", "SELECT DISTANCE(ra, dec, 1, 2) FROM t"),
        Map.entry("AREA", "SELECT AREA(CIRCLE(1, 2, 3)) FROM t"),
        Map.entry("CONTAINS", "SELECT * FROM t WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))"),
        Map.entry("INTERSECTS", "SELECT * FROM t WHERE 1 = INTERSECTS(CIRCLE(ra, dec, 1), CIRCLE(1, 2, 3))"),
        Map.entry("LOWER", "SELECT LOWER(name) FROM t"),
        Map.entry("UPPER", "SELECT UPPER(name) FROM t"),
        Map.entry("ILIKE", "SELECT * FROM t WHERE name ILIKE 'm%'"),
        Map.entry("UNION", "SELECT a FROM t UNION SELECT a FROM u"),
        Map.entry("EXCEPT", "SELECT a FROM t EXCEPT SELECT a FROM u"),
        Map.entry("INTERSECT", "SELECT a FROM t INTERSECT SELECT a FROM u"),
        Map.entry("WITH", "WITH x AS (SELECT a FROM t) SELECT * FROM x"),
        Map.entry("CAST", "SELECT CAST(a AS BIGINT), CAST(b AS VARCHAR(3)) FROM t"),
        Map.entry("COALESCE", "SELECT COALESCE(a, b, 0) FROM t"),
        Map.entry("OFFSET", "SELECT a FROM t OFFSET 10"),
        Map.entry("IN_UNIT", "SELECT IN_UNIT(ra, 'rad') FROM t"),
        Map.entry("ivo_hasword", "SELECT * FROM t WHERE 1 = ivo_hasword(title, 'star')"),
        Map.entry("ivo_nocasematch", "SELECT * FROM t WHERE 1 = ivo_nocasematch(title, 'm%')"),
        Map.entry("ivo_hashlist_has", "SELECT * FROM t WHERE 1 = ivo_hashlist_has(bands, 'optical')"),
        Map.entry("ivo_interval_overlaps", "SELECT * FROM t WHERE 1 = ivo_interval_overlaps(a, b, 1, 2)"),
        Map.entry("ivo_string_agg", "SELECT ivo_string_agg(name, ',') FROM t"),
        Map.entry("gavo_to_mjd", "SELECT gavo_to_mjd(CAST('2000-01-01T12:00:00' AS TIMESTAMP)) FROM t"),
        Map.entry("gavo_to_jd", "SELECT gavo_to_jd(CAST('2000-01-01T12:00:00' AS TIMESTAMP)) FROM t"),
        Map.entry("gavo_match", "SELECT * FROM t WHERE 1 = gavo_match('^M[0-9]+$', name)")));

    private static String key(LanguageFeatures.Feature f) {
        return f.type().equals(LanguageFeatures.UDF) ? f.form().substring(0, f.form().indexOf('(')) : f.form();
    }

    @Test
    void everyDeclaredFeatureHasAWorkingExampleAndViceVersa() {
        FunctionRegistry functions = StandardFunctions.registry();
        Set<String> declared = LanguageFeatures.supported(functions).stream().map(LanguageFeaturesTest::key)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(EXAMPLES.keySet(), declared);
        QueryParser parser = new QueryParser(functions);
        QueryChecker checker = new QueryChecker(CATALOG, functions);
        PostgresTranslator translator = new PostgresTranslator(functions);
        EXAMPLES.forEach((form, adql) -> assertDoesNotThrow(
            () -> translator.translate(checker.check(parser.parse(adql)), OptionalLong.empty()), form));
    }

    /** The tables the examples use. */
    private static final Catalog CATALOG = () -> List.of(
        new TableInfo("s", "t", "", List.of(
            new ColumnInfo("ra", ValueType.DOUBLE, "deg", null, null, null),
            new ColumnInfo("dec", ValueType.DOUBLE, "deg", null, null, null),
            ColumnInfo.of("a", ValueType.DOUBLE), ColumnInfo.of("b", ValueType.DOUBLE), ColumnInfo.of("name", ValueType.TEXT),
            ColumnInfo.of("title", ValueType.TEXT), ColumnInfo.of("bands", ValueType.TEXT))),
        new TableInfo("s", "u", "", List.of(ColumnInfo.of("a", ValueType.DOUBLE))));

    @Test
    void undeclaredFormsAreRefused() {
        PostgresTranslator translator = new PostgresTranslator();
        for (String adql : new String[] {"SELECT REGION('Circle ICRS 1 2 3') FROM t"}) {
            assertThrows(AdqlException.class, () -> translator.translate(QueryParser.syntaxOnly().parse(adql),
                OptionalLong.empty()), adql);
        }
    }

    @Test
    void udfFeaturesCarryTheTapRegExtFormAndADescription() {
        LanguageFeatures.Feature hasword = LanguageFeatures.supported(StandardFunctions.registry()).stream()
            .filter(f -> f.form().startsWith("ivo_hasword")).findFirst().orElseThrow();
        assertEquals("ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER", hasword.form());
        assertEquals(false, hasword.description().isBlank());
    }
}
