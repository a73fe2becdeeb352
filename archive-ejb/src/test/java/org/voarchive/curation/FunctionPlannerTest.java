package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.metadata.FunctionCheck;
import org.voarchive.metadata.FunctionRecord;

/** PostgreSQL plans a UDF's call as one parenthesised expression over typed NULLs. */
class FunctionPlannerTest {

    @Test
    void thePlannedStatementIsOneParenthesisedExpressionWithTypedNulls() {
        UserDefinedFunction f = FunctionCheck.parse("it_f", new FunctionRecord("it_f", "it_f(a DOUBLE, b TEXT) -> DOUBLE",
            "{1} * length({2})", "A test function", true, null));
        assertEquals(List.of("CAST(NULL AS double precision)", "CAST(NULL AS text)"), FunctionPlanner.nullArguments(f));
        assertEquals("EXPLAIN SELECT (x)", FunctionPlanner.sql("x"));
    }
}
