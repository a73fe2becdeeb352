package org.voarchive.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recently verified user/password pairs, so that a client sending the same
 * credentials with every request (HTTP Basic does) costs one PBKDF2
 * verification a while, not one per request. Entries are keyed by an HMAC of
 * user and password under a key that lives only in this process's memory:
 * neither the password nor anything an offline attack could start from is
 * kept. Each entry remembers the stored hash it was verified against; it
 * only counts while the user still has that hash, so a changed password or a
 * removed user (deploy/user runs in another process, so no event would reach
 * here) ends it at once.
 */
public final class VerifiedLogins {

    private static final String MAC = "HmacSHA256";
    /** Bounded memory whatever the callers send; past it, the oldest knowledge is simply forgotten. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String storedHash, Instant expires) {
    }

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedLogins(Duration lifetime, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Whether this user and password were verified against {@code storedHash} within the lifetime. */
    public boolean verified(String user, char[] password, String storedHash) {
        if (lifetime.isZero() || storedHash == null) {
            return false;
        }
        String k = keyOf(user, password);
        Entry e = entries.get(k);
        if (e == null) {
            return false;
        }
        if (!clock.instant().isBefore(e.expires()) || !e.storedHash().equals(storedHash)) {
            entries.remove(k, e);
            return false;
        }
        return true;
    }

    /** Remembers a successful verification against {@code storedHash}. */
    public void remember(String user, char[] password, String storedHash) {
        if (lifetime.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(keyOf(user, password), new Entry(storedHash, now.plus(lifetime)));
    }

    int size() {
        return entries.size();
    }

    private String keyOf(String user, char[] password) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // no user name holds a NUL: "ab"+"c" and "a"+"bc" differ
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            mac.update(b);
            Arrays.fill(b, (byte) 0);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is not available", e);
        }
    }
}
