package org.voarchive.adql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;

/** What the SQL looks like; that it computes the right rows is tested on PostgreSQL (archive-it). */
class PostgresTranslatorTest {

    private static String translate(String adql) {
        return new PostgresTranslator().translate(QueryParser.syntaxOnly().parse(adql), OptionalLong.empty());
    }

    @Test
    void namesAreQuotedAndRegularOnesFoldedStringsReEscaped() {
        assertEquals("SELECT \"ra\", \"Dec\" AS \"x\"\"y\" FROM \"demo\".\"bsc5\" WHERE \"name\" = 'O''Neil; DROP TABLE t; --'",
            translate("SELECT RA, \"Dec\" AS \"x\"\"y\" FROM Demo.BSC5 WHERE name = 'O''Neil; DROP TABLE t; --'"));
    }

    @Test
    void adjacentStringLiteralsAreOneAndHexIsDecimal() {
        assertEquals("SELECT 'ab', 255 FROM \"t\"", translate("SELECT 'a'\n 'b', 0xFF FROM t"));
    }

    @Test
    void seededRandNeedsAConstantSeed() {
        assertEquals("SELECT CASE WHEN (SELECT setseed(sin(42))) IS NULL THEN random() ELSE random() END FROM \"t\"",
            translate("SELECT RAND(42) FROM t"));
        assertTrue(assertThrows(AdqlException.class, () -> translate("SELECT RAND(ra) FROM t")).getMessage()
            .contains("the seed of RAND must be a constant"));
    }

    @Test
    void operatorPrecedenceFollowsAdql() {
        assertEquals("SELECT (1 + (2 * 3)), ((1 - 2) - 3), ((1 & 2) | (3 # 4)), ('a' || ((1 + 2) * 3)), -(1) FROM \"t\"",
            translate("SELECT 1 + 2 * 3, 1 - 2 - 3, 1 & 2 | 3 ^ 4, 'a' || (1 + 2) * 3, -1 FROM t"));
    }

    @Test
    void topAndMaxrecMakeOneLimit() {
        assertEquals(OptionalLong.of(11), PostgresTranslator.limit(OptionalLong.empty(), OptionalLong.of(10)));
        assertEquals(OptionalLong.of(11), PostgresTranslator.limit(OptionalLong.of(20), OptionalLong.of(10)));
        assertEquals(OptionalLong.of(5), PostgresTranslator.limit(OptionalLong.of(5), OptionalLong.of(10)));
        assertEquals(OptionalLong.of(10), PostgresTranslator.limit(OptionalLong.of(10), OptionalLong.of(10)));
        assertEquals(OptionalLong.of(1), PostgresTranslator.limit(OptionalLong.empty(), OptionalLong.of(0)));
        assertEquals(OptionalLong.empty(), PostgresTranslator.limit(OptionalLong.empty(), OptionalLong.empty()));
        String union = new PostgresTranslator().translate(
            QueryParser.syntaxOnly().parse("SELECT TOP 3 a FROM t UNION SELECT b FROM u"), OptionalLong.of(100));
        assertEquals("(SELECT \"a\" FROM \"t\" LIMIT 3) UNION (SELECT \"b\" FROM \"u\") LIMIT 101", union);
    }

    @Test
    void geometryPredicatesBecomeIndexableOperators() {
        assertTrue(translate("SELECT * FROM t WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 1, 2, 3))")
            .endsWith("WHERE (spoint(radians(\"ra\"), radians(\"dec\")) @ scircle(spoint(radians(1), radians(2)), radians(3)))"));
        assertTrue(translate("SELECT * FROM t WHERE CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3)) <> 1")
            .contains("WHERE NOT (spoint("));
        // the constant point goes into the circle, the column stays left of @
        assertTrue(translate("SELECT * FROM t WHERE 0.5 > DISTANCE(POINT(1, 2), POINT(ra, dec))")
            .endsWith("WHERE (spoint(radians(\"ra\"), radians(\"dec\")) @ scircle(spoint(radians(1), radians(2)), radians(0.5)))"));
        // other comparisons keep the numeric function
        assertTrue(translate("SELECT * FROM t WHERE DISTANCE(POINT(1, 2), POINT(ra, dec)) > 0.5")
            .contains("degrees(spoint(radians(1), radians(2)) <-> spoint(radians(\"ra\"), radians(\"dec\"))) > 0.5"));
    }

