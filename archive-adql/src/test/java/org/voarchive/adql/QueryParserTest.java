package org.voarchive.adql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static final QueryParser SYNTAX = QueryParser.syntaxOnly();
    private static final QueryParser STRICT = new QueryParser(new FunctionRegistry(List.of(
        UserDefinedFunction.parse("ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER"))));

    private static AdqlException rejected(QueryParser parser, String adql) {
        return assertThrows(AdqlException.class, () -> parser.parse(adql), adql);
    }

    private static void assertRejected(String adql, int line, int column, String messagePart) {
        AdqlException e = rejected(SYNTAX, adql);
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.positioned());
        assertTrue(e.getMessage().contains(messagePart), e.positioned());
    }

    @Test
    void acceptsTheUsualAstronomicalQueries() {
        for (String adql : List.of(
            "SELECT TOP 10 ra, dec, vmag FROM demo.bsc5 WHERE vmag < 2 ORDER BY vmag",
            "SELECT * FROM demo.kstars AS k WHERE 1 = CONTAINS(POINT('ICRS', k.ra, k.dec), CIRCLE('ICRS', 10, 20, 1))",
            "SELECT a.hr, b.star_id, DISTANCE(POINT(a.ra, a.dec), POINT(b.ra, b.dec)) AS d "
                + "FROM demo.bsc5 a JOIN demo.kstars b ON DISTANCE(a.ra, a.dec, b.ra, b.dec) < 0.001",
            "WITH bright AS (SELECT * FROM demo.bsc5 WHERE vmag < 1) SELECT COUNT(*) FROM bright",
            "SELECT sptype, COUNT(DISTINCT hd), AVG(vmag) FROM demo.kstars GROUP BY sptype HAVING COUNT(*) > 10",
            "SELECT \"size\", \"Mixed Case\" FROM tap_schema.columns OFFSET 5",
            "SELECT 0x1F & 3 | ~4 ^ 1, 'it''s' || ' fine', CAST(ra AS VARCHAR(20)) FROM t -- comment")) {
            assertDoesNotThrow(() -> SYNTAX.parse(adql), adql);
        }
    }

    @Test
    void reportsPositionAndWhatIsWrong() {
        assertRejected("SELECT ra FROM t\nWHERE distance < 2", 2, 7, "'distance' is a reserved word");
        assertRejected("SELECT ra FROM t WHERE", 1, 23, "the query ends here");
        assertRejected("SELECT ra FROM t WHERE ra = 'abc", 1, 29, "unterminated string");
        assertRejected("SELECT ra FROM t WHERE ra % 2 = 0", 1, 27, "unexpected character '%'");
        assertRejected("SELECT TOP -1 ra FROM t", 1, 12, "unexpected '-'");
        assertRejected("SELECT ra FROM t\n  WHERE ABS() < 3", 2, 9, "ABS takes 1 argument, not 0");
        assertRejected("SELECT ra FROM t WHERE 1 = CONTAINS(POINT(1, 2), CIRCLE('ICRS', 1, 2))", 1, 50,
            "CIRCLE takes [coordinate system,] longitude, latitude, radius");
        assertRejected("SELECT POLYGON(1, 2, 3, 4, 5) FROM t", 1, 8, "POLYGON takes");
        assertRejected("SELECT DISTANCE(1, 2, 3) FROM t", 1, 8, "DISTANCE takes two POINTs or four numbers");
        assertRejected("SELECT CAST(ra AS FLOAT) FROM t", 1, 19, "cannot CAST to FLOAT");
        assertRejected("SELECT CAST(ra AS INTEGER(3)) FROM t", 1, 19, "only CHAR and VARCHAR take a length");
        assertRejected("SELECT POINT(1, 2) || 'x' FROM t", 1, 8, "geometry value cannot be an operand of '||'");
        assertRejected("SELECT a.b.c.d.e FROM t", 1, 8, "too many parts");
        assertRejected("SELECT x FROM a.b.c.d", 1, 15, "too many parts");
        assertRejected("SELECT ABS(DISTINCT ra) FROM t", 1, 8, "DISTINCT/ALL is only allowed in aggregate functions");
        assertRejected("SELECT SUM(*) FROM t", 1, 8, "only COUNT takes '*'");
        assertRejected("SELECT tan2(x) FROM t", 1, 8, "unknown function 'tan2'");
        assertRejected("SELECT * FROM (SELECT * FROM t)", 1, 32, "the query ends here; expected AS or a name");
    }

    @Test
    void userDefinedFunctionsAreResolvedOnlyWhenTheServiceListIsGiven() {
        assertDoesNotThrow(() -> SYNTAX.parse("SELECT ivo_anything(1, 2, 3) FROM t"));
        assertDoesNotThrow(() -> STRICT.parse("SELECT * FROM t WHERE 1 = IVO_HASWORD(title, 'star')"));
        assertTrue(rejected(STRICT, "SELECT ivo_anything(1) FROM t").getMessage()
            .contains("unknown function 'ivo_anything'; this service also offers: [ivo_hasword]"));
        assertTrue(rejected(STRICT, "SELECT ivo_hasword('a') FROM t").getMessage()
            .contains("ivo_hasword takes 2 arguments, not 1"));
    }

    @Test
    void udfsCannotShadowBuiltInsOrReservedWords() {
        assertThrows(IllegalArgumentException.class,
            () -> new FunctionRegistry(List.of(UserDefinedFunction.parse("sin(x DOUBLE) -> DOUBLE"))));
        assertThrows(IllegalArgumentException.class,
            () -> new FunctionRegistry(List.of(UserDefinedFunction.parse("select(x DOUBLE) -> DOUBLE"))));
        assertThrows(IllegalArgumentException.class, () -> UserDefinedFunction.parse("broken(x) DOUBLE"));
    }

    @Test
    void keywordsAreCaseInsensitiveAndDelimitedNamesKeepTheirCase() {
        assertDoesNotThrow(() -> SYNTAX.parse("sElEcT \"Select\" FrOm \"From\" wHeRe \"Where\" iS nOt NuLl"));
    }
}
