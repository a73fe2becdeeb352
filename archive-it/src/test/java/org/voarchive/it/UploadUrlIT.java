package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TAP uploads by URL are no way into this machine: a listener on a free
 * loopback port stands for anything local (the Payara admin API, a database,
 * cloud metadata), and the archive is asked to upload from it by every local
 * form of its address. It must record no request, and every answer must be the
 * same 400, so that errors do not tell what listens where. The archive's own
 * {@code /tap/} stays fetchable through the operator's allow-list (deploy/test
 * exports ARCHIVE_TAP_UPLOAD_ALLOWED_URL_PREFIXES=base URL + /tap/).
 */
class UploadUrlIT {

    private static final String TABLE = "hr\n1\n2\n";
    private static final Pattern STATUS = Pattern.compile("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">([^<]*)</INFO>");

    private static HttpServer listener;
    private static final List<String> HITS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void listen() throws Exception {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        listener.createContext("/", exchange -> {
            HITS.add(exchange.getRequestURI().toString());
            byte[] body = TABLE.getBytes(StandardCharsets.UTF_8); // a valid table: a fetch would make the query succeed
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
    }

    @AfterAll
    static void stop() {
        listener.stop(0);
    }

    private static List<Map.Entry<String, String>> query(String url) {
        return List.of(Map.entry("LANG", "ADQL"), Map.entry("QUERY", "SELECT COUNT(*) AS n FROM TAP_UPLOAD.t"),
            Map.entry("UPLOAD", "t," + url), Map.entry("RESPONSEFORMAT", "csv"));
    }

    @Test
    void everyLocalFormOfALocalListenerIsRefusedAlikeAndNeverReached() throws Exception {
        int port = listener.getAddress().getPort();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        List<String> urls = new ArrayList<>();
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f000001", "0177.0.0.1", "127.1",
                "0.0.0.0", "[::ffff:127.0.0.1]", "[::127.0.0.1]", "evil@127.0.0.1", "evil:secret@localhost")) {
            urls.add("http://" + host + ":" + port + "/t.csv");
        }
        urls.add("https://127.0.0.1:" + port + "/t.csv");
        urls.add("http://127.0.0.1:" + closed + "/t.csv"); // a closed port answers as an open one does
        urls.add("http://127.0.0.1:4848/management/domain"); // Payara's admin API
        urls.add("http://169.254.169.254/latest/meta-data/");
        urls.add("http://10.0.0.1/t.csv");
        urls.add("http://[fd00::1]/t.csv");
        // the archive's own URL, but not under the allow-listed /tap/: dot segments (UPLOAD's ';' separates tables,
        // so a path parameter can only come encoded) and another name of the host
        urls.add(Archive.baseUrl() + "/tap/..%3b/files/t.csv");
        urls.add(Archive.baseUrl() + "/tap/%2e%2e/files/t.csv");
        if (Archive.baseUrl().contains("//localhost:")) {
            urls.add(Archive.baseUrl().replace("//localhost:", "//127.0.0.1:") + "/tap/sync?LANG=ADQL&QUERY=SELECT+1");
        }
        for (String url : urls) {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = Tap.get(query(url));
            String doc = Tap.text(r);
            assertEquals(400, r.statusCode(), url + ": " + doc);
            Matcher m = STATUS.matcher(doc);
            assertTrue(m.find(), doc);
            // refused as a URL form before any fetch (no host name, user information), or else one message for
            // every network reason, so that the answer says nothing of what listens where
            String message = unescape(m.group(1));
            assertTrue(message.equals("UPLOAD t: could not fetch " + url) || message.startsWith("UPLOAD t: '" + url + "' is not"),
                "one message for every reason: " + message);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, url + " took its time");
        }
        assertEquals(List.of(), HITS, "the local listener was reached");
    }

    @Test
    void anAsyncJobRefusesAlike() throws Exception {
        String url = "http://localhost:" + listener.getAddress().getPort() + "/t.csv";
        Uws uws = Uws.anonymous();
        String job = uws.submit("SELECT COUNT(*) AS n FROM TAP_UPLOAD.t", "UPLOAD", "t," + url);
        String doc = uws.awaitEnd(job, Duration.ofSeconds(60));
        assertEquals("ERROR", Uws.phaseOf(doc), doc);
        String error = uws.get(job + "/error").body();
        assertTrue(error.contains("UPLOAD t: could not fetch " + url), error);
        assertEquals(List.of(), HITS, "the local listener was reached");
    }

    @Test
    void theArchivesOwnTapResultsStayFetchableThroughTheAllowList() throws Exception {
        String own = Archive.baseUrl() + "/tap/sync?" + Tap.query(List.of(Map.entry("LANG", "ADQL"),
            Map.entry("QUERY", "SELECT TOP 3 hr FROM demo.bsc5"), Map.entry("RESPONSEFORMAT", "votable")));
        HttpResponse<byte[]> r = Tap.get(query(own));
        assertEquals(200, r.statusCode(), "run the archive with ARCHIVE_TAP_UPLOAD_ALLOWED_URL_PREFIXES="
            + Archive.baseUrl() + "/tap/ (deploy/test does): " + Tap.text(r));
        assertEquals(List.of("n", "3"), Tap.text(r).lines().toList());
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
            .replace("&amp;", "&");
    }
}
