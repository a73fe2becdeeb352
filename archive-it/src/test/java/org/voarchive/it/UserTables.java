package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.voarchive.tap.KeptSchemas;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * A client of personal tables (design issue #22 §1) as pyvo, cadc-tap and curl talk to them: VOSI table
 * documents and VOTables to PUT, bodies of any type to load, TAP queries to read back, and the owner's
 * clean-up. Every request carries HTTP Basic credentials unless the user is null (anonymous).
 */
final class UserTables {

    static final String VOSI_NS = "http://www.ivoa.net/xml/VOSITables/v1.0";
    static final String VOSI_TABLE = "text/xml";
    static final String VOTABLE = "application/x-votable+xml";
    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";
    static final String FITS = "application/fits";
    static final String FORM = "application/x-www-form-urlencoded";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** A column of a VOSI table document: name, VOTable datatype, arraysize (or null), unit, UCD (or null). */
    record Col(String name, String datatype, String arraysize, String unit, String ucd) {
        static Col of(String name, String datatype) {
            return new Col(name, datatype, null, null, null);
        }
    }

    private UserTables() {
    }

    /** The caller's own schema, as the archive names it (tap.KeptSchemas). */
    static String schema(String login) {
        return KeptSchemas.userSchema(login);
    }

    /** A VOSI table document (VOSI 1.2 WD, design §1.1), with a table description if not null. */
    static String vosiTable(String name, String description, List<Col> columns) {
        StringBuilder doc = new StringBuilder("<vosi:table xmlns:vosi=\"" + VOSI_NS + "\"\n"
            + "    xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <name>" + name + "</name>\n");
        if (description != null) {
            doc.append("  <description>").append(description).append("</description>\n");
        }
        for (Col c : columns) {
            doc.append("  <column><name>").append(c.name()).append("</name>");
            if (c.unit() != null) {
                doc.append("<unit>").append(c.unit()).append("</unit>");
            }
            if (c.ucd() != null) {
                doc.append("<ucd>").append(c.ucd()).append("</ucd>");
            }
            doc.append("<dataType xsi:type=\"vs:VOTableType\"")
                .append(c.arraysize() == null ? "" : " arraysize=\"" + c.arraysize() + "\"")
                .append('>').append(c.datatype()).append("</dataType></column>\n");
        }
        return doc.append("</vosi:table>\n").toString();
    }

    /** The targets table of the design's example: id, ra, dec (with units and UCDs), name. */
    static List<Col> targetColumns() {
        return List.of(Col.of("id", "long"), new Col("ra", "double", null, "deg", "pos.eq.ra;meta.main"),
            new Col("dec", "double", null, "deg", "pos.eq.dec;meta.main"), new Col("name", "char", "*", null, null));
    }

    /** A TABLEDATA VOTable written by STIL: columns id (long), ra, dec (double), name (text) and these rows. */
    static byte[] votable(Object[]... rows) throws IOException {
        return written(new VOTableWriter(DataFormat.TABLEDATA, true), rows);
    }

    /** The same four columns as a FITS binary table written by STIL. */
    static byte[] fits(Object[]... rows) throws IOException {
        return written(new uk.ac.starlink.fits.FitsTableWriter(), rows);
    }

    private static byte[] written(uk.ac.starlink.table.StarTableWriter writer, Object[]... rows) throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("id", Long.class, null),
            new ColumnInfo("ra", Double.class, null), new ColumnInfo("dec", Double.class, null),
            new ColumnInfo("name", String.class, null)});
        for (Object[] row : rows) {
            table.addRow(row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeStarTable(table, out);
        return out.toByteArray();
    }

    /** Any request with a body of bytes (null: none) and HTTP Basic credentials (user null: none). */
    static HttpResponse<String> send(String method, String path, String contentType, byte[] body, String user,
            String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Archive.baseUrl() + path))
            .timeout(Duration.ofSeconds(600))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body, String user,
            String password) throws IOException, InterruptedException {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), user, password);
    }

    /** PUT /tap/tables/{name} (create). */
    static HttpResponse<String> create(String name, String contentType, byte[] body, String user, String password)
            throws IOException, InterruptedException {
        return send("PUT", "/tap/tables/" + name, contentType, body, user, password);
    }

    static HttpResponse<String> create(String name, List<Col> columns, String user, String password)
            throws IOException, InterruptedException {
        return create(name, VOSI_TABLE, vosiTable(name, null, columns).getBytes(StandardCharsets.UTF_8), user, password);
    }

    /** A create that must succeed (201). */
    static void created(String name, List<Col> columns, String user, String password) throws Exception {
        HttpResponse<String> r = create(name, columns, user, password);
        assertEquals(201, r.statusCode(), name + ": " + r.body());
    }

    /** POST /tap/load/{name} (append). */
    static HttpResponse<String> load(String name, String contentType, byte[] body, String user, String password)
            throws IOException, InterruptedException {
        return send("POST", "/tap/load/" + name, contentType, body, user, password);
    }

    static HttpResponse<String> load(String name, String contentType, String body, String user, String password)
            throws IOException, InterruptedException {
        return load(name, contentType, body.getBytes(StandardCharsets.UTF_8), user, password);
    }

    /** A load that must succeed with youcat's message ("1 row" in the singular). */
    static void loaded(String name, String contentType, byte[] body, long rows, String user, String password)
            throws Exception {
        HttpResponse<String> r = load(name, contentType, body, user, password);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(inserted(rows, name), r.body().strip());
    }

    /** What a load answers: youcat's "Inserted N rows to table X", in the singular for one row. */
    static String inserted(long rows, String name) {
        return "Inserted " + rows + (rows == 1 ? " row" : " rows") + " to table " + name;
    }

    /** An error of the §1 endpoints: this status, a text/plain body; returns the body. */
    static String refused(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain"), "Content-Type " + type + ": " + r.body());
        assertTrue(!r.body().isBlank(), "an error says what was wrong");
        return r.body();
    }

    /** A sync ADQL query's answer in CSV (user null: anonymous). */
    static HttpResponse<String> sync(String adql, String user, String password) throws IOException, InterruptedException {
        String form = "LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
        return send("POST", "/tap/sync", FORM, form, user, password);
    }

    /** The rows of a sync CSV answer that must succeed, without the header line. */
    static List<String> rows(String adql, String user, String password) throws Exception {
        HttpResponse<String> r = sync(adql, user, password);
        assertEquals(200, r.statusCode(), adql + ": " + r.body());
        List<String> lines = new ArrayList<>(r.body().lines().toList());
        lines.remove(0);
        return lines;
    }

    static long count(String table, String user, String password) throws Exception {
        return Long.parseLong(rows("SELECT COUNT(*) AS n FROM " + table, user, password).get(0).strip());
    }

    /** A value from the database as the owner role (null: no row). */
    static String scalar(String sql, Object... parameters) throws Exception {
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static boolean relationExists(String qualified) throws Exception {
        return Boolean.parseBoolean(scalar("SELECT CAST(to_regclass(?) IS NOT NULL AS text)", qualified));
    }

    /** The value of one key of a permissions text (youcat's format, design §1.7), stripped. */
    static String permission(String permissions, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + key + "=(.*)$").matcher(permissions);
        assertTrue(m.find(), key + " in " + permissions);
        return m.group(1).strip();
    }

    /** Creates a form body from name, value pairs. */
    static String form(String... nameValues) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            params.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return Tap.query(params);
    }

    /**
     * Drops what the users' tests left: each personal table of theirs through DELETE (the path under test),
     * then, should any remain (a test failed half-way, the feature is missing), their schemas with the
     * metadata rows, so that TestUsers can delete the users (archive.tables.owner has no ON DELETE CASCADE).
     */
    static void cleanUp(String password, String... logins) throws Exception {
        for (String login : logins) {
            String schema = schema(login);
            List<String> tables = new ArrayList<>();
            try (Connection c = Archive.connect("OWNER");
                 PreparedStatement s = c.prepareStatement("SELECT t.name FROM archive.tables t"
                     + " JOIN archive.schemas s ON s.id = t.schema_id WHERE s.name = ?")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString("name"));
                    }
                }
            }
            for (String table : tables) {
                send("DELETE", "/tap/tables/" + (table.contains(".") ? table : schema + "." + table), null, (byte[]) null,
                    login, password);
            }
            try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
                Archive.dropScratchSchema(s, schema);
            }
        }
    }
}
