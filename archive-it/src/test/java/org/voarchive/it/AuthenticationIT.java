package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP Basic: wrong credentials are a 401 with the challenge on public endpoints too (never an anonymous
 * call), an unknown user takes as long as a known one, a changed password ends a remembered login at
 * once, and too many failures for a user get 429. The failures here stay below the per-address limit
 * (archive.auth.failures.max-per-address, 50 a minute), so the other tests' logins from this address go on.
 */
class AuthenticationIT {

    private static final String USER = "it-auth-user";
    private static final String TIMING = "it-auth-timing";
    private static final String LOCKED = "it-auth-locked";
    private static final String CHANGED = "it-auth-changed";
    private static final String PASSWORD = "it-auth-secret-1";
    private static final String SYNC = "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
        + URLEncoder.encode("SELECT TOP 1 schema_name FROM tap_schema.schemas", StandardCharsets.UTF_8);

    /** CHANGED is deleted by its test already; deleting it again afterwards does nothing. */
    @RegisterExtension
    static final TestUsers USERS = new TestUsers().addAll(List.of(USER, TIMING, LOCKED, CHANGED), PASSWORD);

    private static void assertChallenged(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Basic realm=\""), challenge);
    }

    @Test
    void wrongCredentialsAreRefusedOnPublicEndpoints() throws Exception {
        HttpResponse<String> sync = Archive.send("GET", SYNC, null, USER, "wrong password");
        assertChallenged(sync);
        assertTrue(sync.body().contains("QUERY_STATUS") && sync.body().contains("wrong user name or password"),
            "a DALI error document: " + sync.body());
        assertChallenged(Archive.send("GET", "/tap/tables", null, USER, "wrong password"));
        assertChallenged(Archive.send("GET", "/tap/tables", null, "it-auth-nobody", PASSWORD));
        assertChallenged(Archive.request("GET", "/tap/tables", null, null, null, null, "Authorization", "Bearer abc"));
        assertChallenged(Archive.request("GET", "/tap/tables", null, null, null, null, "Authorization", "Basic !!!"));

        assertEquals(200, Archive.send("GET", SYNC, null, USER, PASSWORD).statusCode());
        assertEquals(200, Archive.send("GET", "/tap/tables", null, USER, PASSWORD).statusCode());
        assertEquals(200, Archive.send("GET", SYNC, null, null, null).statusCode(), "no credentials: anonymous");
        // the admin API asks for credentials it does not get
        assertChallenged(Archive.send("GET", "/admin/metadata/tables", null, null, null));
    }

    @Test
    void aChangedPasswordEndsARememberedLoginAtOnce() throws Exception {
        assertEquals(200, Archive.send("GET", "/tap/tables", null, CHANGED, PASSWORD).statusCode());
        Archive.user(CHANGED, "it-auth-secret-2"); // as deploy/user does, from outside
        assertChallenged(Archive.send("GET", "/tap/tables", null, CHANGED, PASSWORD));
        assertEquals(200, Archive.send("GET", "/tap/tables", null, CHANGED, "it-auth-secret-2").statusCode());
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.users WHERE name = '" + CHANGED + "'");
        }
        assertChallenged(Archive.send("GET", "/tap/tables", null, CHANGED, "it-auth-secret-2"));
    }

    private static long millis(String user, String password) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = Archive.send("GET", "/tap/availability", null, user, password);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, r.statusCode(), r.body());
        return ms;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** No timing oracle: the median answer for an unknown user is about that for a known user's wrong password. */
    @Test
    void anUnknownUserTakesAsLongAsAKnownOne() throws Exception {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(millis(TIMING, "wrong password " + i));
            unknown.add(millis("it-auth-nobody-" + i, "wrong password " + i));
        }
        long k = median(known);
        long u = median(unknown);
        assertTrue(u * 2 >= k && k * 2 >= u, "medians: known user " + k + " ms, unknown user " + u + " ms"
            + " (all: " + known + " / " + unknown + ")");
    }

    @Test
    void tooManyFailuresForAUserAre429WithRetryAfter() throws Exception {
        int refused = 0;
        HttpResponse<String> r = null;
        for (int i = 0; i < 12 && (r == null || r.statusCode() == 401); i++) {
            r = Archive.send("GET", "/tap/tables", null, LOCKED, "wrong password " + i);
            refused += r.statusCode() == 401 ? 1 : 0;
        }
        assertEquals(429, r.statusCode(), r.body());
        assertEquals(10, refused, "archive.auth.failures.max-per-user is 10 by default");
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0, "Retry-After: " + retryAfter);
        // blocked: even the right password waits, and no password is hashed meanwhile
        assertEquals(429, Archive.send("GET", "/tap/tables", null, LOCKED, PASSWORD).statusCode());
        // other users from this address are not
        assertEquals(200, Archive.send("GET", "/tap/tables", null, USER, PASSWORD).statusCode());
    }
}
