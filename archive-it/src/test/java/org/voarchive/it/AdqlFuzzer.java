package org.voarchive.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutated ADQL from a corpus of valid queries over the demo tables (and, when
 * the conformance directory is given, the valid queries of its ADQL corpus):
 * token swaps, deletions and duplications, geometry functions with odd
 * arguments, edge-case literals, NUL bytes and other odd characters. The same
 * seed gives the same inputs, so a failure can be replayed.
 */
final class AdqlFuzzer {

    /** Valid queries over the demo tables: each mutation starts from one of these. */
    static final List<String> DEMO_CORPUS = List.of(
        "SELECT TOP 5 hr, name, ra, dec, vmag FROM demo.bsc5 ORDER BY hr",
        "SELECT count(*) FROM demo.bsc5 WHERE vmag < 3",
        "SELECT TOP 10 name, vmag FROM demo.bsc5 WHERE name LIKE 'Alp%' ORDER BY vmag DESC",
        "SELECT TOP 3 name, vmag, POINT(ra, dec) AS p FROM demo.bsc5 WHERE name IS NOT NULL ORDER BY vmag",
        "SELECT hr, DISTANCE(POINT(ra, dec), POINT(10.5, -20.25)) AS d FROM demo.bsc5 "
            + "WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10.5, -20.25, 5)) ORDER BY d",
        "SELECT TOP 5 star_id, ra, dec FROM demo.kstars WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), "
            + "BOX('ICRS', 100, 10, 20, 10))",
        "SELECT TOP 5 star_id FROM demo.kstars WHERE 1 = INTERSECTS(CIRCLE(ra, dec, 0.5), "
            + "POLYGON(80, 0, 90, 0, 90, 10, 80, 10))",
        "SELECT TOP 3 field, plate_id FROM demo.plates",
        "SELECT count(*) AS n FROM demo.plates GROUP BY field",
        "SELECT a.hr, b.hr AS other FROM demo.bsc5 AS a JOIN demo.bsc5 AS b ON a.hr = b.hr + 1 WHERE a.hr < 20",
        "SELECT TOP 5 ROUND(vmag, 1) AS v, COUNT(*) AS n FROM demo.bsc5 GROUP BY ROUND(vmag, 1) ORDER BY n DESC",
        "SELECT TOP 5 hr, UPPER(name) AS n, LOWER(name) AS l FROM demo.bsc5 WHERE name <> ''",
        "SELECT TOP 5 AREA(CIRCLE(ra, dec, 1)) AS a, COORD1(POINT(ra, dec)) AS c1 FROM demo.bsc5",
        "SELECT TOP 5 CENTROID(CIRCLE(ra, dec, 1)) AS c FROM demo.bsc5",
        "WITH bright AS (SELECT hr, vmag FROM demo.bsc5 WHERE vmag < 2) SELECT * FROM bright ORDER BY vmag",
        "SELECT hr FROM demo.bsc5 WHERE hr IN (SELECT hr FROM demo.bsc5 WHERE vmag < 1.5)",
        "SELECT TOP 5 hr, CAST(vmag AS INTEGER) AS v, vmag * 2 + 1 AS w FROM demo.bsc5 WHERE vmag BETWEEN 1 AND 2",
        "SELECT TOP 2 hr FROM demo.bsc5 UNION SELECT TOP 2 star_id FROM demo.kstars",
        "SELECT TOP 5 hr, COALESCE(name, 'none') AS n FROM demo.bsc5 WHERE EXISTS (SELECT 1 FROM demo.kstars)",
        "SELECT TOP 5 hr, MOD(hr, 7) AS m, SQRT(ABS(vmag)) AS s, LOG10(hr + 1) AS l FROM demo.bsc5",
        "SELECT TOP 5 table_name, column_name FROM TAP_SCHEMA.columns WHERE table_name = 'demo.bsc5'",
        "SELECT TOP 5 hr FROM demo.bsc5 ORDER BY hr OFFSET 3",
        "SELECT TOP 5 hr, RAND(7) AS r FROM demo.bsc5",
        "SELECT TOP 5 hr, name || ' ' || CAST(hr AS VARCHAR(10)) AS label FROM demo.bsc5");

