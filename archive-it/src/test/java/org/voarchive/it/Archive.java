package org.voarchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** The archive under test: its base URL (-Darchive.it.baseUrl) and its database (ARCHIVE_DB_* variables). */
final class Archive {

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private Archive() {
    }

    static String baseUrl() {
        String url = System.getProperty("archive.it.baseUrl");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set -Darchive.it.baseUrl to the running archive");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request with an optional JSON body and optional HTTP Basic credentials (user null: anonymous). */
    static HttpResponse<String> send(String method, String path, String json, String user, String password)
            throws IOException, InterruptedException {
        return request(method, path, json == null ? null : "application/json", json, user, password);
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run through deploy/test or source the archive env file");
        }
        return value;
    }

    /**
     * Runs a shell command that deploy/test handed over (ARCHIVE_IT_SERVER_KILL ...) in a new empty
     * directory: a command that only works from some working directory fails here every time, not only
     * on the machines where that directory happens to differ.
     */
    static void shell(String command) throws IOException, InterruptedException {
        java.nio.file.Path nowhere = java.nio.file.Files.createTempDirectory("archive-it-shell");
        try {
            Process p = new ProcessBuilder("bash", "-c", command).directory(nowhere.toFile()).inheritIO().start();
            org.junit.jupiter.api.Assertions.assertEquals(0, p.waitFor(), command);
        } finally {
            java.nio.file.Files.deleteIfExists(nowhere);
        }
    }

    /** A file deploy/test named (the server log ...): an absolute path, or the test fails saying so. */
    static java.nio.file.Path handedFile(String variable) {
        java.nio.file.Path path = java.nio.file.Path.of(env(variable));
        org.junit.jupiter.api.Assertions.assertTrue(path.isAbsolute(), variable + " is not an absolute path: " + path);
        return path;
    }

    /** Removes a test's scratch schema: its tables and its metadata. */
    static void dropScratchSchema(java.sql.Statement owner, String schema) throws SQLException {
        owner.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        owner.execute("DELETE FROM archive.schemas WHERE name = '" + schema + "'");
    }

    /** A new, empty scratch schema for a test (an old one of the name goes first, with its metadata). */
    static void freshScratchSchema(java.sql.Statement owner, String schema) throws SQLException {
        dropScratchSchema(owner, schema);
        owner.execute("CREATE SCHEMA " + schema);
    }

    /**
     * Describes a scratch schema as operators do (discovery through the admin API, as {@code admin}) and
     * publishes it with all its tables (the query role's columns come with publishing, V21).
     */
    static void discoverAndPublish(String schema, String admin, String password) throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(200,
            send("POST", "/admin/metadata/discover?schema=" + schema, null, admin, password).statusCode());
        try (Connection c = connect("OWNER"); java.sql.Statement s = c.createStatement()) {
            s.execute("UPDATE archive.schemas SET published = true WHERE name = '" + schema + "'");
            s.execute("UPDATE archive.tables SET published = true WHERE schema_id = (SELECT id FROM archive.schemas"
                + " WHERE name = '" + schema + "')");
        }
    }

    /** A table's data and metadata access levels, set as operators do: through the admin API. */
    static void accessLevels(String table, String data, String metadata, String admin, String password) throws Exception {
        int version = version(send("GET", "/admin/metadata/tables/" + table, null, admin, password).body());
        HttpResponse<String> set = send("PUT", "/admin/metadata/tables/" + table, "{\"dataAccess\":\"" + data
            + "\",\"metadataAccess\":\"" + metadata + "\",\"version\":" + version + "}", admin, password);
        org.junit.jupiter.api.Assertions.assertEquals(200, set.statusCode(), set.body());
    }

    /** A connection as one of the archive's roles: "OWNER", "APP" or "QUERY". */
    static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(env("ARCHIVE_DB_URL"),
            env("ARCHIVE_DB_" + role + "_USER"), env("ARCHIVE_DB_" + role + "_PASSWORD"));
    }

    /**
     * Creates (or resets) a user with exactly these groups, as deploy/user does: the one place the tests make
     * users, for a class's own users through {@link TestUsers}, which also deletes them again.
     */
    static void user(String name, String password, String... groups) throws SQLException {
        try (Connection c = connect("OWNER")) {
            org.voarchive.security.Users.put(c, name, password.toCharArray(), java.util.List.of(groups));
        }
    }

    /** The "version" an admin API answer gives (optimistic locking). */
    static int version(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no version in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Loads datalink rows from CSV through the admin API (multipart part "file", MODE merge or replace). */
    static HttpResponse<String> loadDatalinks(String csv, String mode, String user, String password)
            throws IOException, InterruptedException {
        return datalinkFile("/admin/datalink", csv, java.util.Map.of("MODE", mode), user, password);
    }

    /** Sends a datalink CSV file (part "file") and these text parts to path, as multipart/form-data. */
    static HttpResponse<String> datalinkFile(String path, String csv, java.util.Map<String, String> fields, String user,
            String password) throws IOException, InterruptedException {
        String boundary = "it-" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data;")
            .append(" name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"links.csv\"\r\n")
            .append("Content-Type: text/csv\r\n\r\n").append(csv).append("\r\n--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any request: a body of the given content type (null: none), HTTP Basic credentials (user null: none)
     * and further headers as name, value, name, value ... (Origin, Referer, a raw Authorization).
     */
    static HttpResponse<String> request(String method, String path, String contentType, String body, String user,
            String password, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The archive's origin (scheme://host:port) as a browser on its pages would send it. */
    static String origin() {
        URI base = URI.create(baseUrl());
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    /** A response read from a raw socket: its status and its whole text (status line, headers, body). */
    record Raw(int status, String text) {

        /** The first value of a header, or null. */
        String header(String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^" + java.util.regex.Pattern.quote(name)
                + ":\\s*(.*?)\\s*$").matcher(text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))));
            return m.find() ? m.group(1) : null;
        }
    }

    /**
     * A request sent from another local address (Linux routes all of 127/8 to loopback), so that the failures a
     * test provokes on purpose count against that address only, not against 127.0.0.1 of the other tests: raw
     * HTTP/1.1 over a socket bound to {@code local}, with a body of the content type given (null: none) and the
     * headers given as name, value .... Skips the test (an assumption) where the archive is not on loopback or
     * the address cannot be bound.
     */
    static Raw from(String local, String method, String path, String contentType, String body, String... headers)
            throws IOException {
        URI base = URI.create(baseUrl());
        org.junit.jupiter.api.Assumptions.assumeTrue(java.net.InetAddress.getByName(base.getHost()).isLoopbackAddress(),
            "the archive under test is not on loopback: requests from " + local + " cannot reach it");
        java.net.InetAddress server = java.net.InetAddress.getByName("127.0.0.1"); // "localhost" may be ::1 first
        int port = base.getPort() < 0 ? 80 : base.getPort();
        try (java.net.Socket socket = new java.net.Socket()) {
            try {
                socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(local), 0));
            } catch (IOException e) {
                org.junit.jupiter.api.Assumptions.assumeTrue(false, "cannot send from " + local + ": " + e);
            }
            socket.connect(new java.net.InetSocketAddress(server, port), 10_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + base.getRawPath() + path + " HTTP/1.1\r\n")
                .append("Host: ").append(server.getHostAddress()).append(':').append(port).append("\r\n");
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ")
                    .append(content.length).append("\r\n");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("HTTP/1.1 "), "response: " + text);
            return new Raw(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
