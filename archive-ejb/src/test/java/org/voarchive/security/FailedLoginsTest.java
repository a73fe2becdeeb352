package org.voarchive.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {

    private static final class Now extends Clock {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void theTenthFailureInAMinuteBlocksTheKeyForTheBlockTime() {
        Now clock = new Now();
        FailedLogins failures = new FailedLogins(10, Duration.ofSeconds(60), Duration.ofSeconds(300), clock);
        for (int i = 0; i < 9; i++) {
            failures.failed("alice");
            clock.now = clock.now.plusSeconds(1);
        }
        assertEquals(OptionalLong.empty(), failures.blockedSeconds("alice"));
        failures.failed("alice");
        assertEquals(OptionalLong.of(300), failures.blockedSeconds("alice"));
        assertEquals(OptionalLong.empty(), failures.blockedSeconds("bob"));
        clock.now = clock.now.plusSeconds(299);
        assertEquals(OptionalLong.of(1), failures.blockedSeconds("alice"));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(OptionalLong.empty(), failures.blockedSeconds("alice"));
        failures.failed("alice"); // a fresh start after the block
        assertEquals(OptionalLong.empty(), failures.blockedSeconds("alice"));
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        Now clock = new Now();
        FailedLogins failures = new FailedLogins(3, Duration.ofSeconds(60), Duration.ofSeconds(300), clock);
        failures.failed("10.0.0.1");
        failures.failed("10.0.0.1");
        clock.now = clock.now.plusSeconds(61);
        failures.failed("10.0.0.1");
        assertEquals(OptionalLong.empty(), failures.blockedSeconds("10.0.0.1"));
    }

    @Test
    void zeroSwitchesTheLimitOffAndMemoryIsBounded() {
        FailedLogins off = new FailedLogins(0, Duration.ofSeconds(60), Duration.ofSeconds(300), Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            off.failed("alice");
        }
        assertEquals(OptionalLong.empty(), off.blockedSeconds("alice"));
        Now clock = new Now();
        FailedLogins many = new FailedLogins(10, Duration.ofSeconds(60), Duration.ofSeconds(300), clock);
        for (int i = 0; i < FailedLogins.MAX_KEYS; i++) {
            many.failed("k" + i);
        }
        many.failed("one more");
        assertTrue(many.keys() <= FailedLogins.MAX_KEYS);
        clock.now = clock.now.plusSeconds(61);
        many.failed("after the window");
        assertEquals(1, many.keys(), "idle keys are dropped when memory is full");
    }
}
