package org.voarchive.adql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * The join and set-operation forms of the ADQL 2.1 BNF ({@code <qualified_join>}, {@code <join_type>},
 * {@code <join_specification>}, {@code <query_set_expression>}, {@code <select_expression>}), a trailing
 * ';', and what each becomes in PostgreSQL: every column qualified with its range variable, NATURAL and
 * USING as conditions on the columns the caller sees.
 */
class JoinsAndSetOperationsTest {

    private static final String BSC5 = "\"demo\".\"bsc5\" AS \"b\"";
    private static final String KSTARS = "\"demo\".\"kstars\" AS \"k\"";
    private static final String SELECT_HR_STAR = "SELECT \"b\".\"hr\" AS \"hr\", \"k\".\"star_id\" AS \"star_id\" FROM ";
    private static final String HR = "SELECT \"bsc5\".\"hr\" AS \"hr\" FROM \"demo\".\"bsc5\" AS \"bsc5\"";
    private static final String STAR_ID = "SELECT \"kstars\".\"star_id\" AS \"star_id\" FROM \"demo\".\"kstars\" AS \"kstars\"";

    private static String sql(String adql, OptionalLong maxRecords) {
        CheckedQuery checked = new QueryChecker(TestCatalog.CATALOG, StandardFunctions.registry())
            .check(new QueryParser(StandardFunctions.registry()).parse(adql));
        return new PostgresTranslator(StandardFunctions.registry()).translate(checked.query(), maxRecords);
    }

    private static String sql(String adql) {
        return sql(adql, OptionalLong.empty());
    }

    private static void assertRejected(String adql, String positionedMessage) {
        AdqlException e = assertThrows(AdqlException.class, () -> sql(adql), adql);
        assertEquals(positionedMessage, e.positioned(), adql);
    }

    // ---------------------------------------------------------------- joins

    @Test
    void aJoinWithoutConditionIsACrossJoinAndPostgresqlGetsOnTrue() {
        // <join_specification> is optional in <qualified_join>; PostgreSQL requires one for [INNER|OUTER] JOIN
        assertEquals(SELECT_HR_STAR + "(" + BSC5 + " INNER JOIN " + KSTARS + " ON TRUE)",
            sql("SELECT b.hr, k.star_id FROM demo.bsc5 AS b JOIN demo.kstars AS k"));
        assertEquals(SELECT_HR_STAR + "(" + BSC5 + " INNER JOIN " + KSTARS + " ON TRUE) WHERE \"b\".\"ra\" = \"k\".\"ra\"",
            sql("SELECT b.hr, k.star_id FROM demo.bsc5 AS b INNER JOIN demo.kstars AS k WHERE b.ra = k.ra"));
        assertEquals(SELECT_HR_STAR + "(" + BSC5 + " LEFT JOIN " + KSTARS + " ON TRUE)",
            sql("SELECT b.hr, k.star_id FROM demo.bsc5 AS b LEFT OUTER JOIN demo.kstars AS k"));
        assertEquals(SELECT_HR_STAR + "(" + BSC5 + " CROSS JOIN " + KSTARS + ")",
            sql("SELECT b.hr, k.star_id FROM demo.bsc5 AS b CROSS JOIN demo.kstars AS k"));
    }

    @Test
    void joinTypesAndSpecificationsKeepEveryColumnQualified() {
        assertEquals(SELECT_HR_STAR + "(" + BSC5 + " RIGHT JOIN " + KSTARS + " ON \"b\".\"ra\" = \"k\".\"ra\")",
            sql("SELECT b.hr, k.star_id FROM demo.bsc5 AS b RIGHT JOIN demo.kstars AS k ON b.ra = k.ra"));
        assertEquals(SELECT_HR_STAR + "(" + BSC5 + " FULL JOIN " + KSTARS
                + " ON (\"b\".\"ra\" = \"k\".\"ra\") AND (\"b\".\"dec\" = \"k\".\"dec\"))",
            sql("SELECT b.hr, k.star_id FROM demo.bsc5 AS b FULL OUTER JOIN demo.kstars AS k USING (ra, dec)"));
        String natural = "SELECT \"bsc5\".\"hr\" AS \"hr\", \"kstars\".\"star_id\" AS \"star_id\" FROM (\"demo\".\"bsc5\" "
            + "AS \"bsc5\" %s JOIN \"demo\".\"kstars\" AS \"kstars\" ON (\"bsc5\".\"ra\" = \"kstars\".\"ra\") "
            + "AND (\"bsc5\".\"dec\" = \"kstars\".\"dec\"))";
        assertEquals(natural.formatted("INNER"), sql("SELECT hr, star_id FROM demo.bsc5 NATURAL JOIN demo.kstars"));
        assertEquals(natural.formatted("LEFT"), sql("SELECT hr, star_id FROM demo.bsc5 NATURAL LEFT OUTER JOIN demo.kstars"));
    }

