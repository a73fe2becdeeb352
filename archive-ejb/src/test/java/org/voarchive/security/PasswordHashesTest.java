package org.voarchive.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void theRightPasswordMatchesItsHashOnly() {
        String stored = PasswordHashes.hash("correct horse".toCharArray());
        assertTrue(PasswordHashes.verify(stored, "correct horse".toCharArray()));
        assertFalse(PasswordHashes.verify(stored, "correct horsE".toCharArray()));
        assertFalse(PasswordHashes.verify(stored, new char[0]));
    }

    @Test
    void unknownUsersAndMalformedHashesMatchNothing() {
        assertFalse(PasswordHashes.verify(null, "anything at all".toCharArray()));
        assertFalse(PasswordHashes.verify("not a hash", "anything at all".toCharArray()));
        assertFalse(PasswordHashes.verify("PBKDF2WithHmacSHA512:999999999:AAAA:AAAA", "x".toCharArray()));
        assertFalse(PasswordHashes.verify("NoSuchAlgorithm:1000:AAAA:AAAA", "x".toCharArray()));
    }

    /** An unknown user costs a full verification, so that the time of the answer does not tell who exists. */
    @Test
    void anUnknownUserCostsAsMuchAsAKnownOne() {
        String stored = PasswordHashes.hash("correct horse".toCharArray());
        PasswordHashes.verify(stored, "warm up".toCharArray());
        PasswordHashes.verify(null, "warm up".toCharArray());
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            PasswordHashes.verify(stored, "wrong password".toCharArray());
            long t1 = System.nanoTime();
            PasswordHashes.verify(null, "wrong password".toCharArray());
            long t2 = System.nanoTime();
            known = Math.min(known, t1 - t0);
            unknown = Math.min(unknown, t2 - t1);
        }
        assertTrue(unknown > known / 2, "unknown " + unknown / 1_000_000 + " ms, known " + known / 1_000_000 + " ms");
    }
}
