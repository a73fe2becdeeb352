package org.voarchive.adql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Garbled queries (the conformance queries with characters dropped, inserted,
 * duplicated or cut off) must either parse or fail with an {@link AdqlException}:
 * never any other exception, which a server would turn into a 500.
 */
class FuzzTest {

    private static final String ALPHABET = " \t\n'\"()*,.;+-/|&^~<>=!0123456789aeiouxyzSELECTFROMWHERE_%\\\u00e9";
    private static final int MUTATIONS_PER_QUERY = 40;

    private static String mutate(String q, Random random) {
        StringBuilder s = new StringBuilder(q);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(12))));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    @Test
    void mutatedQueriesFailOnlyWithAdqlErrors() throws Exception {
        Random random = new Random(20261125);
        List<String> unexpected = new ArrayList<>();
        int mutants = 0;
        for (ConformanceQueries.Case c : ConformanceQueries.all()) {
            for (int i = 0; i < MUTATIONS_PER_QUERY; i++) {
                String mutant = mutate(c.adql(), random);
                mutants++;
                try {
                    c.parser().parse(mutant);
                } catch (AdqlException expected) {
                    // the only acceptable failure
                } catch (RuntimeException | Error e) {
                    unexpected.add(e + " for: " + mutant);
                }
            }
        }
        System.out.println("fuzz: " + mutants + " mutated queries");
        assertEquals(List.of(), unexpected);
    }

    /**
     * Whatever parses must also go through the checker and the translator failing only with
     * ADQL errors, and whatever checks must name every column qualified with a range variable
     * in scope (so PostgreSQL resolves it as the checker did): queries over the demo catalogue, mutated.
     */
    @Test
    void mutatedQueriesThroughCheckerAndTranslatorFailOnlyWithAdqlErrors() {
        List<String> seeds = List.of(
            "SELECT TOP 10 b.hr, k.star_id, DISTANCE(POINT(b.ra, b.dec), POINT(k.ra, k.dec)) AS d FROM demo.bsc5 AS b "
                + "JOIN demo.kstars AS k ON 1 = CONTAINS(POINT(k.ra, k.dec), CIRCLE(b.ra, b.dec, 0.1)) ORDER BY d",
            "WITH x (h, m) AS (SELECT hr, vmag FROM demo.bsc5 WHERE vmag < 2) SELECT COUNT(*), AVG(m) FROM x",
            "SELECT * FROM demo.bsc5 WHERE hr IN (SELECT star_id FROM demo.kstars WHERE bayer_name LIKE 'a%') OFFSET 3",
            "SELECT IN_UNIT(ra, 'rad'), CAST(vmag AS INTEGER), LOWER(name) || 'x' FROM demo.bsc5 UNION "
                + "SELECT ra, 1, bayer_name FROM demo.kstars",
            "SELECT POLYGON(ra, dec, 1, 2, 3, 4), BOX(ra, dec, 1, 1), AREA(CIRCLE(ra, dec, 1)) FROM demo.kstars",
            "SELECT g.h, (SELECT MAX(vmag) FROM demo.bsc5 AS g WHERE g.hr = h) AS m FROM (SELECT hr AS h, 0 AS vmag FROM bsc5) "
                + "AS g NATURAL JOIN demo.bsc5 JOIN demo.kstars AS k USING (ra) GROUP BY g.h, bayer_name ORDER BY m");
        FunctionRegistry functions = StandardFunctions.registry();
        QueryParser parser = new QueryParser(functions);
        org.voarchive.adql.check.QueryChecker checker =
            new org.voarchive.adql.check.QueryChecker(org.voarchive.adql.check.TestCatalog.CATALOG, functions);
        org.voarchive.adql.postgres.PostgresTranslator translator = new org.voarchive.adql.postgres.PostgresTranslator(functions);
        Random random = new Random(42);
        List<String> unexpected = new ArrayList<>();
        int checked = 0;
        int translated = 0;
        for (String seed : seeds) {
            for (int i = 0; i < 2000; i++) {
                String mutant = i == 0 ? seed : mutate(seed, random);
                try {
                    org.voarchive.adql.ast.Query query = parser.parse(mutant);
                    checked++;
                    org.voarchive.adql.check.CheckedQuery c = checker.check(query);
                    List<String> violations = org.voarchive.adql.check.QualifiedColumns.violations(c.query());
                    if (!violations.isEmpty()) {
                        unexpected.add(violations + " for: " + mutant);
                    }
                    translator.translate(c, java.util.OptionalLong.of(100));
                    translated++;
                } catch (AdqlException expected) {
                    // the only acceptable failure
                } catch (RuntimeException | Error e) {
                    unexpected.add(e + " for: " + mutant);
                }
            }
        }
        System.out.println("fuzz through checker: " + checked + " mutants parsed, " + translated + " checked and translated");
        assertEquals(List.of(), unexpected.stream().limit(10).toList());
        // not vacuous: many mutants get past the parser into the checker and translator
        assertTrue(checked > 500 && translated > 100, checked + " parsed, " + translated + " translated");
    }

    @Test
    void absurdNestingIsRefusedAtOnceWithItsPosition() {
        String deep = "SELECT x FROM t WHERE " + "(".repeat(100_000) + "x = 1" + ")".repeat(100_000);
        AdqlException e = assertThrows(AdqlException.class, () -> QueryParser.syntaxOnly().parse(deep));
        assertEquals("1:" + (23 + QueryParser.MAX_NESTING) + ": parentheses nested more than "
            + QueryParser.MAX_NESTING + " deep", e.positioned());
        String allowed = "SELECT x FROM t WHERE " + "(".repeat(QueryParser.MAX_NESTING) + "x = 1"
            + ")".repeat(QueryParser.MAX_NESTING);
        assertDoesNotThrow(() -> QueryParser.syntaxOnly().parse(allowed));
    }

    @Test
    void expressionsDeeperThanTheStackAreAnAdqlError() {
        String chain = "SELECT " + "1+".repeat(50_000) + "1 FROM t";
        AdqlException e = assertThrows(AdqlException.class, () -> QueryParser.syntaxOnly().parse(chain));
        assertEquals("1:1: the query is too complex: its expressions are nested too deeply", e.positioned());
    }
}
