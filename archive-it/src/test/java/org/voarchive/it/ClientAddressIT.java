package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * With the default setting (no trusted proxies) the client address is the TCP peer's: a client that
 * writes a new X-Forwarded-For and Forwarded header into every request is still one address, and its
 * failed logins reach the per-address limit (archive.auth.failures.max-per-address, 50 a minute) like
 * anyone's. The requests come from 127.0.0.2 (Linux routes all of 127/8 to loopback), so the block
 * (archive.auth.failures.block-seconds, 300 s) falls on that address only and the other tests' logins
 * from 127.0.0.1 go on; that they do is checked too.
 */
class ClientAddressIT {

    private static final int MAX_PER_ADDRESS = 50;
    private static final String OTHER_LOOPBACK = "127.0.0.2";

    @Test
    void spoofedForwardingHeadersDoNotEscapeThePerAddressLimit() throws Exception {
        int unauthorized = 0;
        int status = 0;
        // each request a new user name (below the per-user limit) and a new spoofed address
        for (int i = 0; i <= MAX_PER_ADDRESS && status != 429; i++) {
            status = get("/tap/tables", "it-spoof-" + i, "198.51.100." + (i + 1));
            assertTrue(status == 401 || status == 429, "request " + i + ": status " + status);
            unauthorized += status == 401 ? 1 : 0;
        }
        assertEquals(429, status, "failures with " + (MAX_PER_ADDRESS + 1) + " spoofed addresses were not limited");
        // a run within the block time of an earlier one is refused from the start; never more than the limit
        assertTrue(unauthorized <= MAX_PER_ADDRESS, unauthorized + " failures before 429");
        assertEquals(429, get("/tap/tables", "it-spoof-last", "203.0.113.77"),
            "still blocked under yet another spoofed address");
        // the limit is 127.0.0.2's, not everyone's
        assertEquals(401, Archive.send("GET", "/tap/tables", null, "it-spoof-other", "wrong").statusCode());
    }

    /** A GET from 127.0.0.2 with wrong credentials and forged forwarding headers: its status. */
    private static int get(String path, String user, String spoofed) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8));
        return Archive.from(OTHER_LOOPBACK, "GET", path, null, null, "Authorization", "Basic " + credentials,
            "X-Forwarded-For", spoofed, "X-Real-IP", spoofed, "Forwarded", "for=" + spoofed).status();
    }
}
