package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PRIVATE column of a PUBLIC table stays out of an anonymous caller's reach through ADQL: names
 * the checker resolves to a visible column must reach the same column in PostgreSQL, which sees the
 * hidden one too. Each probe must be refused (400, a DALI error) or answer as if the hidden column
 * did not exist: never with a secret value, nor with rows that depend on one.
 */
class ColumnAccessIT {

    private static final String SCHEMA = "it_colaccess";
    private static final String ADMIN = "it-colaccess-admin";
    private static final String PASSWORD = "it-colaccess-secret";
    /** t.secret by t.id; ordered against id, so an order by the secret shows. */
    private static final Map<Integer, String> SECRETS = Map.of(1, "SECRET-C-7f3a", 2, "SECRET-B-91c4", 3, "SECRET-A-2d8e");
    /** An upload with the visible id and a column named like the hidden one: one right guess (id 1), one wrong. */
    private static final String GUESSES = """
        <?xml version="1.0"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
        <RESOURCE><TABLE>
        <FIELD name="id" datatype="int"/>
        <FIELD name="secret" datatype="unicodeChar" arraysize="*"/>
        <DATA><TABLEDATA>
        <TR><TD>1</TD><TD>SECRET-C-7f3a</TD></TR>
        <TR><TD>2</TD><TD>a wrong guess</TD></TR>
        </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
        """;

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @BeforeAll
    static void aPublicTableWithAPrivateColumn() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".t (id integer PRIMARY KEY, name text, secret text)");
            for (Map.Entry<Integer, String> e : SECRETS.entrySet()) {
                s.execute("INSERT INTO " + SCHEMA + ".t VALUES (" + e.getKey() + ", 'r" + e.getKey() + "', '"
                    + e.getValue() + "')");
            }
            // no grants: publishing gives the query role every published column, PRIVATE ones too (V21);
            // the checker decides who may ask for what
        }
        assertEquals(200, Archive.send("POST", "/admin/metadata/discover?schema=" + SCHEMA, null, ADMIN, PASSWORD)
            .statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("UPDATE archive.schemas SET published = true WHERE name = '" + SCHEMA + "'");
            s.execute("UPDATE archive.tables SET published = true, metadata_access = 'PUBLIC', data_access = 'PUBLIC'"
                + " WHERE schema_id = (SELECT id FROM archive.schemas WHERE name = '" + SCHEMA + "')");
        }
        String columns = Archive.send("GET", "/admin/metadata/tables/" + SCHEMA + ".t/columns", null, ADMIN, PASSWORD).body();
        int version = Archive.version(columns.substring(columns.indexOf("\"name\":\"secret\"")));
        HttpResponse<String> hidden = Archive.send("PUT", "/admin/metadata/tables/" + SCHEMA + ".t/columns/secret",
            "{\"dataAccess\":\"PRIVATE\",\"metadataAccess\":\"PRIVATE\",\"version\":" + version + "}", ADMIN, PASSWORD);
        assertEquals(200, hidden.statusCode(), hidden.body());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
        }
    }

    private static HttpResponse<byte[]> anonymous(String adql) throws Exception {
        return Tap.get(List.of(Map.entry("LANG", "ADQL"), Map.entry("RESPONSEFORMAT", "csv"), Map.entry("QUERY", adql)));
    }

    private static HttpResponse<byte[]> anonymousWithGuesses(String adql) throws Exception {
        return Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("RESPONSEFORMAT", "csv"),
            Tap.Part.field("QUERY", adql), Tap.Part.field("UPLOAD", "guesses,param:g"),
            new Tap.Part("g", "guesses.vot", GUESSES.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The answer to a probe: empty if it was refused with a DALI error, else the CSV rows (without the
     * header). Neither may hold a secret value.
     */
    private static Optional<List<String>> answer(HttpResponse<byte[]> r, String adql) {
        String body = Tap.text(r);
        SECRETS.values().forEach(secret -> assertFalse(body.contains(secret), adql + " revealed " + secret + ": " + body));
        if (r.statusCode() == 400) {
            assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), body);
            return Optional.empty();
        }
        assertEquals(200, r.statusCode(), adql + ": " + body);
        return Optional.of(body.lines().skip(1).toList());
    }

    /** Refused, or exactly the rows the query means when the hidden column does not exist. */
    private static void refusedOrAnsweredWithout(HttpResponse<byte[]> r, String adql, List<String> meant) {
        answer(r, adql).ifPresent(rows -> assertEquals(meant, rows, adql));
    }

    @Test
    void theFixtureHidesTheColumnFromAnonymousCallersOnly() throws Exception {
        HttpResponse<String> admin = Archive.send("GET", "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + java.net.URLEncoder.encode("SELECT secret FROM " + SCHEMA + ".t ORDER BY id", StandardCharsets.UTF_8),
            null, ADMIN, PASSWORD);
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals(List.of("secret", SECRETS.get(1), SECRETS.get(2), SECRETS.get(3)), admin.body().lines().toList());
        HttpResponse<byte[]> direct = anonymous("SELECT secret FROM " + SCHEMA + ".t");
        assertEquals(400, direct.statusCode(), Tap.text(direct));
        assertTrue(Tap.text(direct).contains("column secret not found"), Tap.text(direct));
        assertEquals(List.of("id,name", "1,r1", "2,r2", "3,r3"),
            Tap.text(anonymous("SELECT * FROM " + SCHEMA + ".t ORDER BY id")).lines().toList());
    }

    @Test
    void anUnqualifiedNameInACorrelatedSubqueryMeansTheVisibleOuterColumn() throws Exception {
        // as reported; MAX of the outer g.secret is an aggregate of the outer query, which PostgreSQL then
        // refuses (g.id is not grouped): refused or answered, never with a secret
        String adql = "SELECT g.id, (SELECT MAX(secret) FROM " + SCHEMA + ".t AS p WHERE p.id = g.id) AS leak "
            + "FROM (SELECT id, 'none' AS secret FROM " + SCHEMA + ".t) AS g";
        answer(anonymous(adql), adql);
        adql = "SELECT g.id, (SELECT secret FROM " + SCHEMA + ".t AS p WHERE p.id = g.id) AS leak "
            + "FROM (SELECT id, 'none' AS secret FROM " + SCHEMA + ".t) AS g ORDER BY g.id";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("1,none", "2,none", "3,none"));
        // an inner correlation name like the outer one must not take the name over
        adql = "SELECT g.id, (SELECT secret FROM " + SCHEMA + ".t AS g WHERE g.id = 1) AS leak "
            + "FROM (SELECT id, 'none' AS secret FROM " + SCHEMA + ".t) AS g ORDER BY g.id";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("1,none", "2,none", "3,none"));
        // in a condition: bound to the hidden p.secret, no row would qualify
        adql = "SELECT g.id FROM (SELECT id, 'none' AS secret FROM " + SCHEMA + ".t) AS g WHERE EXISTS "
            + "(SELECT 1 FROM " + SCHEMA + ".t AS p WHERE p.id = g.id AND secret = 'none') ORDER BY g.id";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("1", "2", "3"));
    }

    @Test
    void naturalJoinJoinsOnVisibleColumnsOnly() throws Exception {
        // joined on id alone, the wrong guess matches as well as the right one
        String adql = "SELECT t.id FROM " + SCHEMA + ".t AS t NATURAL JOIN TAP_UPLOAD.guesses AS u ORDER BY t.id";
        refusedOrAnsweredWithout(anonymousWithGuesses(adql), adql, List.of("1", "2"));
        adql = "SELECT t.id FROM " + SCHEMA + ".t AS t NATURAL JOIN (SELECT id, '" + SECRETS.get(1).substring(0, 8)
            + "' || '" + SECRETS.get(1).substring(8) + "' AS secret FROM " + SCHEMA + ".t) AS s ORDER BY t.id";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("1", "2", "3"));
        adql = "SELECT COUNT(*) AS n FROM " + SCHEMA + ".t NATURAL LEFT JOIN TAP_UPLOAD.guesses AS u WHERE u.id IS NULL";
        refusedOrAnsweredWithout(anonymousWithGuesses(adql), adql, List.of("1"));
        adql = "SELECT t.id FROM " + SCHEMA + ".t AS t JOIN TAP_UPLOAD.guesses AS u USING (secret)";
        HttpResponse<byte[]> using = anonymousWithGuesses(adql);
        assertEquals(Optional.empty(), answer(using, adql));
    }

    @Test
    void groupByAndOrderByAResultColumnNamedLikeTheHiddenOneMeanTheResultColumn() throws Exception {
        // grouped by the hidden column there would be three groups of one
        String adql = "SELECT 'x' AS secret, COUNT(*) AS n FROM " + SCHEMA + ".t GROUP BY secret";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("x,3"));
        // ordered by the hidden column the ids would come 3, 2, 1
        adql = "SELECT id, 'same' AS secret FROM " + SCHEMA + ".t ORDER BY secret, id";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("1,same", "2,same", "3,same"));
        // one group per name, the result column
        adql = "SELECT name AS secret, COUNT(*) AS n FROM " + SCHEMA + ".t GROUP BY secret ORDER BY secret DESC";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("r3,1", "r2,1", "r1,1"));
        adql = "SELECT id, name AS secret FROM " + SCHEMA + ".t GROUP BY id, secret ORDER BY secret DESC";
        refusedOrAnsweredWithout(anonymous(adql), adql, List.of("3,r3", "2,r2", "1,r1"));
        adql = "SELECT id FROM " + SCHEMA + ".t ORDER BY secret";
        assertEquals(Optional.empty(), answer(anonymous(adql), adql));
    }
}
