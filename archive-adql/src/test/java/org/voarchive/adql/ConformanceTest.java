package org.voarchive.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every valid query of the shared ADQL conformance set parses and every invalid
 * one is rejected. Reports the counts and each disagreement.
 */
class ConformanceTest {

    @Test
    void allConformanceQueriesGetTheirExpectedVerdict() throws Exception {
        List<ConformanceQueries.Case> cases = ConformanceQueries.all();
        List<String> wrong = new ArrayList<>();
        int valid = 0;
        int validAccepted = 0;
        int invalid = 0;
        int invalidRejected = 0;
        for (ConformanceQueries.Case c : cases) {
            String verdict;
            try {
                c.parser().parse(c.adql());
                verdict = null;
            } catch (AdqlException e) {
                verdict = e.positioned();
            }
            if (c.valid()) {
                valid++;
                if (verdict == null) {
                    validAccepted++;
                } else {
                    wrong.add(c + " rejected: " + verdict + "\n    " + c.adql().replace("\n", "\n    "));
                }
            } else {
                invalid++;
                if (verdict != null) {
                    invalidRejected++;
                } else {
                    wrong.add(c + " accepted\n    " + c.adql().replace("\n", "\n    "));
                }
            }
        }
        System.out.printf("ADQL conformance: %d/%d valid queries accepted, %d/%d invalid queries rejected%n",
            validAccepted, valid, invalidRejected, invalid);
        wrong.forEach(System.out::println);
        assertEquals(List.of(), wrong);
    }
}
