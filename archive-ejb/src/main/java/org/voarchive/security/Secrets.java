package org.voarchive.security;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of the credentials a user holds besides the password: a session (the portal's cookie) and a
 * personal API token. Each is 256 random bits, base64url, behind a prefix that names its kind, so that a
 * token can be told from a password in an HTTP Basic header, a session can never pass for a token, and a
 * leaked token is recognisable (secret scanners, logs). The archive stores only the SHA-256 of a secret:
 * with that much randomness a fast hash is enough (nothing to guess from the hash), and it makes the
 * lookup one index probe.
 */
public final class Secrets {

    /** What a secret is for, by its prefix. */
    public enum Kind {
        SESSION("voas_"),
        TOKEN("voat_");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    static final int RANDOM_BYTES = 32;
    /** base64url of 32 bytes without padding. */
    private static final int BODY_CHARS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new secret of that kind. */
    public static String fresh(Kind kind) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return kind.prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a secret of that kind (whether it is one, only the database knows). */
    public static boolean shaped(Kind kind, CharSequence text) {
        if (text == null || text.length() != kind.prefix.length() + BODY_CHARS
                || !CharBuffer.wrap(text).subSequence(0, kind.prefix.length()).toString().equals(kind.prefix)) {
            return false;
        }
        for (int i = kind.prefix.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static boolean shaped(Kind kind, char[] text) {
        return shaped(kind, CharBuffer.wrap(text));
    }

    /** What the database stores of a secret: SHA-256 of its characters (ASCII, by its shape). */
    public static byte[] hash(CharSequence secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