    @Test
    void crossMatchesAreWrittenBothWaysSoEitherSidesIndexServes() {
        String both = "WHERE (spoint(radians(\"u\".\"ra\"), radians(\"u\".\"dec\")) @ scircle(spoint(radians(\"k\".\"ra\"), "
            + "radians(\"k\".\"dec\")), radians((1.0 / 3600))) AND spoint(radians(\"k\".\"ra\"), radians(\"k\".\"dec\")) "
            + "@ scircle(spoint(radians(\"u\".\"ra\"), radians(\"u\".\"dec\")), radians((1.0 / 3600))))";
        assertTrue(translate("SELECT * FROM u JOIN k ON 1 = 1 WHERE 1 = CONTAINS(POINT('ICRS', u.ra, u.dec), "
            + "CIRCLE('ICRS', k.ra, k.dec, 1.0/3600))").endsWith(both));
        assertTrue(translate("SELECT * FROM u JOIN k ON 1 = 1 WHERE DISTANCE(POINT(u.ra, u.dec), POINT(k.ra, k.dec)) "
            + "< 1.0/3600").endsWith(both));
        // the circle's centre as a POINT
        assertTrue(translate("SELECT * FROM u JOIN k ON 1 = 1 WHERE 1 = CONTAINS(POINT(u.ra, u.dec), "
            + "CIRCLE(POINT(k.ra, k.dec), 1.0/3600))").endsWith(both));
        // a constant circle: one way, the column left of @
        assertTrue(translate("SELECT * FROM t WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))")
            .endsWith("WHERE (spoint(radians(\"ra\"), radians(\"dec\")) @ scircle(spoint(radians(1), radians(2)), radians(3)))"));
        // NOT CONTAINS stays one test; an expression that may differ between evaluations is not written twice
        assertTrue(translate("SELECT * FROM u JOIN k ON 1 = 1 WHERE 0 = CONTAINS(POINT(u.ra, u.dec), "
            + "CIRCLE(k.ra, k.dec, 0.1))").endsWith("WHERE NOT (spoint(radians(\"u\".\"ra\"), radians(\"u\".\"dec\")) "
            + "@ scircle(spoint(radians(\"k\".\"ra\"), radians(\"k\".\"dec\")), radians(0.1)))"));
        assertFalse(translate("SELECT * FROM u JOIN k ON 1 = 1 WHERE 1 = CONTAINS(POINT(u.ra, u.dec), "
            + "CIRCLE(k.ra, k.dec, RAND()))").contains(" AND "));
    }

    @Test
    void udfTemplatesAreExpandedInOnePassWithParenthesisedArguments() {
        assertEquals("('{2}') || (x + 1)", Functions.expand("{1} || {2}", java.util.List.of("'{2}'", "x + 1")));
        String sql = new PostgresTranslator(org.voarchive.adql.StandardFunctions.registry()).translate(
            new QueryParser(org.voarchive.adql.StandardFunctions.registry())
                .parse("SELECT * FROM t WHERE 1 = ivo_nocasematch(name, 'M 3%')"), OptionalLong.empty());
        assertEquals("SELECT * FROM \"t\" WHERE 1 = CASE WHEN (\"name\") ILIKE ('M 3%') THEN 1 ELSE 0 END", sql);
    }

    @Test
    void whatNeedsMetadataIsRefusedClearlyNotGuessed() {
        for (String adql : new String[] {
            "SELECT REGION('Circle ICRS 1 2 3') FROM t"}) {
            AdqlException e = assertThrows(AdqlException.class, () -> translate(adql), adql);
            assertTrue(e.getMessage().endsWith("is not supported by this service yet"), e.getMessage());
        }
        assertTrue(assertThrows(AdqlException.class, () -> translate("SELECT IN_UNIT(ra, 'rad') FROM t")).getMessage()
            .contains("IN_UNIT needs the unit of its argument from the table metadata"));
    }
}
