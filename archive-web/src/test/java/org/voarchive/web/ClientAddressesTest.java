package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.web.ClientAddresses.Block;

class ClientAddressesTest {

    private static final List<Block> NONE = List.of();
    private static final List<Block> PROXIES = Block.parseList("10.0.0.0/8, 192.0.2.7 2001:db8:ffff::/48,::1");

    private static String client(String peer, List<String> xff, List<String> forwarded, List<Block> trusted) {
        return ClientAddresses.client(peer, xff, forwarded, trusted);
    }

    @Test
    void headersFromAPeerThatIsNoTrustedProxyAreIgnored() {
        assertEquals("203.0.113.9", client("203.0.113.9", List.of("198.51.100.1"), List.of("for=198.51.100.2"), NONE));
        assertEquals("203.0.113.9", client("203.0.113.9", List.of("198.51.100.1"), List.of(), PROXIES));
        assertEquals("203.0.113.9", client("203.0.113.9", List.of(), List.of("for=198.51.100.2"), PROXIES));
        // the default (no proxies): even loopback's headers are not believed
        assertEquals("127.0.0.1", client("127.0.0.1", List.of("198.51.100.1"), List.of(), NONE));
    }

    @Test
    void aTrustedProxyTellsTheRightMostUntrustedAddress() {
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("198.51.100.1"), List.of(), PROXIES));
        // what the client wrote itself is left of what the proxy appended, and is never used
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("6.6.6.6, 198.51.100.1"), List.of(), PROXIES));
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("6.6.6.6", "198.51.100.1"), List.of(), PROXIES),
            "several header lines are one list");
        // a chain of trusted proxies is walked through
        assertEquals("198.51.100.1", client("192.0.2.7", List.of("6.6.6.6,198.51.100.1, 10.9.9.9"), List.of(), PROXIES));
        // a port some load balancers add
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("198.51.100.1:4711"), List.of(), PROXIES));
    }

    @Test
    void aTrustedProxyWithoutHeaderOrOnlyProxiesInIt() {
        assertEquals("10.1.2.3", client("10.1.2.3", List.of(), List.of(), PROXIES));
        assertEquals("10.0.0.1", client("10.1.2.3", List.of("10.0.0.1, 10.0.0.2"), List.of(), PROXIES));
    }

    @Test
    void ipv6() {
        assertEquals("2001:db8:1:2:0:0:0:5", client("::1", List.of("2001:db8:1:2::5"), List.of(), PROXIES));
        assertEquals("2001:db8:1:2:0:0:0:5", client("2001:db8:ffff:7::1", List.of("[2001:db8:1:2::5]:443"), List.of(),
            PROXIES));
        assertEquals("198.51.100.1", client("0:0:0:0:0:0:0:1", List.of("::ffff:198.51.100.1"), List.of(), PROXIES),
            "an IPv4-mapped address is the IPv4 address");
        assertEquals("2001:db8:1:0:0:0:0:1", client("2001:db8:1::1", List.of("198.51.100.1"), List.of(), PROXIES),
            "outside the trusted /48");
        // a proxy on the IPv4 side of a dual-stack socket is still trusted
        assertEquals("198.51.100.1", client("::ffff:10.1.2.3", List.of("198.51.100.1"), List.of(), PROXIES));
    }

    @Test
    void forwardedIsReadWhenThereIsNoXForwardedFor() {
        assertEquals("198.51.100.1", client("10.1.2.3", List.of(),
            List.of("for=6.6.6.6;proto=https, For=198.51.100.1;by=10.1.2.3"), PROXIES));
        assertEquals("2001:db8:1:2:0:0:0:5", client("10.1.2.3", List.of(),
            List.of("for=\"[2001:db8:1:2::5]:4711\";proto=https"), PROXIES));
        assertEquals("198.51.100.1", client("10.1.2.3", List.of(),
            List.of("for=\"6.6.6.6, for=7.7.7.7\"", "for=198.51.100.1"), PROXIES), "a comma inside quotes");
        // X-Forwarded-For, which the usual proxies append to, wins over a Forwarded the client may have sent
        assertEquals("198.51.100.1", client("10.1.2.3", List.of("198.51.100.1"), List.of("for=6.6.6.6"), PROXIES));
    }

    @Test
    void garbageEndsTheWalkWithThePeer() {
        for (String bad : List.of("", "unknown", "_hidden", "evil.example", "1.2.3", "256.1.1.1", "010.1.1.1",
                "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "[::1", "1.2.3.4 5.6.7.8", "\u0000", "localhost")) {
            assertEquals("10.1.2.3", client("10.1.2.3", List.of("198.51.100.1, " + bad), List.of(), PROXIES), bad);
            assertEquals("10.1.2.3", client("10.1.2.3", List.of(), List.of("for=\"" + bad + "\""), PROXIES), bad);
        }
        assertEquals("10.1.2.3", client("10.1.2.3", List.of(), List.of("proto=https"), PROXIES), "no for=");
        assertEquals("10.1.2.3", client("10.1.2.3", List.of(",,,"), List.of(), PROXIES));
    }

    @Test
    void namesAreNeverResolved() {
        assertTrue(ClientAddresses.literal("localhost").isEmpty());
        assertTrue(ClientAddresses.literal("example.org").isEmpty());
        assertTrue(ClientAddresses.literal("1.2.3.4.nip.io").isEmpty());
        assertEquals("192.0.2.1", ClientAddresses.literal("192.0.2.1").orElseThrow().getHostAddress());
    }

    @Test
    void blocks() throws Exception {
        Block b = Block.parse("10.128.0.0/9");
        assertTrue(b.contains(InetAddress.getByName("10.200.1.1")));
        assertFalse(b.contains(InetAddress.getByName("10.1.1.1")));
        assertTrue(Block.parse("10.0.0.0/8").contains(InetAddress.getByName("::ffff:0a01:0101")), "mapped addresses are IPv4");
        assertTrue(Block.parse("::ffff:10.0.0.0/104").contains(InetAddress.getByName("10.3.3.3")));
        assertTrue(Block.parse("0.0.0.0/0").contains(InetAddress.getByName("198.51.100.1")));
        assertFalse(Block.parse("0.0.0.0/0").contains(InetAddress.getByName("2001:db8::1")));
        assertTrue(Block.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.7")));
        assertFalse(Block.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.8")));
        assertTrue(Block.parse("::ffff:192.0.2.7").contains(InetAddress.getByName("192.0.2.7")));
        assertEquals(List.of(), Block.parseList("  "));
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "::/129", "::ffff:0.0.0.0/95")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Block.parseList(bad), bad);
            assertTrue(e.getMessage().startsWith("archive.http.trusted-proxies"), e.getMessage());
        }
    }
}
