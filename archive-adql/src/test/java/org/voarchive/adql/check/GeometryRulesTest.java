package org.voarchive.adql.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.postgres.PostgresTranslator;

/** Geometry and arguments pg_sphere or PostgreSQL cannot take are the client's error before anything runs. */
class GeometryRulesTest {

    private static CheckedQuery check(String adql) {
        return new QueryChecker(TestCatalog.CATALOG, StandardFunctions.registry())
            .check(new QueryParser(StandardFunctions.registry()).parse(adql));
    }

    private static String sql(String adql) {
        return new PostgresTranslator(StandardFunctions.registry()).translate(check(adql).query(), OptionalLong.empty());
    }

    private static String refusal(String adql) {
        return assertThrows(AdqlException.class, () -> check(adql), adql).positioned();
    }

    @Test
    void regionIsRefusedWithWhatToUseInstead() {
        assertTrue(refusal("SELECT REGION('Circle ICRS 1 2 3') FROM demo.bsc5").contains("REGION is not supported"));
    }

    @Test
    void centroidTakesCirclesOnly() {
        assertTrue(refusal("SELECT CENTROID(POLYGON(1, 1, 2, 1, 2, 2)) FROM demo.bsc5").contains("circles only"));
        assertTrue(refusal("SELECT CENTROID(BOX(10, 10, 1, 1)) FROM demo.bsc5").contains("circles only"));
        assertDoesNotThrow(() -> check("SELECT CENTROID(CIRCLE(10, 10, 1)) FROM demo.bsc5"));
    }

    @Test
    void randTakesAConstantSeedOnly() {
        assertTrue(refusal("SELECT RAND(ra) FROM demo.bsc5").contains("seed of RAND must be a constant"));
        assertDoesNotThrow(() -> check("SELECT RAND(42), RAND(-1), RAND() FROM demo.bsc5"));
    }

    @Test
    void circleRadiiOutsideZeroToNinetyAreRefused() {
        assertTrue(refusal("SELECT * FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 10, -1))")
            .contains("CIRCLE radius -1 is out of range"));
        assertTrue(refusal("SELECT * FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE('ICRS', 10, 10, 90.5))")
            .contains("CIRCLE radius 90.5 is out of range"));
        assertTrue(refusal("SELECT CIRCLE(POINT(1, 2), 100 * 2) FROM demo.bsc5").contains("out of range"));
        assertDoesNotThrow(() -> check("SELECT CIRCLE(1, 2, 90), CIRCLE(1, 2, 0), CIRCLE(1, 2, 1.0 / 60) FROM demo.bsc5"));
        assertDoesNotThrow(() -> check("SELECT CIRCLE(1, 2, vmag) FROM demo.bsc5")); // computed: the database decides
    }

    @Test
    void degeneratePolygonsAreRefused() {
        refusal("SELECT POLYGON(1, 1, 2, 2) FROM demo.bsc5");
        assertTrue(refusal("SELECT POLYGON(1, 1, 2, 2, 1, 1) FROM demo.bsc5").contains("at least 3 distinct vertices"));
        assertTrue(refusal("SELECT POLYGON(1, 1, 1, 1, 1, 1, 2, 2) FROM demo.bsc5").contains("at least 3 distinct vertices"));
        assertTrue(refusal("SELECT POLYGON(0, 0, 10, 0, 20, 0) FROM demo.bsc5").contains("one great circle"));
        assertTrue(refusal("SELECT POLYGON(POINT(5, 0), POINT(5, 10), POINT(5, -30), POINT(185, 40)) FROM demo.bsc5")
            .contains("one great circle"));
        assertTrue(refusal("SELECT POLYGON(0, 0, 10, 100, 20, 5) FROM demo.bsc5").contains("latitudes lie between"));
        assertTrue(refusal("SELECT BOX(10, 10, 0, 1) FROM demo.bsc5").contains("width must not be 0"));
        assertDoesNotThrow(() -> check("SELECT POLYGON(0, 0, 10, 0, 10, 10) FROM demo.bsc5"));
        assertDoesNotThrow(() -> check("SELECT POLYGON(POINT(0, 0), POINT(10, 0), POINT(10, 10), POINT(0, 0)) FROM demo.bsc5"));
        assertDoesNotThrow(() -> check("SELECT POLYGON(ra, dec, 10, 0, 10, 10) FROM demo.bsc5"));
        assertDoesNotThrow(() -> check("SELECT BOX(10, 10, 1, 2) FROM demo.bsc5"));
    }

    @Test
    void nulIsRefusedWithItsPosition() {
        AdqlException e = assertThrows(AdqlException.class,
            () -> new QueryParser(StandardFunctions.registry()).parse("SELECT *\nFROM demo.bsc5 WHERE name = 'a\0b'"));
        assertTrue(e.positioned().startsWith("2:31: the character U+0000"), e.positioned());
        assertThrows(AdqlException.class,
            () -> new QueryParser(StandardFunctions.registry()).parse("SELECT \"r\0a\" FROM demo.bsc5"));
    }

    @Test
    void distanceBeyondNinetyDegreesIsComparedDirectlyNotAsACircle() {
        String wide = sql("SELECT ra FROM demo.bsc5 WHERE DISTANCE(POINT(ra, dec), POINT(10, 10)) < 120");
        assertFalse(wide.contains("scircle"), wide);
        String negative = sql("SELECT ra FROM demo.bsc5 WHERE DISTANCE(POINT(ra, dec), POINT(10, 10)) <= -1");
        assertFalse(negative.contains("scircle"), negative);
        assertTrue(sql("SELECT ra FROM demo.bsc5 WHERE DISTANCE(POINT(ra, dec), POINT(10, 10)) < 1").contains("scircle"));
    }

    @Test
    void anOrderByPositionBeyondAnyNumberIsAnErrorNotACrash() {
        assertTrue(refusal("SELECT hr FROM demo.bsc5 ORDER BY 9223372036854775808").contains("the result has 1 columns"));
        assertTrue(refusal("SELECT hr FROM demo.bsc5 ORDER BY 0xffffffffffffffffff").contains("the result has 1 columns"));
    }
}