    @Test
    void joinsChainToTheLeftAndNestInParentheses() {
        assertEquals("SELECT \"b\".\"hr\" AS \"hr\" FROM ((" + BSC5 + " INNER JOIN " + KSTARS + " ON TRUE) "
                + "INNER JOIN \"cat_a\".\"stars\" AS \"s\" ON \"s\".\"id\" = \"k\".\"star_id\")",
            sql("SELECT b.hr FROM demo.bsc5 AS b JOIN demo.kstars AS k JOIN cat_a.stars AS s ON s.id = k.star_id"));
        assertEquals("SELECT \"b\".\"hr\" AS \"hr\" FROM (" + BSC5 + " INNER JOIN (" + KSTARS
                + " INNER JOIN \"cat_a\".\"stars\" AS \"s\" ON \"s\".\"id\" = \"k\".\"star_id\") ON \"b\".\"hr\" = \"s\".\"id\")",
            sql("SELECT b.hr FROM demo.bsc5 AS b JOIN (demo.kstars AS k JOIN cat_a.stars AS s ON s.id = k.star_id) "
                + "ON b.hr = s.id"));
    }

    @Test
    void naturalAndCrossJoinsTakeNoSpecificationAndEachOnHasOneJoin() {
        assertRejected("SELECT * FROM demo.bsc5 AS b NATURAL JOIN demo.kstars AS k ON b.ra = k.ra",
            "1:60: unexpected 'ON': NATURAL JOIN takes no ON or USING");
        assertRejected("SELECT * FROM demo.bsc5 AS b CROSS JOIN demo.kstars AS k USING (ra)",
            "1:58: unexpected 'USING': CROSS JOIN takes no ON or USING");
        assertRejected("SELECT * FROM demo.bsc5 AS b JOIN demo.kstars AS k JOIN cat_a.stars AS s ON s.id = k.star_id "
                + "ON b.hr = s.id",
            "1:94: unexpected 'ON': each ON or USING belongs to the JOIN just before it, which has one already; "
                + "nest a join in parentheses: a JOIN (b JOIN c ON ...) ON ...");
        assertRejected("SELECT * FROM demo.bsc5 AS b JOIN demo.kstars AS k USING (star_id)",
            "1:59: USING column star_id is not in both joined tables");
    }

    // ---------------------------------------------------------------- a trailing ';'

    @Test
    void oneTrailingSemicolonIsDroppedAndNothingMayFollowIt() {
        assertEquals(HR, sql("SELECT hr FROM demo.bsc5;"));
        assertEquals(HR, sql("SELECT hr FROM demo.bsc5 ;  -- pasted from a SQL tool\n\n"));
        assertRejected("SELECT hr FROM demo.bsc5; SELECT star_id FROM demo.kstars",
            "1:27: only one query per request: the ';' at line 1, column 25 ends it, and nothing but white space "
                + "or comments may follow");
        assertRejected("SELECT hr FROM demo.bsc5;;",
            "1:26: only one query per request: the ';' at line 1, column 25 ends it, and nothing but white space "
                + "or comments may follow");
        assertRejected("SELECT hr FROM demo.bsc5\n;\nx",
            "3:1: only one query per request: the ';' at line 2, column 1 ends it, and nothing but white space "
                + "or comments may follow");
        assertRejected("SELECT hr FROM (SELECT hr FROM demo.bsc5;) AS t", "1:42: only one query per request: the ';' "
            + "at line 1, column 41 ends it, and nothing but white space or comments may follow");
    }

    // ---------------------------------------------------------------- set operations

