package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What an async query's progress says of its result: the rows, and whether MAXREC cut them. */
class AsyncQueryTest {

    @Test
    void progressCountsTheResultsRows() {
        assertEquals("0 rows", AsyncQuery.rows(0, false));
        assertEquals("1 row", AsyncQuery.rows(1, false));
        assertEquals("1234 rows", AsyncQuery.rows(1234, false));
        assertEquals("100000 rows (MAXREC reached: the query has more)", AsyncQuery.rows(100000, true));
    }
}
