package org.voarchive.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the Jakarta Security Pbkdf2PasswordHash format
 * ({@code algorithm:iterations:salt:hash}, Base64), with the parameters the
 * server's identity store is configured with, so the server verifies what
 * the command-line tools store.
 */
public final class PasswordHashes {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    public static final int ITERATIONS = 210_000; // OWASP 2023 guidance for PBKDF2-HMAC-SHA512
    public static final int SALT_BYTES = 32;
    public static final int KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A hash of a random password nobody knows: unknown users are verified
     * against it, so that they cost as much time as known ones and the
     * answer's timing does not tell which user names exist.
     */
    private static final class Dummy { // made on first use: deploy/user never needs it
        static final String HASH = hash(generated(), ITERATIONS);
    }

    private PasswordHashes() {
    }

    public static String hash(char[] password) {
        if (password.length < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        return hash(password, ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
            + b64.encodeToString(derive(ALGORITHM, password, salt, iterations, KEY_BYTES));
    }

    /**
     * Whether the password is the one of the stored hash. For an unknown user (stored null) the
     * password is checked against a hash no password matches, at the same cost, and is refused.
     */
    public static boolean verify(String stored, char[] password) {
        if (stored == null) {
            matches(Dummy.HASH, password); // the time a real check takes; the answer is no
            return false;
        }
        return matches(stored, password);
    }

    private static boolean matches(String stored, char[] password) {
        String[] parts = stored.split(":");
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10 * ITERATIONS || expected.length == 0) {
                return false; // not a hash this archive wrote; and no caller may make the server loop at will
            }
            return MessageDigest.isEqual(expected, derive(parts[0], password, salt, iterations, expected.length));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        try {
            // PBEKeySpec refuses an empty password; the empty password then matches nothing, at full cost
            char[] given = password.length == 0 ? new char[] {'\0'} : password;
            return SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec(given, salt, iterations, keyBytes * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /**
     * A new random password (the back office's generated ones, shown once): 144 random bits in 24 base64url
     * characters, which no one guesses and which never has a personal token's shape ({@link Secrets}).
     */
    public static char[] generated() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }
}
