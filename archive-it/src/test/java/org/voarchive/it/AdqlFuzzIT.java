package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * "A client error is never a 5xx": mutated ADQL posted to /tap/sync (fixed seed,
 * bounded by count and time), and a fixed list of inputs that were once answered
 * with a 5xx. Every failure prints the offending request so it can be replayed.
 *
 * <p>System properties: archive.fuzz.seed (default 20240611), archive.fuzz.count
 * (default 1500), archive.fuzz.seconds (default 60; 0 for no time limit) and
 * archive.fuzz.report (a file for the status histogram and the failures; default
 * target/adql-fuzz-report.txt), used by bench/adql-fuzz for long runs.
 */
class AdqlFuzzIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    private record Answer(int status, String body) {
        String firstLine() {
            String text = body.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    private static String form(String... pairs) {
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            encoded.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", encoded);
    }

    private static Answer post(String path, String form) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + path))
            .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    private static Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(Archive.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    private static Answer query(String adql, String... more) throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>(List.of("LANG", "ADQL", "QUERY", adql, "MAXREC", "20"));
        pairs.addAll(List.of(more));
        return post("/tap/sync", form(pairs.toArray(String[]::new)));
    }

    /** Java string syntax, so that NULs and other controls show and the query can be pasted back. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Test
    void mutatedQueriesAreNeverAnsweredWithA5xx() throws Exception {
        long seed = Long.getLong("archive.fuzz.seed", 20240611L);
        int count = Integer.getInteger("archive.fuzz.count", 1500);
        int seconds = Integer.getInteger("archive.fuzz.seconds", 60);
        Path report = Path.of(System.getProperty("archive.fuzz.report", "target/adql-fuzz-report.txt"));
        AdqlFuzzer fuzzer = new AdqlFuzzer(seed, AdqlFuzzer.corpus());
        long deadline = seconds <= 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        Map<Integer, Integer> histogram = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (; sent < count && System.nanoTime() < deadline; sent++) {
            String adql = fuzzer.next();
            Answer a;
            try {
                a = query(adql);
            } catch (IOException e) {
                histogram.merge(-1, 1, Integer::sum); // no answer at all: as bad as a 5xx
                failures.add("no answer (" + e + ") for input " + sent + ": " + quoted(adql));
                continue;
            }
            histogram.merge(a.status(), 1, Integer::sum);
            if (a.status() >= 500) {
                failures.add("HTTP " + a.status() + " for input " + sent + ": " + quoted(adql) + "\n    " + a.firstLine());
            }
        }
        StringBuilder text = new StringBuilder("# ADQL fuzz: seed " + seed + ", " + sent + " inputs\n");
        histogram.forEach((status, n) -> text.append("status\t").append(status).append('\t').append(n).append('\n'));
        failures.forEach(f -> text.append("failure\t").append(f.replace("\n", " ")).append('\n'));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.println("ADQL fuzz: seed " + seed + ", " + sent + " inputs, statuses " + histogram);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + sent + " inputs (seed " + seed + ") got a 5xx or no answer:\n"
                + String.join("\n", failures.subList(0, Math.min(50, failures.size()))));
        }
    }

    /** Inputs a fuzz run once answered with a 5xx: each is the client's error (or valid), never the server's. */
    @Test
    void knownClientErrorsAre4xx() throws Exception {
        List<String> adql = List.of(
            "SELECT REGION('Circle ICRS 1 2 3') FROM demo.bsc5",
            "SELECT TOP 1 CENTROID(POLYGON(0, 0, 1, 0, 1, 1)) FROM demo.bsc5",
            "SELECT TOP 1 RAND(ra) FROM demo.bsc5",
            "SELECT hr FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 10, -1))",
            "SELECT hr FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 10, 91))",
            "SELECT hr FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(ra, dec, vmag * 100))",
            "SELECT TOP 1 POLYGON(1, 1, 1, 1, 1, 1) FROM demo.bsc5",
            "SELECT TOP 1 POLYGON(0, 0, 10, 0, 20, 0) FROM demo.bsc5",
            "SELECT TOP 1 POLYGON(ra, dec, ra, dec, ra, dec) FROM demo.bsc5",
            "SELECT TOP 1 BOX(0, 0, 0, 0) FROM demo.bsc5",
            "SELECT hr FROM demo.bsc5 WHERE name = 'a\u0000b'",
            "SELECT \"h\u0000r\" FROM demo.bsc5",
            "SELECT TOP 1 1/0 FROM demo.bsc5",
            "SELECT TOP 1 LOG(-1) FROM demo.bsc5",
            "SELECT TOP 1 CAST('x' AS INTEGER) FROM demo.bsc5",
            "SELECT TOP 1 (SELECT hr FROM demo.bsc5) FROM demo.bsc5");
        List<String> wrong = new ArrayList<>();
        for (String q : adql) {
            Answer a = query(q);
            if (a.status() < 400 || a.status() >= 500) {
                wrong.add("HTTP " + a.status() + " for " + quoted(q) + ": " + a.firstLine());
            }
        }
        Map<String, Answer> requests = new java.util.LinkedHashMap<>();
        requests.put("RESPONSEFORMAT=text/csv;x", query("SELECT TOP 1 hr FROM demo.bsc5", "RESPONSEFORMAT", "text/csv;x"));
        requests.put("UPLOAD=t,http:x", query("SELECT * FROM TAP_UPLOAD.t", "UPLOAD", "t,http:x"));
        requests.put("UPLOAD=t,http://:80/", query("SELECT * FROM TAP_UPLOAD.t", "UPLOAD", "t,http://:80/"));
        requests.put("datalink ID=a%00b", get("/datalink/links?ID=a%00b"));
        requests.put("async DESTRUCTION=-999999999-01-01T00:00:00Z", post("/tap/async", form("LANG", "ADQL",
            "QUERY", "SELECT TOP 1 hr FROM demo.bsc5", "DESTRUCTION", "-999999999-01-01T00:00:00Z")));
        requests.put("async DESTRUCTION=+999999999-12-31T23:59:59Z", post("/tap/async", form("LANG", "ADQL",
            "QUERY", "SELECT TOP 1 hr FROM demo.bsc5", "DESTRUCTION", "+999999999-12-31T23:59:59Z")));
        requests.put("upload with a duplicate column", upload("<FIELD name=\"a\" datatype=\"int\"/><FIELD name=\"A\" "
            + "datatype=\"int\"/>", "<TR><TD>1</TD><TD>2</TD></TR>"));
        requests.put("upload with a system column name", upload("<FIELD name=\"ctid\" datatype=\"int\"/>",
            "<TR><TD>1</TD></TR>"));
        String long63 = "c".repeat(63);
        requests.put("upload with names equal in 63 bytes", upload("<FIELD name=\"" + long63 + "1\" datatype=\"int\"/>"
            + "<FIELD name=\"" + long63 + "2\" datatype=\"int\"/>", "<TR><TD>1</TD><TD>2</TD></TR>"));
        requests.put("upload with an unreadable value", upload("<FIELD name=\"t\" datatype=\"char\" arraysize=\"*\" "
            + "xtype=\"timestamp\"/>", "<TR><TD>not a time</TD></TR>"));
        requests.forEach((what, a) -> {
            if (a.status() < 400 || a.status() >= 500) {
                wrong.add("HTTP " + a.status() + " for " + what + ": " + a.firstLine());
            }
        });

        // valid, though no pg_sphere circle is that large: answered, not a 5xx
        for (String sr : List.of("90", "120", "180")) {
            Answer a = get("/scs/demo/bsc5?RA=10&DEC=20&SR=" + sr + "&MAXREC=5");
            if (a.status() != 200) {
                wrong.add("HTTP " + a.status() + " for cone search SR=" + sr + ": " + a.firstLine());
            }
        }
        Answer wide = query("SELECT TOP 5 hr FROM demo.bsc5 WHERE DISTANCE(POINT(ra, dec), POINT(10, 20)) < 120");
        if (wide.status() != 200) {
            wrong.add("HTTP " + wide.status() + " for DISTANCE < 120: " + wide.firstLine());
        }
        // a tampered resumption token is OAI-PMH's badResumptionToken (in a 200 document), not a 5xx
        Answer oai = get("/oai?verb=ListRecords&resumptionToken=" + URLEncoder.encode(
            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "2\noai_dc\n\nnot-a-date\n\n0\nx\n0\n0".getBytes(StandardCharsets.UTF_8)) + ".AAAA", StandardCharsets.UTF_8));
        if (oai.status() >= 500 || !oai.body().contains("badResumptionToken")) {
            wrong.add("HTTP " + oai.status() + " for a tampered resumptionToken: " + oai.firstLine());
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Non-ASCII in a GET query string arrives as the UTF-8 the client sent. */
    @Test
    void nonAsciiGetParametersAreUtf8() throws Exception {
        String text = "\u00e9t\u00e9 \u4e2d \u2600";
        Answer a = get("/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY=" + URLEncoder.encode(
            "SELECT TOP 1 '" + text + "' AS x FROM demo.bsc5", StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.firstLine());
        assertTrue(a.body().contains(text), a.body());
    }

    private static Answer upload(String fields, String rows) throws IOException, InterruptedException {
        String votable = "<?xml version=\"1.0\"?><VOTABLE version=\"1.3\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
            + "<RESOURCE><TABLE>" + fields + "<DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        HttpResponse<byte[]> r = Tap.multipart(List.of(Tap.Part.field("LANG", "ADQL"),
            Tap.Part.field("QUERY", "SELECT * FROM TAP_UPLOAD.t"), Tap.Part.field("UPLOAD", "t,param:t"),
            new Tap.Part("t", "t.vot", votable.getBytes(StandardCharsets.UTF_8))));
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }
}
