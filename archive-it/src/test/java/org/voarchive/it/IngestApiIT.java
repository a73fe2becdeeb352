package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ingest through the admin API as a UWS job: upload, progress, report, the table queryable; broken files change nothing. */
class IngestApiIT {

    private static final String ADMIN = "it-ingest-admin";
    private static final String USER = "it-ingest-user";
    private static final String PASSWORD = "it-ingest-secret";
    private static final String VOTABLE = """
        <?xml version="1.0" encoding="UTF-8"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
          <RESOURCE><TABLE name="sources">
            <FIELD name="id" datatype="int" ucd="meta.id;meta.main"/>
            <FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra;meta.main"/>
            <FIELD name="dec" datatype="double" unit="deg" ucd="pos.eq.dec;meta.main"/>
            <DATA><TABLEDATA>
              <TR><TD>1</TD><TD>10.0</TD><TD>20.0</TD></TR>
              <TR><TD>2</TD><TD>11.0</TD><TD>21.0</TD></TR>
              <TR><TD>3</TD><TD>12.0</TD><TD>22.0</TD></TR>
            </TABLEDATA></DATA>
          </TABLE></RESOURCE>
        </VOTABLE>
        """;

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(USER, PASSWORD);

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_ingest_api CASCADE");
            s.execute("DELETE FROM archive.schemas WHERE name = 'it_ingest_api'");
        }
    }

    private static HttpResponse<String> submit(Uws client, String table, String content) throws Exception {
        return client.multipart(Archive.baseUrl() + "/admin/ingest", List.of(Tap.Part.field("TABLE", table),
            Tap.Part.field("PUBLISH", "true"), Tap.Part.field("PHASE", "RUN"),
            new Tap.Part("file", "sources.vot", content.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aFileBecomesAPublishedTableThroughAJob() throws Exception {
        Uws admin = Uws.as(ADMIN, PASSWORD);
        HttpResponse<String> created = submit(admin, "it_ingest_api.sources", VOTABLE);
        assertEquals(303, created.statusCode(), created.body());
        String job = created.headers().firstValue("Location").orElseThrow();
        assertTrue(job.startsWith(Archive.baseUrl() + "/admin/ingest/"), job);
        String doc = admin.awaitEnd(job, Duration.ofSeconds(120));
        assertEquals("COMPLETED", Uws.phaseOf(doc), doc);
        assertTrue(doc.contains("<archive:progress>3 rows loaded into it_ingest_api.sources, done</archive:progress>"), doc);
        String report = admin.get(job + "/results/report").body();
        assertTrue(report.contains("\"rows\":3") && report.contains("\"position\":[\"ra\",\"dec\"]")
            && report.contains("\"primaryKey\":\"id\""), report);
        HttpResponse<String> count = Archive.send("GET", "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
            + java.net.URLEncoder.encode("SELECT COUNT(*) AS n FROM it_ingest_api.sources", StandardCharsets.UTF_8),
            null, null, null);
        assertEquals(List.of("n", "3"), count.body().lines().toList());
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertEquals(404, admin.get(Uws.list() + "/" + id).statusCode(), "an ingest job is no TAP job");
        assertEquals(303, admin.delete(job).statusCode());
    }

    @Test
    void aBrokenFileIsAJobInErrorAndCreatesNothing() throws Exception {
        Uws admin = Uws.as(ADMIN, PASSWORD);
        String broken = VOTABLE.substring(0, VOTABLE.indexOf("<TD>3</TD>") + 20);
        String job = submit(admin, "it_ingest_api.broken", broken).headers().firstValue("Location").orElseThrow();
        String doc = admin.awaitEnd(job, Duration.ofSeconds(120));
        assertEquals("ERROR", Uws.phaseOf(doc), doc);
        assertTrue(admin.get(job + "/error").body().contains("not an acceptable VOTable"), admin.get(job + "/error").body());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('it_ingest_api.broken') IS NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "a failed ingest left a table behind");
        }
        admin.delete(job);
        HttpResponse<String> noTable = admin.multipart(Archive.baseUrl() + "/admin/ingest", List.of(
            Tap.Part.field("PHASE", "RUN"), new Tap.Part("file", "sources.vot", VOTABLE.getBytes(StandardCharsets.UTF_8))));
        String refused = noTable.headers().firstValue("Location").orElseThrow();
        assertTrue(Uws.element(admin.awaitEnd(refused, Duration.ofSeconds(60)), "message").contains("TABLE is missing"));
        admin.delete(refused);
    }

    @Test
    void onlyAdministratorsIngest() throws Exception {
        assertEquals(403, submit(Uws.as(USER, PASSWORD), "it_ingest_api.x", VOTABLE).statusCode());
        assertEquals(401, submit(Uws.anonymous(), "it_ingest_api.x", VOTABLE).statusCode());
    }
}
