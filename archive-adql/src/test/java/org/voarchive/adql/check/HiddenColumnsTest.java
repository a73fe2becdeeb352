package org.voarchive.adql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * Columns hidden from the caller stay out of reach: the catalogue shows demo.t with
 * {@code id} and {@code name} only, while the database table also has {@code hidden}.
 * The SQL must name no column that PostgreSQL could bind to {@code t.hidden}.
 */
class HiddenColumnsTest {

    private static final TableInfo T = new TableInfo("demo", "t", "a table with a column hidden from this caller",
        List.of(ColumnInfo.of("id", ValueType.INT), ColumnInfo.of("name", ValueType.TEXT)));
    /** An upload with a column named like the hidden one. */
    private static final TableInfo UPLOAD = new TableInfo("TAP_UPLOAD", "probe", "",
        List.of(ColumnInfo.of("id", ValueType.INT), ColumnInfo.of("hidden", ValueType.INT)), "pg_temp");
    private static final Catalog VISIBLE = () -> List.of(T, UPLOAD);

    private static CheckedQuery check(String adql) {
        return new QueryChecker(VISIBLE, StandardFunctions.registry())
            .check(new QueryParser(StandardFunctions.registry()).parse(adql));
    }

    /** The SQL, after asserting the general rule on what it is written from. */
    private static String sql(String adql) {
        CheckedQuery checked = check(adql);
        assertEquals(List.of(), QualifiedColumns.violations(checked.query()), adql);
        String sql = new PostgresTranslator(StandardFunctions.registry()).translate(checked, OptionalLong.empty());
        assertFalse(sql.contains("NATURAL") || sql.contains("USING"), sql);
        return sql;
    }

    /**
     * Every "hidden" in the SQL is an output name ({@code AS "hidden"}) or qualified with a range variable
     * that is not demo.t's.
     */
    private static void assertNoReferenceToTheHiddenColumn(String sql) {
        Matcher m = Pattern.compile("(AS |\"([^\"]+)\"\\.)?\"hidden\"").matcher(sql);
        Matcher ranges = Pattern.compile("\"demo\"\\.\"t\" AS \"([^\"]+)\"").matcher(sql);
        List<String> rangesOfT = ranges.results().map(r -> r.group(1)).toList();
        while (m.find()) {
            assertTrue(m.group(1) != null, "unqualified \"hidden\" at " + m.start() + " in " + sql);
            assertFalse(m.group(2) != null && rangesOfT.contains(m.group(2)), "demo.t's hidden column in " + sql);
        }
    }

    @Test
    void anUnqualifiedNameInACorrelatedSubqueryIsWrittenAsTheOuterColumnItResolvedTo() {
        String sql = sql("SELECT g.id, (SELECT MAX(hidden) FROM t AS p WHERE p.id = g.id) "
            + "FROM (SELECT id, 0 AS hidden FROM t) AS g");
        assertEquals("SELECT \"g\".\"id\" AS \"id\", (SELECT max(\"g\".\"hidden\") AS \"max_value\" FROM \"demo\".\"t\" AS \"p\" "
            + "WHERE \"p\".\"id\" = \"g\".\"id\") AS \"max_value\" "
            + "FROM (SELECT \"t\".\"id\" AS \"id\", 0 AS \"hidden\" FROM \"demo\".\"t\" AS \"t\") AS \"g\"", sql);
        assertNoReferenceToTheHiddenColumn(sql);
    }

