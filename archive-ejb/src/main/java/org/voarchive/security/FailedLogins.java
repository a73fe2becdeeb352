package org.voarchive.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (a user name, a client address): after {@code max}
 * failures within {@code window} the key is blocked for {@code block}, and
 * its requests with credentials are refused before any password is hashed.
 * This bounds both guessing and the CPU an attacker can make PBKDF2 burn.
 * Kept in memory: a restart forgets, which only gives an attacker back one
 * window's worth of tries.
 */
public final class FailedLogins {

    /** Bounded memory however many addresses or names an attacker uses. */
    static final int MAX_KEYS = 100_000;

    private static final class Failures {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
    }

    private final int max;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Failures> keys = new ConcurrentHashMap<>();

    /** @param max failures within the window that block the key; 0 switches the limit off */
    public FailedLogins(int max, Duration window, Duration block, Clock clock) {
        this.max = max;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    /** Seconds the key stays blocked (rounded up), or empty if it is not blocked. */
    public OptionalLong blockedSeconds(String key) {
        Failures f = keys.get(key);
        if (f == null) {
            return OptionalLong.empty();
        }
        Instant now = clock.instant();
        synchronized (f) {
            if (!now.isBefore(f.blockedUntil)) {
                return OptionalLong.empty();
            }
            long millis = Duration.between(now, f.blockedUntil).toMillis();
            return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
        }
    }

    /** Counts a failure; the one that reaches the limit blocks the key. */
    public void failed(String key) {
        if (max <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (keys.size() >= MAX_KEYS && !keys.containsKey(key)) {
            keys.entrySet().removeIf(e -> idle(e.getValue(), now));
            if (keys.size() >= MAX_KEYS) {
                return; // the other key of the request (user or address) still counts
            }
        }
        Failures f = keys.computeIfAbsent(key, k -> new Failures());
        synchronized (f) {
            prune(f, now);
            f.times.addLast(now);
            if (f.times.size() >= max) {
                f.blockedUntil = now.plus(block);
                f.times.clear();
            }
        }
    }

    private void prune(Failures f, Instant now) {
        Instant start = now.minus(window);
        while (!f.times.isEmpty() && !f.times.peekFirst().isAfter(start)) {
            f.times.removeFirst();
        }
    }

    private boolean idle(Failures f, Instant now) {
        synchronized (f) {
            prune(f, now);
            return f.times.isEmpty() && !now.isBefore(f.blockedUntil);
        }
    }

    int keys() {
        return keys.size();
    }
}
