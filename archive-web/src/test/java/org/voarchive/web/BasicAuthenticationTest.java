package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userAndPasswordAreSplitAtTheFirstColon() {
        BasicAuthentication.Credentials c = BasicAuthentication.parse(basic("alice:pa:ss wörd")).orElseThrow();
        assertEquals("alice", c.user());
        assertArrayEquals("pa:ss wörd".toCharArray(), c.password());
        assertEquals("alice", BasicAuthentication.parse("basic  " + basic("alice:").substring(6)).orElseThrow().user());
    }

    @Test
    void anythingElseIsNotCredentials() {
        assertTrue(BasicAuthentication.parse("Bearer abc").isEmpty());
        assertTrue(BasicAuthentication.parse("Basic").isEmpty());
        assertTrue(BasicAuthentication.parse("Basic !!!").isEmpty());
        assertTrue(BasicAuthentication.parse(basic("no colon")).isEmpty());
        assertTrue(BasicAuthentication.parse(basic(":password only")).isEmpty());
        assertTrue(BasicAuthentication.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff}))
            .isEmpty(), "not UTF-8");
    }
}