    @Test
    void anInnerCorrelationNameCannotShadowTheOuterOneAColumnResolvedTo() {
        // the inner t AS g has no visible hidden, so hidden is the outer g's: the inner g is renamed
        String sql = sql("SELECT (SELECT MAX(hidden) FROM t AS g) FROM (SELECT 0 AS hidden FROM t) AS g");
        assertEquals("SELECT (SELECT max(\"g\".\"hidden\") AS \"max_value\" FROM \"demo\".\"t\" AS \"g_2\") AS \"max_value\" "
            + "FROM (SELECT 0 AS \"hidden\" FROM \"demo\".\"t\" AS \"t\") AS \"g\"", sql);
        assertNoReferenceToTheHiddenColumn(sql);
        // tables without correlation names, at several levels, named alike
        sql = sql("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM t WHERE id = 1 AND EXISTS (SELECT 1 FROM demo.t AS t_2))");
        assertEquals("SELECT \"t\".\"id\" AS \"id\" FROM \"demo\".\"t\" AS \"t\" WHERE EXISTS (SELECT 1 AS \"col\" "
            + "FROM \"demo\".\"t\" AS \"t_2\" WHERE (\"t_2\".\"id\" = 1) AND (EXISTS (SELECT 1 AS \"col\" "
            + "FROM \"demo\".\"t\" AS \"t_2_2\")))", sql);
    }

    @Test
    void aCorrelationNameLongerThanPostgresAllowsStaysUniqueAfterTruncation() {
        String base = "x".repeat(63);
        String sql = sql("SELECT (SELECT MAX(hidden) FROM t AS " + base + "b) FROM (SELECT 0 AS hidden FROM t) AS " + base + "a");
        // PostgreSQL would cut both to the same 63 bytes, so the second gets a name of its own
        assertTrue(sql.contains("FROM \"demo\".\"t\" AS \"" + "x".repeat(55) + "_2\""), sql);
        assertNoReferenceToTheHiddenColumn(sql);
    }

    @Test
    void naturalJoinJoinsOnlyOnTheColumnsTheCallerSees() {
        String sql = sql("SELECT a.id FROM t AS a NATURAL JOIN TAP_UPLOAD.probe AS b");
        assertEquals("SELECT \"a\".\"id\" AS \"id\" FROM (\"demo\".\"t\" AS \"a\" INNER JOIN \"pg_temp\".\"probe\" AS \"b\" "
            + "ON \"a\".\"id\" = \"b\".\"id\")", sql);
        assertNoReferenceToTheHiddenColumn(sql);
        sql = sql("SELECT * FROM t NATURAL LEFT JOIN (SELECT id, 1 AS hidden, name FROM t) AS s");
        assertTrue(sql.endsWith("FROM (\"demo\".\"t\" AS \"t\" LEFT JOIN (SELECT \"t_2\".\"id\" AS \"id\", 1 AS \"hidden\", "
            + "\"t_2\".\"name\" AS \"name\" FROM \"demo\".\"t\" AS \"t_2\") AS \"s\" "
            + "ON (\"t\".\"id\" = \"s\".\"id\") AND (\"t\".\"name\" = \"s\".\"name\"))"), sql);
        assertNoReferenceToTheHiddenColumn(sql);
        // nothing in common: every row with every row
        assertTrue(sql("SELECT a.id FROM t AS a NATURAL JOIN (SELECT 1 AS hidden FROM t) AS s")
            .contains("AS \"s\" ON TRUE)"));
    }

    @Test
    void usingBecomesAConditionOnTheColumnsTheCheckerResolved() {
        String sql = sql("SELECT a.name FROM t AS a JOIN TAP_UPLOAD.probe AS b USING (id)");
        assertEquals("SELECT \"a\".\"name\" AS \"name\" FROM (\"demo\".\"t\" AS \"a\" INNER JOIN \"pg_temp\".\"probe\" AS \"b\" "
            + "ON \"a\".\"id\" = \"b\".\"id\")", sql);
        AdqlException e = assertThrows(AdqlException.class, () -> check("SELECT a.id FROM t AS a JOIN TAP_UPLOAD.probe AS b "
            + "USING (hidden)"));
        assertTrue(e.getMessage().contains("USING column hidden is not in both joined tables"), e.getMessage());
    }

