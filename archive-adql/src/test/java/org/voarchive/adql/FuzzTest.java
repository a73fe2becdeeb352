package org.voarchive.adql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
