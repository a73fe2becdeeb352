package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliException;

/** A database error at execution becomes the client's 400, a 503 for outages, or a 500 for faults here. */
class QueryRefusalsTest {

    private static DaliException rejected(String state, String message) {
        return QueryService.rejected(new SQLException("ERROR: " + message + "\n  Where: SELECT \"internal\".\"hidden\"", state),
            60, "SELECT \"internal\".\"hidden\"");
    }

    @Test
    void badValuesAndGeometryAre400WithThePrimaryMessageOnly() {
        DaliException e = rejected("XX000", "spherepoly_from_array: a line segment overlaps or polygon too large");
        assertEquals(400, e.status());
        assertEquals("the database rejected the query: spherepoly_from_array: a line segment overlaps or polygon too large",
            e.getMessage());
        assertEquals(400, rejected("22021", "invalid byte sequence for encoding \"UTF8\": 0x00").status());
        assertEquals(400, rejected("21000", "more than one row returned by a subquery used as an expression").status());
        assertFalse(rejected("22012", "division by zero").getMessage().contains("hidden"));
    }

    @Test
    void theTimeLimitIs400AndSaysWhatToDo() {
        DaliException e = rejected("57014", "canceling statement due to statement timeout");
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("60 s"));
    }

    @Test
    void outagesAre503AndFaultsStay500WithoutTheirSql() {
        assertEquals(503, rejected("08006", "connection failure").status());
        assertEquals(503, rejected("57P01", "terminating connection due to administrator command").status());
        DaliException fault = rejected("XX000", "cache lookup failed for type 0");
        assertEquals(500, fault.status());
        assertFalse(fault.getMessage().contains("hidden"));
    }
}