    @Test
    void orderByAndOffsetAfterASetOperationApplyToItsWholeResult() {
        // <select_expression> ::= <query_set_expression> [<order_by_clause>] [<offset_clause>]
        assertEquals("(" + HR + ") UNION (" + STAR_ID + ") ORDER BY 1 DESC OFFSET 10",
            sql("SELECT hr FROM demo.bsc5 UNION SELECT star_id FROM demo.kstars ORDER BY hr DESC OFFSET 10"));
        assertEquals("(" + HR + ") UNION ALL (" + STAR_ID + ") ORDER BY 1 ASC LIMIT 101 OFFSET 3",
            sql("SELECT hr FROM demo.bsc5 UNION ALL SELECT star_id FROM demo.kstars ORDER BY 1 OFFSET 3",
                OptionalLong.of(100)));
        assertEquals("SELECT \"u\".\"hr\" AS \"hr\" FROM ((" + HR + ") EXCEPT (" + STAR_ID + ") ORDER BY 1 ASC OFFSET 5) AS \"u\"",
            sql("SELECT * FROM (SELECT hr FROM demo.bsc5 EXCEPT SELECT star_id FROM demo.kstars ORDER BY 1 OFFSET 5) AS u"));
    }

    @Test
    void anOperandOrdersAndLimitsItselfOnlyInParentheses() {
        assertEquals("(" + HR + " ORDER BY \"bsc5\".\"vmag\" ASC LIMIT 3) UNION (" + STAR_ID
                + " ORDER BY \"kstars\".\"ra\" DESC LIMIT 3) ORDER BY 1 ASC",
            sql("(SELECT TOP 3 hr FROM demo.bsc5 ORDER BY vmag) UNION (SELECT TOP 3 star_id FROM demo.kstars ORDER BY ra DESC) "
                + "ORDER BY 1"));
        assertRejected("SELECT hr FROM demo.bsc5 ORDER BY vmag UNION SELECT star_id FROM demo.kstars",
            "1:40: unexpected 'UNION': ORDER BY and OFFSET apply to the whole result of UNION and come after its last "
                + "operand; to order or offset one operand, put it in parentheses");
        // a parenthesised SELECT ordered outside is the same query; one with its own TOP is not
        assertEquals(HR + " ORDER BY \"bsc5\".\"hr\" ASC", sql("(SELECT hr FROM demo.bsc5) ORDER BY hr"));
        assertRejected("(SELECT TOP 5 hr FROM demo.bsc5) ORDER BY hr",
            "1:34: the query in parentheses before this already has its own TOP, ORDER BY or OFFSET; to order or skip "
                + "rows of its result, make it a derived table: SELECT * FROM (...) AS t ORDER BY ...");
        assertRejected("(SELECT hr FROM demo.bsc5 UNION SELECT star_id FROM demo.kstars ORDER BY 1) OFFSET 2",
            "1:77: the query in parentheses before this already has its own TOP, ORDER BY or OFFSET; to order or skip "
                + "rows of its result, make it a derived table: SELECT * FROM (...) AS t ORDER BY ...");
    }

    @Test
    void intersectBindsTighterAndOrderKeysAreResultColumns() {
        assertEquals("(" + HR + ") EXCEPT ((" + STAR_ID + ") INTERSECT ALL (SELECT \"stars\".\"id\" AS \"id\" "
                + "FROM \"cat_a\".\"stars\" AS \"stars\"))",
            sql("SELECT hr FROM demo.bsc5 EXCEPT SELECT star_id FROM demo.kstars INTERSECT ALL SELECT id FROM cat_a.stars"));
        // the result columns are named after the first operand's
        assertRejected("SELECT hr FROM demo.bsc5 UNION SELECT star_id FROM demo.kstars ORDER BY star_id",
            "1:73: ORDER BY of a UNION: no result column star_id; the columns are hr");
        assertRejected("SELECT hr FROM demo.bsc5 UNION SELECT star_id FROM demo.kstars ORDER BY hr + 1",
            "1:32: ORDER BY of a UNION takes result column names or positions, not expressions (order a derived table "
                + "for that)");
        assertRejected("SELECT hr, ra FROM demo.bsc5 UNION SELECT star_id FROM demo.kstars",
            "1:36: UNION of queries with 2 and 1 columns");
    }
}
