package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attacks that once read the server's files through an uploaded table, against every door a table
 * comes in by (TAP sync and async uploads, the admin ingest and datalink loads): XML entities naming a
 * file, STREAM href naming the process environment, and a length prefix that made STIL allocate 3 GB.
 * Each is refused with a 400 (or a job in ERROR) that says why, and nothing of the files comes back.
 */
@Tag("smoke")
class UploadSafetyIT {

    private static final String ADMIN = "it-upload-safety-admin";
    private static final String PASSWORD = "it-upload-safety-secret";
    private static final String HEAD = "<?xml version=\"1.0\"?>\n";
    private static final String XXE = HEAD + "<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
        + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
        + "<FIELD name=\"ID\" datatype=\"char\" arraysize=\"*\"/><FIELD name=\"access_url\" datatype=\"char\" arraysize=\"*\"/>"
        + "<FIELD name=\"semantics\" datatype=\"char\" arraysize=\"*\"/>"
        + "<DATA><TABLEDATA><TR><TD>&x;</TD><TD>https://example.org/&x;</TD><TD>#this</TD></TR></TABLEDATA></DATA>"
        + "</TABLE></RESOURCE></VOTABLE>";
    private static final String HREF = HEAD + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
        + "<RESOURCE><TABLE><FIELD name=\"b\" datatype=\"unsignedByte\"/><DATA><BINARY2>"
        + "<STREAM href=\"file:///proc/self/environ\"/></BINARY2></DATA></TABLE></RESOURCE></VOTABLE>";

    /** 259 bytes or so: one string whose BINARY length prefix says 1.5e9 characters. */
    private static String lengthBomb() {
        ByteBuffer data = ByteBuffer.allocate(7).putInt(1_500_000_000).put("abc".getBytes(StandardCharsets.US_ASCII));
        return HEAD + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE>"
            + "<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/><DATA><BINARY><STREAM encoding=\"base64\">"
            + Base64.getEncoder().encodeToString(data.array()) + "</STREAM></BINARY></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_upload_safety CASCADE");
            s.execute("DELETE FROM archive.schemas WHERE name = 'it_upload_safety'");
            s.execute("DELETE FROM archive.datalinks WHERE access_url LIKE 'https://example.org/%' AND object_id NOT LIKE 'P%'");
        }
    }

    /** Text that must never come back: the machine's name and the database settings of the environment. */
    private static void assertNoSecret(String body) throws Exception {
        String hostname = Files.readString(Path.of("/etc/hostname")).trim();
        assertFalse(!hostname.isEmpty() && body.contains(hostname), "the host name came back: " + body);
        assertFalse(body.contains("ARCHIVE_DB_") || body.contains("PASSWORD="), "the environment came back: " + body);
    }

    private static HttpResponse<byte[]> sync(String votable) throws Exception {
        return Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"), Tap.Part.field("REQUEST", "doQuery"),
            Tap.Part.field("QUERY", "SELECT * FROM TAP_UPLOAD.t"), Tap.Part.field("UPLOAD", "t,param:t1"),
            new Tap.Part("t1", "t.vot", votable.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void tapSyncRefusesEveryAttackWithAReason() throws Exception {
        for (String[] attack : new String[][] {{XXE, "DOCTYPE"}, {HREF, "STREAM refers to"}, {lengthBomb(), "bytes declared"}}) {
            HttpResponse<byte[]> r = sync(attack[0]);
            String body = Tap.text(r);
            assertEquals(400, r.statusCode(), body);
            assertTrue(body.contains("QUERY_STATUS") && body.contains("ERROR"), body);
            assertTrue(body.contains(attack[1]), body);
            assertNoSecret(body);
        }
    }

    @Test
    void tapAsyncJobsEndInErrorWithAReason() throws Exception {
        Uws client = Uws.anonymous();
        for (String[] attack : new String[][] {{XXE, "DOCTYPE"}, {HREF, "STREAM refers to"}, {lengthBomb(), "bytes declared"}}) {
            HttpResponse<String> created = client.multipart(Uws.list(), List.of(Tap.Part.field("LANG", "ADQL"),
                Tap.Part.field("QUERY", "SELECT * FROM TAP_UPLOAD.t"), Tap.Part.field("UPLOAD", "t,param:t1"),
                Tap.Part.field("PHASE", "RUN"), new Tap.Part("t1", "t.vot", attack[0].getBytes(StandardCharsets.UTF_8))));
            String job = created.headers().firstValue("Location").orElseThrow(() -> new AssertionError(created.body()));
            String doc = client.awaitEnd(job, Duration.ofSeconds(60));
            assertEquals("ERROR", Uws.phaseOf(doc), doc);
            String error = client.get(job + "/error").body();
            assertTrue(error.contains(attack[1]), error);
            assertNoSecret(doc + error);
            client.delete(job);
        }
    }

    @Test
    void theAdminIngestRefusesThem() throws Exception {
        Uws admin = Uws.as(ADMIN, PASSWORD);
        for (String[] attack : new String[][] {{XXE, "DOCTYPE"}, {HREF, "STREAM refers to"}, {lengthBomb(), "bytes declared"}}) {
            HttpResponse<String> created = admin.multipart(Archive.baseUrl() + "/admin/ingest", List.of(
                Tap.Part.field("TABLE", "it_upload_safety.attack"), Tap.Part.field("PHASE", "RUN"),
                new Tap.Part("file", "attack.vot", attack[0].getBytes(StandardCharsets.UTF_8))));
            String job = created.headers().firstValue("Location").orElseThrow(() -> new AssertionError(created.body()));
            String doc = admin.awaitEnd(job, Duration.ofSeconds(60));
            assertEquals("ERROR", Uws.phaseOf(doc), doc);
            String error = admin.get(job + "/error").body();
            assertTrue(error.contains(attack[1]), error);
            assertNoSecret(doc + error);
            admin.delete(job);
        }
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('it_upload_safety.attack') IS NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "a refused file left a table behind");
        }
    }

    @Test
    void theAdminDatalinkLoadRefusesThem() throws Exception {
        Uws admin = Uws.as(ADMIN, PASSWORD);
        for (String[] attack : new String[][] {{XXE, "DOCTYPE"}, {HREF, "STREAM refers to"}, {lengthBomb(), "bytes declared"}}) {
            HttpResponse<String> r = admin.multipart(Archive.baseUrl() + "/admin/datalink", List.of(
                Tap.Part.field("MODE", "merge"), new Tap.Part("file", "links.vot", attack[0].getBytes(StandardCharsets.UTF_8))));
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains(attack[1]), r.body());
            assertNoSecret(r.body());
        }
    }
}
