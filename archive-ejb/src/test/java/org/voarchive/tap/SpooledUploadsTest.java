package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliException;
import org.voarchive.fetch.FetchSettings;
import org.voarchive.fetch.LoopbackServer;
import org.voarchive.fetch.PublicUrlFetcher;

/**
 * Uploads spooled before the query's connection, against real servers on this
 * machine: every URL that must not be fetched answers the one message and
 * never reaches a server; allow-listed URLs are fetched; the byte limit holds
 * for fetched bodies as for multipart parts; no temporary file is left.
 */
class SpooledUploadsTest {

    private static LoopbackServer v4;
    private static LoopbackServer v6;
    private static LoopbackServer unlisted;
    private static LoopbackServer own;
    private static PublicUrlFetcher fetcher;

    @BeforeAll
    static void start() throws IOException {
        v4 = new LoopbackServer(InetAddress.getByName("127.0.0.1"));
        unlisted = new LoopbackServer(InetAddress.getByName("127.0.0.1"));
        v6 = bind(InetAddress.getByName("::1")); // null where the machine has no IPv6 loopback
        own = bind(Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLoopbackAddress() && a instanceof Inet4Address)
            .findFirst().orElse(null));
        // only the v4 server's /ok/ is allow-listed, the way a deployment lists its own /tap/
        fetcher = new PublicUrlFetcher(new FetchSettings(List.of(v4.url() + "/ok/"), Duration.ofSeconds(2),
            Duration.ofSeconds(3), 100, Duration.ofMillis(500)));
    }

    private static LoopbackServer bind(InetAddress address) {
        try {
            return address == null ? null : new LoopbackServer(address);
        } catch (IOException e) {
            return null;
        }
    }

    @AfterAll
    static void stop() {
        Stream.of(v4, v6, unlisted, own).filter(s -> s != null).forEach(LoopbackServer::close);
    }

    private static SpooledUploads spool(String url, long maxBytes) throws DaliException, IOException {
        return SpooledUploads.spool(List.of(new Upload("t", null, URI.create(url))), UploadSource.NONE, fetcher, maxBytes);
    }

    /** The one answer to a URL that could not be fetched, whatever the reason. */
    private static void assertNotFetched(String url) throws IOException {
        long files = temporaryFiles();
        DaliException e = assertThrows(DaliException.class, () -> spool(url, 1_000_000).close(), url);
        assertEquals(400, e.status(), url);
        assertEquals("UPLOAD t: could not fetch " + url, e.getMessage());
        assertEquals(files, temporaryFiles(), "no temporary file left by " + url);
    }

    private static long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("tap-upload-")).count();
        }
    }

    @Test
    void everyLocalFormIsRefusedWithTheSameMessageAndReachesNoServer() throws IOException {
        int p = v4.port();
        List<String> refused = new ArrayList<>(List.of(
            "http://127.0.0.1:" + p + "/secret",
            "http://localhost:" + p + "/secret",
            "http://LOCALHOST:" + p + "/ok/table", // the allow-list names 127.0.0.1, not every name of it
            "http://2130706433:" + p + "/secret",
            "http://0x7f000001:" + p + "/secret",
            "http://0177.0.0.1:" + p + "/secret",
            "http://127.1:" + p + "/secret",
            "http://0.0.0.0:" + p + "/secret",
            "http://[::ffff:127.0.0.1]:" + p + "/secret",
            "http://[::ffff:7f00:1]:" + p + "/secret",
            "http://[::127.0.0.1]:" + p + "/secret",
            "http://evil@127.0.0.1:" + p + "/ok/table", // user information, even on an allow-listed URL
            "http://127.0.0.1:" + p + "@example.org/secret",
            "http://10.0.0.1:" + p + "/secret",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00::1]:" + p + "/secret",
            "http://100.64.0.1:" + p + "/secret",
            "https://127.0.0.1:" + p + "/secret",
            "http://127.0.0.1:" + unlisted.port() + "/ok/table",
            // an allow-listed URL that redirects to a loopback port the list does not name
            v4.url() + "/ok/to?" + URLEncoder.encode(unlisted.url() + "/secret", StandardCharsets.UTF_8),
            v4.url() + "/ok/to?" + URLEncoder.encode("http://localhost:" + p + "/secret", StandardCharsets.UTF_8)));
        if (v6 != null) {
            refused.add("http://[::1]:" + v6.port() + "/secret");
            refused.add("http://[0:0:0:0:0:0:0:1]:" + v6.port() + "/secret");
        }
        if (own != null) {
            refused.add(own.url() + "/secret"); // this machine's own interface address
        }
        int before = v4.hits().size();
        for (String url : refused) {
            assertNotFetched(url);
        }
        List<String> hits = v4.hits().subList(before, v4.hits().size());
        assertTrue(hits.stream().allMatch(h -> h.startsWith("/ok/to?")), "only the allow-listed redirects: " + hits);
        assertEquals(List.of(), unlisted.hits());
        assertEquals(List.of(), v6 == null ? List.of() : v6.hits());
        assertEquals(List.of(), own == null ? List.of() : own.hits());
    }

    @Test
    void failuresOfAllowListedUrlsGetTheSameMessage() throws IOException {
        assertNotFetched(v4.url() + "/ok/missing");
        assertNotFetched(v4.url() + "/ok/hop/6");
        assertNotFetched(v4.url() + "/ok/drip");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertNotFetched("http://127.0.0.1:" + closed + "/ok/table");
    }

    @Test
    void allowListedUrlsAreSpooledAndDeletedOnClose() throws Exception {
        Path file;
        try (SpooledUploads spooled = spool(v4.url() + "/ok/chunked", 1_000_000)) {
            assertEquals(1, spooled.files().size());
            assertEquals("t", spooled.files().get(0).name());
            file = spooled.files().get(0).file();
            assertEquals(LoopbackServer.TABLE, Files.readString(file));
        }
        assertTrue(Files.notExists(file));
    }

    @Test
    void theByteLimitCountsFetchedBodiesAndPartsTogether() throws IOException {
        long files = temporaryFiles();
        DaliException alone = assertThrows(DaliException.class, () -> spool(v4.url() + "/ok/bytes/5000", 1000).close());
        assertEquals(400, alone.status());
        assertEquals("UPLOAD t: the uploads of this request exceed the limit of 1000 bytes", alone.getMessage());
        UploadSource part = name -> Optional.of(new ByteArrayInputStream(new byte[600]));
        DaliException together = assertThrows(DaliException.class, () -> SpooledUploads.spool(List.of(
            new Upload("p", "part", null), new Upload("u", null, URI.create(v4.url() + "/ok/bytes/600"))),
            part, fetcher, 1000).close());
        assertEquals("UPLOAD u: the uploads of this request exceed the limit of 1000 bytes", together.getMessage());
        assertEquals(files, temporaryFiles());
        DaliException missing = assertThrows(DaliException.class, () -> SpooledUploads.spool(
            List.of(new Upload("p", "nothing", null)), UploadSource.NONE, fetcher, 1000).close());
        assertTrue(missing.getMessage().contains("no such multipart part"), missing.getMessage());
    }
}
