package org.voarchive.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aFreshSecretIs256RandomBitsBehindItsKindsPrefix() throws Exception {
        String token = Secrets.fresh(Secrets.Kind.TOKEN);
        assertTrue(token.startsWith("voat_"), token);
        assertEquals(5 + 43, token.length(), token);
        assertTrue(Secrets.shaped(Secrets.Kind.TOKEN, token));
        assertFalse(Secrets.shaped(Secrets.Kind.SESSION, token), "a token is no session");
        assertTrue(Secrets.shaped(Secrets.Kind.SESSION, Secrets.fresh(Secrets.Kind.SESSION)));
        assertNotEquals(token, Secrets.fresh(Secrets.Kind.TOKEN));
    }

    @Test
    void onlyTheShapeIsASecretsShape() {
        String token = Secrets.fresh(Secrets.Kind.TOKEN);
        assertFalse(Secrets.shaped(Secrets.Kind.TOKEN, token.substring(1)));
        assertFalse(Secrets.shaped(Secrets.Kind.TOKEN, token + "A"));
        assertFalse(Secrets.shaped(Secrets.Kind.TOKEN, token.substring(0, 20) + "=" + token.substring(21)));
        assertFalse(Secrets.shaped(Secrets.Kind.TOKEN, "a long password with some words in it, 48 chars"));
        assertFalse(Secrets.shaped(Secrets.Kind.TOKEN, (String) null));
        assertTrue(Secrets.shaped(Secrets.Kind.TOKEN, token.toCharArray()));
    }

    @Test
    void theStoredHashIsSha256OfTheSecret() throws Exception {
        String token = Secrets.fresh(Secrets.Kind.TOKEN);
        assertEquals(32, Secrets.hash(token).length);
        assertTrue(MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)),
            Secrets.hash(token)));
    }
}
