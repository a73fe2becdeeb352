package org.voarchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An async TAP client as a UWS client behaves: redirects not followed, so the 303s can be checked. */
final class Uws {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * A hopelessly long query (a triple cross join), stopped only by ABORT or a time limit. The tag names its
     * last table alias, so that a test finds its own query in pg_stat_activity.
     */
    static String endless(String tag) {
        return "SELECT COUNT(*) FROM demo.bsc5 AS a, demo.bsc5 AS b, demo.bsc5 AS " + tag;
    }

    private final String user;
    private final String password;

    private Uws(String user, String password) {
        this.user = user;
        this.password = password;
    }

    static Uws anonymous() {
        return new Uws(null, null);
    }

    static Uws as(String user, String password) {
        return new Uws(user, password);
    }

    static String list() {
        return Archive.baseUrl() + "/tap/async";
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String url) throws IOException, InterruptedException {
        return HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String url, String... nameValues) throws IOException, InterruptedException {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return HTTP.send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Tap.query(params))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart POST; parts with a file name are uploads. */
    HttpResponse<String> multipart(String url, List<Tap.Part> parts) throws IOException, InterruptedException {
        String boundary = "----uws" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Tap.Part p : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(request(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String url) throws IOException, InterruptedException {
        return HTTP.send(request(url).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a job and returns its URL (the 303's Location). */
    String create(String... nameValues) throws IOException, InterruptedException {
        HttpResponse<String> r = post(list(), nameValues);
        if (r.statusCode() != 303) {
            throw new AssertionError("job creation answered " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** A query job, started at once. */
    String submit(String adql, String... more) throws IOException, InterruptedException {
        List<String> params = new ArrayList<>(List.of("LANG", "ADQL", "QUERY", adql, "PHASE", "RUN"));
        params.addAll(List.of(more));
        return create(params.toArray(String[]::new));
    }

    String phase(String job) throws IOException, InterruptedException {
        return get(job + "/phase").body().trim();
    }

    /** Blocks (WAIT) until the job has left its active phases or the time is up; returns the job document. */
    String awaitEnd(String job, Duration max) throws IOException, InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        String doc = get(job).body();
        while (active(doc) && System.nanoTime() < until) {
            doc = get(job + "?WAIT=" + Math.max(1, Duration.ofNanos(until - System.nanoTime()).toSeconds())).body();
        }
        return doc;
    }

    /** Waits until the job reaches the phase (or a final one). */
    String awaitPhase(String job, String phase, Duration max) throws IOException, InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        String doc = get(job).body();
        while (!phaseOf(doc).equals(phase) && active(doc) && System.nanoTime() < until) {
            doc = get(job + "?WAIT=5").body();
        }
        return doc;
    }

    static boolean active(String doc) {
        return List.of("PENDING", "QUEUED", "EXECUTING").contains(phaseOf(doc));
    }

    static String phaseOf(String doc) {
        return element(doc, "phase");
    }

    static String element(String doc, String name) {
        Matcher m = Pattern.compile("<uws:" + name + ">([^<]*)</uws:" + name + ">").matcher(doc);
        return m.find() ? m.group(1) : "";
    }
}