    @Test
    void groupByAndOrderByAResultColumnNamedLikeAHiddenOneUseItsPosition() {
        String sql = sql("SELECT 0 AS hidden, COUNT(*) AS n FROM t GROUP BY hidden");
        assertEquals("SELECT 0 AS \"hidden\", count(*) AS \"n\" FROM \"demo\".\"t\" AS \"t\" GROUP BY 1", sql);
        sql = sql("SELECT id AS hidden FROM t ORDER BY hidden DESC");
        assertEquals("SELECT \"t\".\"id\" AS \"hidden\" FROM \"demo\".\"t\" AS \"t\" ORDER BY 1 DESC", sql);
        sql = sql("SELECT name, id AS hidden FROM t GROUP BY name, hidden ORDER BY hidden, name");
        assertTrue(sql.endsWith("GROUP BY \"t\".\"name\", 2 ORDER BY 2 ASC, \"t\".\"name\" ASC"), sql);
        // in an expression a name is an input column, and the caller sees no hidden column
        for (String adql : List.of("SELECT id AS hidden FROM t ORDER BY hidden + 0",
            "SELECT COUNT(*) FROM t GROUP BY hidden", "SELECT id FROM t ORDER BY hidden")) {
            AdqlException e = assertThrows(AdqlException.class, () -> check(adql), adql);
            assertTrue(e.getMessage().startsWith("column hidden not found"), e.getMessage());
        }
    }

    @Test
    void anInputColumnThatIsAlsoAResultNameStaysTheInputColumn() {
        // PostgreSQL would take a bare "id" in ORDER BY as the result column id (here t.name)
        String sql = sql("SELECT name AS id, id AS name FROM t ORDER BY id");
        assertTrue(sql.endsWith("ORDER BY \"t\".\"id\" ASC"), sql);
    }

    @Test
    void everyColumnReferenceIsQualifiedWithARangeVariableInScope() {
        for (String adql : List.of(
            "SELECT * FROM t",
            "SELECT t.*, p.* FROM t, TAP_UPLOAD.probe AS p WHERE t.id = p.id",
            "WITH w (a, b) AS (SELECT id, name FROM t) SELECT a, w.b FROM w WHERE a IN (SELECT id FROM t) ORDER BY b",
            "WITH w AS (SELECT id FROM t) SELECT x.id FROM w AS x JOIN w ON x.id = w.id",
            "SELECT id, COUNT(*) FROM t GROUP BY id HAVING COUNT(*) > 1 AND MAX(name) LIKE 'a%' ORDER BY 2 DESC",
            "SELECT name FROM t WHERE id BETWEEN 1 AND (SELECT MAX(id) FROM TAP_UPLOAD.probe WHERE probe.id < t.id)",
            "SELECT d.n FROM (SELECT name AS n FROM (SELECT name FROM t) AS e) AS d WHERE NOT EXISTS "
                + "(SELECT * FROM t AS d2 WHERE d2.name = d.n)",
            "SELECT a.id FROM t AS a LEFT JOIN (t AS b JOIN TAP_UPLOAD.probe AS c ON b.id = c.id) ON a.id = c.hidden",
            "SELECT id FROM t UNION SELECT hidden FROM TAP_UPLOAD.probe EXCEPT SELECT id FROM t WHERE name IS NULL",
            "SELECT -id, CAST(id AS BIGINT), ABS(id) + 1, LOWER(name) || 'x' FROM t WHERE id IN (1, 2)")) {
            sql(adql);
        }
    }

    @Test
    void anUncheckedNaturalJoinIsRefusedNotPassedOn() {
        AdqlException e = assertThrows(AdqlException.class, () -> new PostgresTranslator()
            .translate(QueryParser.syntaxOnly().parse("SELECT * FROM a NATURAL JOIN b"), OptionalLong.empty()));
        assertEquals("1:30: NATURAL JOIN needs the columns of the joined tables from the table metadata "
            + "(check the query first)", e.positioned());
    }
}