    /** Geometry and functions with arguments PostgreSQL or pg_sphere may not take. */
    private static final List<String> ODD_FUNCTIONS = List.of(
        "CIRCLE(0, 0, -1)", "CIRCLE(0, 0, 90.0001)", "CIRCLE(ra, dec, 120)", "CIRCLE(ra, dec, vmag * 50)",
        "CIRCLE(POINT(ra, dec), -vmag)", "CIRCLE(0, 95, 1)", "CIRCLE(NULL, 0, 1)",
        "POLYGON(1, 1, 1, 1, 1, 1)", "POLYGON(0, 0, 10, 0, 20, 0)", "POLYGON(ra, dec, ra, dec, ra, dec)",
        "POLYGON(0, 0, 1, 1)", "POLYGON(0, 0, 180, 0, 0, 90)", "POLYGON(0, 0, 359, 0, 1, 0)",
        "POLYGON(POINT(0, 0), POINT(0, 0), POINT(1, 1))", "POLYGON(0, -90, 90, -90, 180, -90)",
        "POLYGON(ra, 0, ra, 1, ra, 2)", "POLYGON(0, 0, 10, 100, 20, 5)",
        "BOX(0, 0, 0, 0)", "BOX(0, 0, 360, 10)", "BOX(ra, dec, -1, 1)", "BOX(0, 90, 10, 10)", "BOX(0, 0, 180, 180)",
        "REGION('CIRCLE ICRS 1 2 3')", "REGION(name)", "CENTROID(POLYGON(0, 0, 1, 0, 1, 1))",
        "CENTROID(BOX(0, 0, 1, 1))", "CENTROID(POINT(1, 2))", "RAND(ra)", "RAND(hr)", "RAND(1e308)",
        "POINT(1e308, -1e308)", "POINT(NULL, NULL)", "POINT(ra, 1000)", "DISTANCE(POINT(0, 0), POINT(ra, dec))",
        "DISTANCE(0, 0, ra, 1e300)", "AREA(POLYGON(0, 0, 0, 0, 0, 0))", "COORD1(NULL)", "COORDSYS(POINT(0, 0))",
        "LOG(-1)", "LOG10(0)", "SQRT(-1)", "POWER(10, 400)", "POWER(-8, 0.5)", "EXP(1000)", "ACOS(2)", "ASIN(-3)",
        "MOD(1, 0)", "1 / 0", "1.0 / 0", "CAST('x' AS INTEGER)", "CAST(1e20 AS INTEGER)", "CAST('' AS TIMESTAMP)",
        "CAST(name AS SMALLINT)", "ROUND(vmag, 100000)", "TRUNCATE(1, -2147483648)", "ABS(-9223372036854775808)",
        "IN_UNIT(vmag, 'furlong')", "IN_UNIT(ra, 'rad')", "(SELECT hr FROM demo.bsc5)",
        "CAST(CIRCLE(0, 0, 1) AS POLYGON)", "9223372036854775807 + 1", "-2147483648 * -1",
        "CAST(9223372036854775807 AS BIGINT) * 2");

    private static final List<String> ODD_LITERALS = List.of(
        "0", "-1", "1e308", "-1e308", "1e-320", "9223372036854775808", "99999999999999999999999999", "0x7fffffff",
        "0xffffffffffffffffff", "NULL", "''", "'\u0000'", "'a\u0000b'", "'\u00e9\u4e2d\ud83d\ude00'", "'''", "1.", ".5",
        "1e", "--", "/*", "\"\"", "\"ctid\"", "\"a\u0000\"", "91", "-91", "180.00001", "360", "-0.0", "1/0", "1e999");

    private static final List<String> KEYWORDS = List.of(
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "GROUP BY", "ORDER BY", "HAVING", "JOIN", "NATURAL JOIN",
        "LEFT OUTER JOIN", "USING (hr)", "ON", "UNION", "EXCEPT", "INTERSECT", "DISTINCT", "TOP 1", "TOP 0",
        "TOP 99999999999", "OFFSET -1", "OFFSET 99999999999999999999", "LIMIT", "(", ")", ",", "*", "||", "+", "-", "/",
        "=", "<>", "<", ">=", "IS NULL", "BETWEEN", "LIKE", "ILIKE", "IN (", "EXISTS (", "CAST(", "AS", "AS x", "COUNT(*)",
        "ALL", "ANY", "WITH", "LATERAL", "tap_upload.t", "demo.bsc5", "demo.kstars", "demo.plates", "tap_schema.tables",
        "pg_catalog.pg_user", "information_schema.tables", ";", ";DROP TABLE demo.bsc5", "\u0000", "\n", "\t",
        "\u00a0", "\u2028", "\ufeff", "\\", "'", "\"", "?", "$1", "::text", "[1]", "E'\\x00'", "U&'\\0000'");

