package org.voarchive.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against real HTTP servers on loopback: allow-listed fetches, redirects, framing and time limits. */
class PublicUrlFetcherTest {

    private static LoopbackServer server;
    private static LoopbackServer other;

    @BeforeAll
    static void start() throws IOException {
        server = new LoopbackServer(InetAddress.getByName("127.0.0.1"));
        other = new LoopbackServer(InetAddress.getByName("127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        other.close();
    }

    /** Loopback is no public address: the tests reach their server through the allow-list, as the archive reaches itself. */
    private static PublicUrlFetcher fetcher(Duration deadline, long minBytes, Duration window, String... allowed) {
        return new PublicUrlFetcher(new FetchSettings(List.of(allowed), Duration.ofSeconds(2), deadline, minBytes, window));
    }

    private static PublicUrlFetcher fetcher() {
        return fetcher(Duration.ofSeconds(10), 1, Duration.ofSeconds(5), server.url() + "/ok/");
    }

    private static String read(PublicUrlFetcher fetcher, String url) throws IOException {
        try (InputStream in = fetcher.open(URI.create(url))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fetchesAllowListedUrlsWithEitherFraming() throws IOException {
        assertEquals(LoopbackServer.TABLE, read(fetcher(), server.url() + "/ok/table"));
        assertEquals(LoopbackServer.TABLE, read(fetcher(), server.url() + "/ok/chunked"));
        assertEquals("", read(fetcher(), server.url() + "/ok/bytes/0"));
    }

    @Test
    void followsFiveRedirectsButNotSix() throws IOException {
        assertEquals(LoopbackServer.TABLE, read(fetcher(), server.url() + "/ok/hop/5"));
        long arrivals = server.hits().stream().filter(h -> h.equals("/ok/hop/0")).count();
        assertThrows(FetchException.class, () -> read(fetcher(), server.url() + "/ok/hop/6"));
        assertEquals(arrivals, server.hits().stream().filter(h -> h.equals("/ok/hop/0")).count(),
            "the sixth redirect is not followed");
    }

    @Test
    void redirectsOutOfTheAllowListAreRefusedBeforeConnecting() {
        for (String target : List.of(other.url() + "/secret", "http://localhost:" + server.port() + "/secret",
                "http://[::1]:" + server.port() + "/secret", "http://127.0.0.1:" + server.port() + "/ok/../secret")) {
            String url = server.url() + "/ok/to?" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            assertThrows(FetchException.class, () -> read(fetcher(), url), target);
        }
        assertEquals(List.of(), other.hits());
        assertTrue(server.hits().stream().noneMatch(h -> h.startsWith("/secret")), server.hits().toString());
    }

    @Test
    void failuresOfEveryKindAreFetchExceptions() throws IOException {
        assertThrows(FetchException.class, () -> read(fetcher(), server.url() + "/ok/missing"));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertThrows(FetchException.class, () -> read(fetcher(Duration.ofSeconds(5), 1, Duration.ofSeconds(5),
            "http://127.0.0.1:" + closed + "/"), "http://127.0.0.1:" + closed + "/t.csv"));
        try (ServerSocket ssh = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread answer = new Thread(() -> {
                try (Socket s = ssh.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test fails on its own assertion
                }
            });
            answer.start();
            String url = "http://127.0.0.1:" + ssh.getLocalPort() + "/";
            assertThrows(FetchException.class, () -> read(fetcher(Duration.ofSeconds(5), 1, Duration.ofSeconds(5), url), url));
        }
    }

    @Test
    void aDrippingBodyIsAbandonedAtTheMinimumRate() {
        PublicUrlFetcher f = fetcher(Duration.ofSeconds(20), 100, Duration.ofMillis(500), server.url() + "/ok/");
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> read(f, server.url() + "/ok/drip"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "abandoned after " + millis + " ms: " + e.getMessage());
        assertTrue(e.getMessage().contains("slower"), e.getMessage());
    }

    @Test
    void aBodyFastEnoughButEndlessIsAbandonedAtTheDeadline() {
        PublicUrlFetcher f = fetcher(Duration.ofMillis(1500), 100, Duration.ofMillis(500), server.url() + "/ok/");
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> read(f, server.url() + "/ok/trickle"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1400 && millis < 3500, "abandoned after " + millis + " ms: " + e.getMessage());
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void theAddressRuleRefusesEveryNonPublicForm() throws IOException {
        for (String refused : List.of("127.0.0.1", "127.255.0.1", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1",
                "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "224.0.0.1",
                "255.255.255.255", "240.0.0.1", "::1", "::", "fe80::1", "fec0::1", "fd00::1", "fc00::1", "ff02::1",
                "::ffff:127.0.0.1", "::127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1",
                "64:ff9b:1::1", "2002:7f00:1::1", "2001:0:4136:e378::1", "2001:db8::1")) {
            assertTrue(PublicAddresses.refusal(InetAddress.getByName(refused), List.of()).isPresent(), refused);
        }
        for (String allowed : List.of("8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "192.169.0.1",
                "2606:4700:4700::1111", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8")) {
            assertEquals(java.util.Optional.empty(), PublicAddresses.refusal(InetAddress.getByName(allowed), List.of()), allowed);
        }
        InetAddress public8 = InetAddress.getByName("8.8.8.8");
        assertTrue(PublicAddresses.refusal(public8, List.of(public8)).isPresent(), "an address of this machine");
    }

    @Test
    void allowedPrefixesMatchByPartsNotByString() {
        AllowedPrefixes p = new AllowedPrefixes(List.of("http://localhost:8080/tap/", "https://example.org/data/"));
        for (String yes : List.of("http://localhost:8080/tap/sync?QUERY=x", "HTTP://LOCALHOST:8080/tap/async/1/results/result",
                "https://example.org:443/data/t.vot", "https://example.org/data/")) {
            assertTrue(p.matches(URI.create(yes)), yes);
        }
        for (String no : List.of("http://localhost:8080/tapx", "http://localhost:8080/admin", "http://localhost:8080/tap/../admin",
                "http://localhost:8080/tap/%2e%2e/admin", "http://localhost:8080/tap/..;/admin", "http://localhost:8080/tap/..%2fadmin",
                "http://localhost:8080/tap/.%2E/admin", "http://localhost:8080/tap/%5c..%5cadmin", "http://localhost:8081/tap/",
                "https://localhost:8080/tap/", "http://u@localhost:8080/tap/", "http://localhost.evil.org:8080/tap/",
                "http://localhost/tap/", "http://example.org/data/", "https://example.org.evil/data/")) {
            assertEquals(false, p.matches(URI.create(no)), no);
        }
        assertThrows(IllegalArgumentException.class, () -> new AllowedPrefixes(List.of("file:///etc/")));
        assertThrows(IllegalArgumentException.class, () -> new AllowedPrefixes(List.of("localhost:8080/tap/")));
    }
}
