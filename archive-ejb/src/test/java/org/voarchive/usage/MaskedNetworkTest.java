package org.voarchive.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskedNetworkTest {

    @Test
    void ipv4KeepsItsSlash24() {
        assertEquals("192.0.2.0/24", MaskedNetwork.of("192.0.2.77"));
        assertEquals("127.0.0.0/24", MaskedNetwork.of("127.0.0.1"));
    }

    @Test
    void ipv6KeepsItsSlash48() {
        assertEquals("2001:db8:1::/48", MaskedNetwork.of("2001:db8:1:2:3:4:5:6"));
        assertEquals("2001:db8:1::/48", MaskedNetwork.of("[2001:db8:1:ffff::1]"));
        // a job's network (an IPv6 /64) is masked further
        assertEquals("2001:db8:1::/48", MaskedNetwork.of("2001:db8:1:2::/64"));
        assertEquals("0::/48", MaskedNetwork.of("::1"));
    }

    @Test
    void nothingElseIsKept() {
        assertEquals("", MaskedNetwork.of(null));
        assertEquals("", MaskedNetwork.of(" "));
        assertEquals("", MaskedNetwork.of("proxy.example.org"));
    }
}
