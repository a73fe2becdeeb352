package org.voarchive.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.UserDefinedFunction;

/** A UDF's SQL template is one expression over its arguments, nothing more. */
class FunctionTemplatesTest {

    private static UserDefinedFunction parse(String template) {
        return FunctionCheck.parse("it_f", new FunctionRecord("it_f", "it_f(a DOUBLE, b TEXT) -> DOUBLE", template,
            "A test function", true, null));
    }

    private static String refused(String template) {
        InvalidField e = assertThrows(InvalidField.class, () -> parse(template), template);
        assertEquals("sqlTemplate", e.field());
        return e.getMessage();
    }

    @Test
    void expressionsAreAccepted() {
        assertEquals(Optional.of("{1} * 2"), parse("{1} * 2").sqlTemplate());
        parse("CASE WHEN {2} = 'a,b' THEN ({1}) ELSE -({1}) END");
        parse("coalesce(length({2}), 0) + {1}");
        parse("CAST({1} AS timestamp with time zone) IS NULL OR extract(year from now()) > {1}");
        parse("{2} || 'it''s'");
        parse("\"lower\"({2}) = 'x'");
    }

    @Test
    void severalStatementsAndCommentsAreRefused() {
        assertTrue(refused("{1}; SELECT usename FROM pg_stat_activity").contains(";"));
        assertTrue(refused("{1} -- the rest of the query").contains("--"));
        assertTrue(refused("{1} /* */").contains("/*"));
        refused("{2} = E'\\''");
        refused("$$x$$ || {2}");
    }

    @Test
    void anythingButOneExpressionIsRefused() {
        assertTrue(refused("{1}) FROM pg_stat_activity WHERE (1 = 1").contains("closes a parenthesis"));
        refused("({1}");
        refused("{2} = 'open");
        assertTrue(refused("(SELECT count(*) FROM pg_stat_activity) + {1}").contains("SELECT"));
        refused("{1} + (VALUES (1))");
        refused("(TABLE pg_stat_activity)");
        refused("(WITH d AS (DELETE FROM x RETURNING 1) SELECT 1)");
    }
}
