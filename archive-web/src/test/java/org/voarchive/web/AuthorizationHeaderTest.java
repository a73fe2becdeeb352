package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static AuthorizationHeader.Basic parseBasic(String header) {
        return (AuthorizationHeader.Basic) AuthorizationHeader.parse(header).orElseThrow();
    }

    @Test
    void userAndPasswordAreSplitAtTheFirstColon() {
        AuthorizationHeader.Basic c = parseBasic(basic("alice:pa:ss wörd"));
        assertEquals("alice", c.user());
        assertArrayEquals("pa:ss wörd".toCharArray(), c.password());
        assertEquals("alice", parseBasic("basic  " + basic("alice:").substring(6)).user());
    }

    @Test
    void aBearerTokenIsTheTokenAsSent() {
        assertEquals(new AuthorizationHeader.Bearer("voat_abc-DEF_123"),
            AuthorizationHeader.parse("Bearer voat_abc-DEF_123").orElseThrow());
        assertEquals(new AuthorizationHeader.Bearer("a.b~c+d/e=="), AuthorizationHeader.parse("bearer  a.b~c+d/e== ")
            .orElseThrow());
    }

    @Test
    void anythingElseIsNotCredentials() {
        assertTrue(AuthorizationHeader.parse("Bearer").isEmpty());
        assertTrue(AuthorizationHeader.parse("Bearer ").isEmpty());
        assertTrue(AuthorizationHeader.parse("Bearer a b").isEmpty());
        assertTrue(AuthorizationHeader.parse("Bearer ab\"c").isEmpty());
        assertTrue(AuthorizationHeader.parse("Digest abc").isEmpty());
        assertTrue(AuthorizationHeader.parse("Basic").isEmpty());
        assertTrue(AuthorizationHeader.parse("Basic !!!").isEmpty());
        assertTrue(AuthorizationHeader.parse(basic("no colon")).isEmpty());
        assertTrue(AuthorizationHeader.parse(basic(":password only")).isEmpty());
        assertTrue(AuthorizationHeader.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff}))
            .isEmpty(), "not UTF-8");
    }
}
