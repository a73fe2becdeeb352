package org.voarchive.security;

import java.security.GeneralSecurityException;
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

    private PasswordHashes() {
    }

    public static String hash(char[] password) {
        if (password.length < 8) {
            throw new IllegalArgumentException("a password needs at least 8 characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM)
                .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, KEY_BYTES * 8)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
