package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Datalinks to data, and the files they point to, follow the DATA access level
 * of their table: a scratch table with its own files (written below
 * ARCHIVE_FILES_DIR, readable by the server's user) and datalink rows, made
 * PRIVATE to a group through the admin API. Refused files are 404, as unknown
 * ones: a 401 or 403 would tell anyone which restricted files exist.
 */
@Tag("smoke")
class DataAccessIT {

    private static final String SCHEMA = "it_data";
    private static final String TABLE = SCHEMA + ".scans";
    private static final String ADMIN = "it-data-admin";
    private static final String MEMBER = "it-data-member";
    private static final String OUTSIDER = "it-data-outsider";
    private static final String PASSWORD = "it-data-secret";
    private static final String GROUP = "it_data_members";
    private static final String ID = "it-data-S1";
    private static final String DIR = "it-data";
    private static final String SCAN = "/files/" + DIR + "/S1.fits";
    private static final String PREVIEW = "/files/" + DIR + "/S1.png";
    private static final String ESCAPE = "/files/" + DIR + "/escape.fits";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, GROUP)
        .add(OUTSIDER, PASSWORD);

    private static Path files() {
        return Path.of(Archive.env("ARCHIVE_FILES_DIR")).resolve(DIR);
    }

    @BeforeAll
    static void aTableWithFilesAndLinks() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.datalinks WHERE object_id LIKE 'it-data-%'");
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE " + TABLE + " (id text PRIMARY KEY)");
            s.execute("INSERT INTO " + TABLE + " VALUES ('" + ID + "')");
            // the query role's columns come with publishing (V21)
        }
        Archive.discoverAndPublish(SCHEMA, ADMIN, PASSWORD);
        HttpResponse<String> groups = Archive.send("PUT", "/admin/metadata/tables/" + TABLE + "/groups",
            "[\"" + GROUP + "\"]", ADMIN, PASSWORD);
        assertEquals(200, groups.statusCode(), groups.body());
        levels("PUBLIC", "PUBLIC");

        // the tests run as root, the server as its own user: the files must be readable by anyone
        Path dir = Files.createDirectories(files());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String[] f : new String[][] {{"S1.fits", "SIMPLE  =                    T"}, {"S1.png", "not really a PNG"},
                {"unlinked.fits", "SIMPLE  =                    T"}}) {
            Path file = Files.writeString(dir.resolve(f[0]), f[1]);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        // a link to a file anyone may read, outside the files directory: only the path check keeps it in
        Files.deleteIfExists(dir.resolve("escape.fits"));
        Files.createSymbolicLink(dir.resolve("escape.fits"), Path.of("/etc/passwd"));

        String csv = "ID,access_url,semantics,description,content_type,table_name\n"
            + ID + "," + SCAN + ",#this,Scan,application/fits," + TABLE + "\n"
            + ID + "," + PREVIEW + ",#preview,Preview,image/png," + TABLE + "\n"
            + ID + ",https://doi.org/10.5072/it-data.S1,#doi,Test DOI,text/html," + TABLE + "\n"
            + ID + "," + ESCAPE + ",#auxiliary,A link out,application/fits," + TABLE + "\n";
        HttpResponse<String> loaded = Archive.loadDatalinks(csv, "merge", ADMIN, PASSWORD);
        assertEquals(200, loaded.statusCode(), loaded.body());
    }

    @AfterEach
    void publicAgain() throws Exception {
        levels("PUBLIC", "PUBLIC");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.datalinks WHERE object_id LIKE 'it-data-%'");
            Archive.dropScratchSchema(s, SCHEMA);
            // before its members (USERS deletes them after this): their archive.user_groups rows cascade (V3)
            s.execute("DELETE FROM archive.groups WHERE name = '" + GROUP + "'");
        }
        if (Files.exists(files(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(files())) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void levels(String data, String metadata) throws Exception {
        Archive.accessLevels(TABLE, data, metadata, ADMIN, PASSWORD);
    }

    /** The {links} of the object as semantics|access_url|error_message rows. */
    private static List<String> links(String user) throws Exception {
        HttpResponse<String> r = Archive.send("GET", "/datalink/links?ID=" + ID, null, user, user == null ? null : PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        StarTable t = Tap.table(r.body().getBytes(StandardCharsets.UTF_8), "votable");
        List<String> rows = new ArrayList<>();
        try (RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                assertEquals(ID, rs.getCell(0));
                rows.add(rs.getCell(4) + "|" + rs.getCell(1) + "|" + rs.getCell(3));
            }
        }
        return rows;
    }

    private static boolean has(List<String> rows, String semantics) {
        return rows.stream().anyMatch(r -> r.startsWith(semantics + "|"));
    }

    /** A GET of a raw path (not normalised by the client), as {@code user} or anonymous. */
    private static HttpResponse<byte[]> file(String rawPath, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Archive.baseUrl() + rawPath)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void publicDataHasItsLinksAndFilesForEveryone() throws Exception {
        List<String> rows = links(null);
        assertTrue(has(rows, "#this") && has(rows, "#preview") && rows.stream().anyMatch(r -> r.contains("doi.org")),
            rows.toString());
        HttpResponse<byte[]> scan = file(SCAN, null);
        assertEquals(200, scan.statusCode(), "the server's user must be able to read " + files());
        assertEquals("application/fits", scan.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(scan.body(), StandardCharsets.US_ASCII).startsWith("SIMPLE"));
        assertEquals(200, file(PREVIEW, null).statusCode());
    }

    @Test
    void dataPrivateToAGroupHidesLinksAndFilesFromEveryoneElse() throws Exception {
        levels("PRIVATE", "PUBLIC");
        List<String> anonymous = links(null);
        assertFalse(has(anonymous, "#this") || has(anonymous, "#preview") || has(anonymous, "#auxiliary"),
            "no links to data: " + anonymous);
        assertTrue(anonymous.stream().anyMatch(r -> r.contains("https://doi.org/10.5072/it-data.S1")),
            "the DOI follows the metadata level, which is public: " + anonymous);
        assertFalse(anonymous.stream().anyMatch(r -> r.contains("/files/")), anonymous.toString());
        assertEquals(anonymous, links(OUTSIDER), "logged in but not in the group: the same");
        // 404, not 401/403: a refused file looks exactly like one that does not exist
        for (String user : new String[] {null, OUTSIDER}) {
            assertEquals(404, file(SCAN, user).statusCode(), user);
            assertEquals(404, file(PREVIEW, user).statusCode(), user);
        }
        for (String user : new String[] {MEMBER, ADMIN}) {
            List<String> rows = links(user);
            assertTrue(has(rows, "#this") && has(rows, "#preview"), user + ": " + rows);
            HttpResponse<byte[]> scan = file(SCAN, user);
            assertEquals(200, scan.statusCode(), user);
            assertEquals("private", scan.headers().firstValue("Cache-Control").orElse(""), "not for shared caches");
        }
    }

    @Test
    void anObjectWithNothingTheCallerMayUseIsNotFound() throws Exception {
        levels("PRIVATE", "PRIVATE");
        List<String> anonymous = links(null);
        assertEquals(1, anonymous.size(), anonymous.toString());
        assertTrue(anonymous.get(0).startsWith("#this|null|NotFoundFault: "), anonymous.toString());
        assertEquals(4, links(MEMBER).size());
        assertEquals(404, file(SCAN, null).statusCode());
    }

    @Test
    void unlinkedFilesAndOtherSpellingsArePathsToNothing() throws Exception {
        assertEquals(200, file(SCAN, ADMIN).statusCode());
        assertEquals(404, file("/files/" + DIR + "/unlinked.fits", ADMIN).statusCode(), "no row points at it");
        assertEquals(404, file(ESCAPE, ADMIN).statusCode(), "a linked symbolic link that leads out of the directory");
        for (String path : List.of("/files/" + DIR + "/%2e%2e/%2e%2e/archive.env", "/files/%2e%2e/archive.env",
                "/files/" + DIR + "%2FS1.fits", "/files/" + DIR + "/.%2FS1.fits", "/files/..%5C" + DIR + "%5CS1.fits",
                "/files/" + DIR + "/S1.fits%00.png", "/files/%2Fetc%2Fpasswd")) {
            int status = file(path, ADMIN).statusCode();
            assertTrue(status == 404 || status == 400, path + ": " + status);
        }
    }
}
