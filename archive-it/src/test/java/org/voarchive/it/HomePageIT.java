package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The home page: the service, its endpoints, and the collections and tables the caller may see (a signed-in
 * user's INTERNAL ones and the PRIVATE ones of their groups too; anonymous callers the PUBLIC ones).
 */
@Tag("smoke")
class HomePageIT {

    private static final Pattern TABLE_ROW = Pattern.compile("data-table=\"([^\"]+)\" data-rows=\"(-?\\d+)\"");
    private static final String SCHEMA = "it_home";
    private static final String ADMIN = "it-home-admin";
    private static final String MEMBER = "it-home-member";
    private static final String OUTSIDER = "it-home-outsider";
    private static final String PASSWORD = "it-home-secret";
    private static final String GROUP = "it_home_observers";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, GROUP)
        .add(OUTSIDER, PASSWORD);

    /** A collection of three tables, PUBLIC, INTERNAL and PRIVATE to the group, published as operators do. */
    @BeforeAll
    static void collectionOfEveryLevel() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            for (String t : List.of("pub", "inside", "secret")) {
                s.execute("CREATE TABLE " + SCHEMA + "." + t + " (id integer PRIMARY KEY)");
            }
        }
        Archive.discoverAndPublish(SCHEMA, ADMIN, PASSWORD);
        Archive.accessLevels(SCHEMA + ".inside", "INTERNAL", "INTERNAL", ADMIN, PASSWORD);
        Archive.accessLevels(SCHEMA + ".secret", "PRIVATE", "PRIVATE", ADMIN, PASSWORD);
        HttpResponse<String> groups = Archive.send("PUT", "/admin/metadata/tables/" + SCHEMA + ".secret/groups",
            "[\"" + GROUP + "\"]", ADMIN, PASSWORD);
        assertEquals(200, groups.statusCode(), groups.body());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
            s.execute("DELETE FROM archive.groups WHERE name = '" + GROUP + "'"); // before its member (USERS)
        }
    }

    /** The tables the home page lists for the caller (null: anonymous), and the facts of the collection's card. */
    private static Map<String, String> homeOf(String user) throws Exception {
        HttpResponse<String> page = Archive.request("GET", "/", null, null, user, user == null ? null : PASSWORD);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").contains("private")
            || page.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "no shared cache keeps it");
        Map<String, String> found = new TreeMap<>();
        Matcher m = TABLE_ROW.matcher(page.body());
        while (m.find()) {
            if (m.group(1).startsWith(SCHEMA + ".")) {
                found.put(m.group(1), "listed");
            }
        }
        Matcher card = Pattern.compile("(?s)<article class=\"card\" data-schema=\"" + SCHEMA
            + "\".*?<p class=\"facts\">([^<]*)</p>").matcher(page.body());
        // its tables counted (the rows may be counted meanwhile, or not yet)
        found.put("card", card.find() ? card.group(1).replaceAll(" \u00b7 .*", "") : "no card");
        return found;
    }

    @Test
    void aSignedInUserSeesThePrivateTablesOfTheirGroupsAndAnonymousCallersThePublicOnes() throws Exception {
        Map<String, String> anonymous = homeOf(null);
        assertEquals(Map.of(SCHEMA + ".pub", "listed", "card", "1 table"), anonymous);
        Map<String, String> outsider = homeOf(OUTSIDER);
        assertEquals(Map.of(SCHEMA + ".pub", "listed", SCHEMA + ".inside", "listed",
            "card", "2 tables"), outsider);
        Map<String, String> member = homeOf(MEMBER);
        assertEquals(Map.of(SCHEMA + ".pub", "listed", SCHEMA + ".inside", "listed", SCHEMA + ".secret", "listed",
            "card", "3 tables"), member);
    }

    @Test
    void rootPageNamesTheServiceLinksItsEndpointsAndCountsTheDemoRows() throws Exception {
        HttpResponse<byte[]> response = Archive.get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>"), html);
        assertTrue(html.contains("/tap/availability\""), html);

        Map<String, Long> rows = new HashMap<>();
        Matcher m = TABLE_ROW.matcher(html);
        while (m.find()) {
            rows.put(m.group(1), Long.parseLong(m.group(2)));
        }
        // the two shipped catalogues, counted by the server through the read-only query role
        assertEquals(9096L, rows.get("demo.bsc5"), html);
        assertEquals(125982L, rows.get("demo.kstars"), html);
    }
}
