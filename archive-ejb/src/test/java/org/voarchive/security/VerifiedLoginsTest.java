package org.voarchive.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedLoginsTest {

    private static final class Now extends Clock {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aVerificationCountsForItsLifetimeOnly() {
        Now clock = new Now();
        VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(60), clock);
        logins.remember("alice", "secret-1".toCharArray(), "hash-1");
        assertTrue(logins.verified("alice", "secret-1".toCharArray(), "hash-1"));
        clock.now = clock.now.plusSeconds(59);
        assertTrue(logins.verified("alice", "secret-1".toCharArray(), "hash-1"));
        clock.now = clock.now.plusSeconds(1);
        assertFalse(logins.verified("alice", "secret-1".toCharArray(), "hash-1"));
    }

    @Test
    void onlyTheSameUserPasswordAndStoredHashCount() {
        VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(60), Clock.systemUTC());
        logins.remember("alice", "secret-1".toCharArray(), "hash-1");
        assertFalse(logins.verified("alice", "secret-2".toCharArray(), "hash-1"));
        assertFalse(logins.verified("bob", "secret-1".toCharArray(), "hash-1"));
        assertFalse(logins.verified("alic", "esecret-1".toCharArray(), "hash-1"));
        // the password was changed (deploy/user, another process) or the user removed
        assertFalse(logins.verified("alice", "secret-1".toCharArray(), "hash-2"));
        assertFalse(logins.verified("alice", "secret-1".toCharArray(), null));
        assertFalse(logins.verified("alice", "secret-1".toCharArray(), "hash-1"), "a stale entry is gone for good");
    }

    @Test
    void aZeroLifetimeRemembersNothingAndMemoryIsBounded() {
        VerifiedLogins off = new VerifiedLogins(Duration.ZERO, Clock.systemUTC());
        off.remember("alice", "secret-1".toCharArray(), "hash-1");
        assertFalse(off.verified("alice", "secret-1".toCharArray(), "hash-1"));
        VerifiedLogins many = new VerifiedLogins(Duration.ofSeconds(60), Clock.systemUTC());
        for (int i = 0; i <= VerifiedLogins.MAX_ENTRIES; i++) {
            many.remember("u" + i, "p".toCharArray(), "h");
        }
        assertTrue(many.size() <= VerifiedLogins.MAX_ENTRIES);
        assertEquals(1, many.size() % VerifiedLogins.MAX_ENTRIES);
    }
}
