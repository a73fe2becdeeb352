package org.voarchive.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

/** TAP requests as clients send them: GET, form POST and multipart POST; results read back with STIL. */
final class Tap {

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private Tap() {
    }

    /** A part of a multipart request; with a file name it is an upload. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String query(List<Map.Entry<String, String>> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach(e -> q.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        return q.toString();
    }

    static HttpResponse<byte[]> get(List<Map.Entry<String, String>> params) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + "/tap/sync?" + query(params)))
            .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(List<Map.Entry<String, String>> params) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + "/tap/sync")).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(query(params))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> multipart(List<Part> parts) throws IOException, InterruptedException {
        return multipart("/tap/sync", parts);
    }

    /** A multipart POST to another path that takes TAP's parameters and uploads (the portal's ADQL check). */
    static HttpResponse<byte[]> multipart(String path, List<Part> parts) throws IOException, InterruptedException {
        String boundary = "----tap" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\nContent-Type: application/x-votable+xml")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A streaming GET whose body the caller may abandon part-way. */
    static HttpResponse<InputStream> stream(List<Map.Entry<String, String>> params) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + "/tap/sync?" + query(params)))
            .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** @param format STIL's input handler: votable, fits, csv or parquet */
    static StarTable table(byte[] body, String format) throws IOException {
        if (!format.equals("parquet")) {
            return new StarTableFactory(true).makeStarTable(new ByteArrayDataSource("result", body), format);
        }
        // STIL reads Parquet from files only (its reader seeks): the rows are copied out before the file goes
        java.nio.file.Path file = java.nio.file.Files.createTempFile("result", ".parquet");
        try {
            java.nio.file.Files.write(file, body);
            return uk.ac.starlink.table.StoragePolicy.PREFER_MEMORY.copyTable(new StarTableFactory(true)
                .makeStarTable(new uk.ac.starlink.util.FileDataSource(file.toFile()), format));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
