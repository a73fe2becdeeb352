package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Limits on what callers send: the length of QUERY (archive.tap.query.max-length, 100000 characters by
 * default) for sync queries and async jobs, the size of form bodies (archive.http.form.max-bytes, 1 MiB)
 * and of multipart bodies (archive.http.multipart.max-bytes, unset: twice archive.tap.upload.max-bytes, the
 * upload limit the capabilities declare), and the schemas discovery may publish.
 */
class InputLimitsIT {

    private static final String ADMIN = "it-limits-admin";
    private static final String PASSWORD = "it-limits-secret-1";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_LENGTH = 100_000;

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin");

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            // what a wrongly accepted discovery would have left; never 'tap_schema', whose metadata is the archive's own
            s.execute("DELETE FROM archive.schemas WHERE name IN ('pg_catalog', 'information_schema', 'pg_toast',"
                + " 'pg_temp_1', 'it_limits_nosuch')");
        }
    }

    /** A query of exactly this many characters (trailing spaces). */
    private static String query(int length) {
        String q = "SELECT TOP 1 schema_name FROM tap_schema.schemas";
        return q + " ".repeat(length - q.length());
    }

    private static String form(String query) {
        return "LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static void assertTooLong(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("QUERY_STATUS") && r.body().contains("QUERY has " + (MAX_LENGTH + 1) + " characters")
            && r.body().contains("at most " + MAX_LENGTH), r.body());
    }

    @Test
    void aSyncQueryOverTheLimitIsA400() throws Exception {
        assertTooLong(Archive.request("POST", "/tap/sync", FORM, form(query(MAX_LENGTH + 1)), null, null));
        HttpResponse<String> atTheLimit = Archive.request("POST", "/tap/sync", FORM, form(query(MAX_LENGTH)), null, null);
        assertEquals(200, atTheLimit.statusCode(), atTheLimit.body());
        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        assertTrue(capabilities.contains("at most " + MAX_LENGTH + " characters"), "declared: " + capabilities);
    }

    @Test
    void anAsyncQueryOverTheLimitIsRefusedWhenGiven() throws Exception {
        assertTooLong(Archive.request("POST", "/tap/async", FORM, form(query(MAX_LENGTH + 1)), null, null));
        HttpResponse<String> created = Archive.request("POST", "/tap/async", FORM, form(query(60)), null, null);
        assertEquals(303, created.statusCode(), created.body());
        String job = created.headers().firstValue("Location").orElseThrow();
        String path = job.substring(job.indexOf("/tap/async/"));
        String longQuery = "QUERY=" + URLEncoder.encode(query(MAX_LENGTH + 1), StandardCharsets.UTF_8);
        assertTooLong(Archive.request("POST", path + "/parameters", FORM, longQuery, null, null));
        assertTooLong(Archive.request("POST", path, FORM, longQuery, null, null));
        String parameters = Archive.send("GET", path + "/parameters", null, null, null).body();
        assertTrue(parameters.contains("SELECT TOP 1 schema_name") && parameters.length() < MAX_LENGTH,
            "the job kept its query: " + parameters.length() + " characters");
        assertEquals(303, Archive.send("DELETE", path, null, null, null).statusCode());
    }

    @Test
    void aFormBodyOverItsCapIsA413() throws Exception {
        // with Expect: 100-continue, as curl sends large bodies: the server answers before the body is sent, so
        // the refusal reaches the client instead of a connection closed under a body it will not read
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Archive.baseUrl() + "/tap/sync")).expectContinue(true).header("Content-Type", FORM)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form("x".repeat(1_100_000)))).build();
        HttpResponse<String> r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("at most 1048576 bytes"), r.body());
    }

    /** The default cap of a multipart body: twice the declared upload limit (deploy/test sets no other). */
    private static long multipartCap() throws Exception {
        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<uploadLimit>\\s*<hard unit=\"byte\">(\\d+)</hard>")
            .matcher(capabilities);
        assertTrue(m.find(), "no uploadLimit declared: " + capabilities);
        return 2 * Long.parseLong(m.group(1));
    }

    @Test
    void aMultipartBodyDeclaredOverItsCapIsA413BeforeItIsSent() throws Exception {
        String boundary = "it-limits-boundary";
        long length = multipartCap() + 1;
        // a body of that length is never made: with Expect: 100-continue the refusal comes before it is asked for
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Archive.baseUrl() + "/tap/async")).expectContinue(true)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(java.net.http.HttpRequest.BodyPublishers
                .ofInputStream(() -> new java.io.InputStream() {
                    private long left = length;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }
                }), length)).build();
        HttpResponse<String> r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("QUERY_STATUS") && r.body().contains("has " + length + " bytes")
            && r.body().contains("at most " + (length - 1) + " bytes in one multipart request"), r.body());
    }

    /**
     * A chunked body (no Content-Length) is counted as it is read: the 413 comes at the first byte over the
     * cap, while the client is still sending. Raw HTTP/1.1, with the answer read on another thread while the
     * body is written, because the server may close the connection under a body it will not read.
     */
    @Test
    void aChunkedMultipartBodyIsRefusedWhenItPassesTheCap() throws Exception {
        long cap = multipartCap();
        java.net.URI base = java.net.URI.create(Archive.baseUrl());
        int port = base.getPort() < 0 ? 80 : base.getPort();
        String boundary = "it-limits-chunked";
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), port)) {
            socket.setSoTimeout(120_000);
            java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            out.write(("POST " + base.getRawPath() + "/tap/sync HTTP/1.1\r\nHost: " + base.getRawAuthority() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // what arrived before the connection ended, also when it ends with a reset (unread body bytes)
            java.util.concurrent.CompletableFuture<String> answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    java.io.InputStream in = socket.getInputStream();
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        received.write(buffer, 0, n);
                    }
                } catch (java.io.IOException e) {
                    // the answer so far is what counts
                }
                return received.toString(StandardCharsets.ISO_8859_1);
            });
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"t\"; filename=\"t.vot\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) 'x');
            long sent = 0;
            try {
                writeChunk(out, head);
                sent += head.length;
                while (sent <= cap + chunk.length && !answer.isDone()) {
                    writeChunk(out, chunk);
                    sent += chunk.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // the end, should the server read on to it
                out.flush();
            } catch (java.io.IOException e) {
                // the server hung up under the rest of the body: its answer is what counts
            }
            String response = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(response.startsWith("HTTP/1.1 413 "), "after " + sent + " bytes: " + response);
            assertTrue(response.contains("QUERY_STATUS") && response.contains("more than " + cap + " bytes"),
                response);
            assertTrue(sent > cap, "refused after " + sent + " bytes, before the cap");
        }
        assertEquals(200, Archive.get("/tap/availability").statusCode(), "the server goes on");
    }

    private static void writeChunk(java.io.OutputStream out, byte[] data) throws java.io.IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void discoveryRefusesSystemSchemasAndSchemasThatDoNotExist() throws Exception {
        for (String schema : List.of("pg_catalog", "information_schema", "archive", "tap_schema", "pg_toast", "pg_temp_1",
                "it_limits_nosuch")) {
            HttpResponse<String> r = Archive.send("POST", "/admin/metadata/discover?schema=" + schema, null, ADMIN, PASSWORD);
            assertEquals(400, r.statusCode(), schema + ": " + r.body());
            assertTrue(r.body().contains("\"field\":\"schema\"") && r.body().contains(schema), r.body());
        }
        assertTrue(Archive.send("POST", "/admin/metadata/discover?schema=it_limits_nosuch", null, ADMIN, PASSWORD).body()
            .contains("there is no schema"));
        assertTrue(Archive.send("POST", "/admin/metadata/discover?schema=pg_catalog", null, ADMIN, PASSWORD).body()
            .contains("PostgreSQL system schema"));
        assertEquals(404, Archive.send("GET", "/admin/metadata/schemas/pg_catalog", null, ADMIN, PASSWORD).statusCode(),
            "nothing was recorded");
    }
}
