package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobOwnerTest {

    @Test
    void aUserIsTheOwnerWhereverTheRequestComesFrom() {
        JobOwner alice = JobOwner.of("alice", "192.0.2.1");
        assertFalse(alice.anonymous());
        assertNull(alice.network());
        assertEquals(alice, JobOwner.of("alice", "2001:db8::1"));
    }

    @Test
    void anonymousCallersAreCountedByNetwork() {
        JobOwner one = JobOwner.of(null, "192.0.2.1");
        assertTrue(one.anonymous());
        assertEquals("192.0.2.1", one.network());
        assertNotEquals(one, JobOwner.of(null, "192.0.2.2"));
        assertEquals("192.0.2.1", JobOwner.network("::ffff:192.0.2.1"), "IPv4-mapped is the IPv4 address");
    }

    @Test
    void ipv6AddressesOfOneSlash64AreOneNetwork() {
        assertEquals("2001:db8:1:2::/64", JobOwner.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(JobOwner.of(null, "2001:db8:1:2::1"), JobOwner.of(null, "[2001:db8:1:2:ffff::9]"));
        assertNotEquals(JobOwner.of(null, "2001:db8:1:2::1"), JobOwner.of(null, "2001:db8:1:3::1"));
        assertEquals("0::/64", JobOwner.network("::1"));
    }

    @Test
    void namesAreNeverLookedUp() {
        assertEquals("archive.example.org", JobOwner.network("archive.example.org"));
        assertNull(JobOwner.network(""));
    }
}