    private static final Pattern TOKEN = Pattern.compile(
        "'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+|\\|\\||<>|<=|>=|\\S");

    private final Random random;
    private final List<String> corpus;

    AdqlFuzzer(long seed, List<String> corpus) {
        this.random = new Random(seed);
        this.corpus = List.copyOf(corpus);
    }

    /** The demo corpus first, then the valid queries of the conformance corpus if -Dconformance.dir names it. */
    static List<String> corpus() {
        List<String> all = new ArrayList<>(DEMO_CORPUS);
        String dir = System.getProperty("conformance.dir");
        if (dir != null && !dir.isBlank() && Files.isRegularFile(Path.of(dir, "adql", "index.tsv"))) {
            try {
                for (String line : Files.readAllLines(Path.of(dir, "adql", "index.tsv"), StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", 6);
                    if (f.length == 6 && f[2].equals("true")) {
                        all.add(unescape(f[5]));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the ADQL conformance corpus in " + dir, e);
            }
        }
        return all;
    }

    /** The TSV's escapes (backslash, tab, newline, carriage return) undone. */
    private static String unescape(String field) {
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The next input: a corpus query with one to three mutations, or a generated SELECT of an odd function. */
    String next() {
        if (random.nextInt(8) == 0) {
            String f = pick(ODD_FUNCTIONS);
            return switch (random.nextInt(3)) {
                case 0 -> "SELECT TOP 5 " + f + " AS x FROM demo.bsc5";
                case 1 -> "SELECT TOP 5 hr FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), " + f + ")";
                default -> "SELECT TOP 5 hr FROM demo.bsc5 WHERE " + f + " IS NOT NULL";
            };
        }
        // three in four from the demo corpus: the conformance queries name tables this archive does not have
        String q = random.nextInt(4) > 0 || corpus.size() <= DEMO_CORPUS.size()
            ? pick(DEMO_CORPUS) : corpus.get(DEMO_CORPUS.size() + random.nextInt(corpus.size() - DEMO_CORPUS.size()));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            q = mutate(q);
        }
        return q;
    }

    private String mutate(String q) {
        List<int[]> tokens = tokens(q);
        if (tokens.isEmpty()) {
            return q + " " + pick(KEYWORDS);
        }
        int[] t = tokens.get(random.nextInt(tokens.size()));
        return switch (random.nextInt(9)) {
            case 0 -> { // swap two tokens
                int[] u = tokens.get(random.nextInt(tokens.size()));
                if (u[0] == t[0]) {
                    yield q;
                }
                int[] first = u[0] < t[0] ? u : t;
                int[] second = u[0] < t[0] ? t : u;
                if (first[1] > second[0]) {
                    yield q;
                }
                yield q.substring(0, first[0]) + q.substring(second[0], second[1]) + q.substring(first[1], second[0])
                    + q.substring(first[0], first[1]) + q.substring(second[1]);
            }
            case 1 -> q.substring(0, t[0]) + q.substring(t[1]); // delete a token
            case 2 -> q.substring(0, t[0]) + pick(ODD_FUNCTIONS) + q.substring(t[1]); // a function in place of a token
            case 3 -> q.substring(0, t[0]) + pick(ODD_LITERALS) + q.substring(t[1]); // a literal in place of a token
            case 4 -> q.substring(0, t[0]) + " " + pick(KEYWORDS) + " " + q.substring(t[0]); // insert a keyword
            case 5 -> { // a NUL byte somewhere, or inside a string literal
                int at = random.nextInt(q.length() + 1);
                int quote = q.indexOf('\'');
                if (quote >= 0 && random.nextBoolean()) {
                    at = quote + 1;
                }
                yield q.substring(0, at) + "\u0000" + q.substring(at);
            }
            case 6 -> { // delete a range of characters
                int from = random.nextInt(q.length());
                int to = Math.min(q.length(), from + 1 + random.nextInt(12));
                yield q.substring(0, from) + q.substring(to);
            }
            case 7 -> q.substring(0, t[1]) + " " + q.substring(t[0], t[1]) + q.substring(t[1]); // duplicate a token
            default -> { // an odd character
                String[] odd = {"\u00e9", "\ud83d\ude00", "\u0001", "\u007f", "\ufffd", "\u202e", "%", "#", "@", "`", "~"};
                int at = random.nextInt(q.length() + 1);
                yield q.substring(0, at) + odd[random.nextInt(odd.length)] + q.substring(at);
            }
        };
    }

    private static List<int[]> tokens(String q) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(q);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        return tokens;
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
