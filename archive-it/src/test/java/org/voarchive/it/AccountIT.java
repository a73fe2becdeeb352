package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account: sessions (the sign-in form's cookie, beside HTTP Basic) and personal API tokens (Bearer, or the
 * HTTP Basic password), end to end on a scratch table whose data and metadata are PRIVATE to a group. Each
 * credential reaches what its user's groups allow through /tap/sync, and each way it stops working (sign-out,
 * revocation, expiry, a new password, the user's deletion, another user's name) is a 401 with a challenge,
 * never an anonymous answer. Token management needs the password or a session, not a token; state changes from
 * another site are refused; guesses are throttled like wrong passwords. Failures provoked on purpose stay
 * below the per-address limit on 127.0.0.1 (the per-address test sends from 127.0.0.3).
 */
class AccountIT {

    private static final String SCHEMA = "it_account";
    private static final String TABLE = SCHEMA + ".secrets";
    private static final String GROUP = "it_account_members";
    private static final String ADMIN = "it-account-admin";
    private static final String MEMBER = "it-account-member";
    private static final String OTHER = "it-account-other";
    /** Blocked for archive.auth.failures.block-seconds by their tests: new names each run, so a run can follow. */
    private static final String LOCKED = "it-account-locked-" + Long.toString(System.currentTimeMillis(), 36);
    private static final String FORM_LOCKED = "it-account-form-locked-" + Long.toString(System.currentTimeMillis(), 36);
    private static final String MANY = "it-account-many";
    private static final String GONE = "it-account-gone";
    private static final String CHANGED = "it-account-changed";
    private static final String PASSWORD = "it-account-secret-1";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String EVIL = "http://evil.example";
    /** Where the throttling tests send from, each its own, so their failures block no one else. */
    private static final String BEARER_GUESSER = "127.0.0.3";
    private static final String FORM_GUESSER = "127.0.0.4";
    private static final String BASIC_GUESSER = "127.0.0.5";
    private static final String REFUSED_FROM = "127.0.0.6";
    private static final String SYNC = "/tap/sync?LANG=ADQL&RESPONSEFORMAT=csv&QUERY="
        + URLEncoder.encode("SELECT id, word FROM " + TABLE + " ORDER BY id", StandardCharsets.UTF_8);
    private static final Pattern SECRET = Pattern.compile("\"token\":\"(voat_[A-Za-z0-9_-]{43})\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(MEMBER, PASSWORD, GROUP)
        .add(OTHER, PASSWORD).add(LOCKED, PASSWORD, GROUP).add(FORM_LOCKED, PASSWORD).add(MANY, PASSWORD)
        .add(GONE, PASSWORD, GROUP).add(CHANGED, PASSWORD, GROUP);

    @BeforeAll
    static void aPrivateTable() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.freshScratchSchema(s, SCHEMA);
            s.execute("CREATE TABLE " + TABLE + " (id integer PRIMARY KEY, word text)");
            s.execute("INSERT INTO " + TABLE + " VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma')");
        }
        Archive.discoverAndPublish(SCHEMA, ADMIN, PASSWORD);
        HttpResponse<String> groups = Archive.send("PUT", "/admin/metadata/tables/" + TABLE + "/groups",
            "[\"" + GROUP + "\"]", ADMIN, PASSWORD);
        assertEquals(200, groups.statusCode(), groups.body());
        Archive.accessLevels(TABLE, "PRIVATE", "PRIVATE", ADMIN, PASSWORD);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            Archive.dropScratchSchema(s, SCHEMA);
            s.execute("DELETE FROM archive.groups WHERE name = '" + GROUP + "'");
        }
    }

    // ---- helpers

    /** POST /account/sign-in with the form, as the account page's script sends it (from the archive's origin). */
    private static HttpResponse<String> signIn(String user, String password, String... headers) throws Exception {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return Archive.request("POST", "/account/sign-in", FORM, form, null, null, headers);
    }

    /** The Set-Cookie header of the session cookie. */
    private static String setCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("voarchive-session=")).findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie set: " + r.headers().map()));
    }

    /** A signed-in session: the Cookie header's value that carries it. */
    private static String session(String user) throws Exception {
        HttpResponse<String> r = signIn(user, PASSWORD, "Origin", Archive.origin());
        assertEquals(200, r.statusCode(), r.body());
        return setCookie(r).split(";", 2)[0];
    }

    private static String secretOf(String cookie) {
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    private static HttpResponse<String> withCookie(String method, String path, String cookie, String... more)
            throws Exception {
        List<String> headers = new ArrayList<>(List.of("Cookie", cookie));
        headers.addAll(List.of(more));
        return Archive.request(method, path, method.equals("POST") ? JSON : null, method.equals("POST") ? "{}" : null,
            null, null, headers.toArray(String[]::new));
    }

    /** Creates a token with the user's password (HTTP Basic); its secret. */
    private static String token(String user, String name, int days) throws Exception {
        HttpResponse<String> r = Archive.request("POST", "/account/tokens", JSON,
            "{\"name\":\"" + name + "\",\"days\":" + days + "}", user, PASSWORD);
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = SECRET.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private static HttpResponse<String> bearer(String path, String token) throws Exception {
        return Archive.request("GET", path, null, null, null, null, "Authorization", "Bearer " + token);
    }

    /** The rows of the PRIVATE table as the caller's credentials (header name, value) see them. */
    private static HttpResponse<String> query(String... headers) throws Exception {
        return Archive.request("GET", SYNC, null, null, null, null, headers);
    }

    private static void assertRows(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("id,word\n1,alpha\n2,beta\n3,gamma", r.body().strip().replace("\r", ""));
    }

    /** 401 with a challenge: never the anonymous answer (400: the table is unknown to anonymous callers). */
    private static void assertChallenged(HttpResponse<String> r, String scheme) {
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith(scheme + " realm=\"")),
            r.headers().map().toString());
    }

    /**
     * A GET that must be refused with 401 and a challenge of the scheme (never the anonymous answer), sent from
     * its own loopback address: each such refusal counts a failed login against its address, and those of
     * 127.0.0.1 are the other tests' (archive.auth.failures.max-per-address).
     */
    private static Archive.Raw assertRefused(String path, String scheme, String... headers) throws Exception {
        Archive.Raw r = Archive.from(REFUSED_FROM, "GET", path, null, null, headers);
        assertEquals(401, r.status(), r.text());
        assertTrue(Pattern.compile("(?im)^WWW-Authenticate: " + scheme + " realm=\"").matcher(r.text()).find(), r.text());
        return r;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long rows(String sql, String parameter) throws Exception {
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void expire(String table, String secret) throws Exception {
        try (Connection c = Archive.connect("OWNER"); PreparedStatement s = c.prepareStatement("UPDATE archive." + table
                + " SET created = now() - interval '2 hours', expires = now() - interval '1 second'"
                + " WHERE secret_hash = sha256(convert_to(?, 'UTF8'))")) {
            s.setString(1, secret);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return "voat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---- sessions

    @Test
    void signingInSetsAStrictCookieWhoseSessionQueriesThePrivateTableUntilSignOut() throws Exception {
        assertEquals(400, query().statusCode(), "anonymous callers do not know the table");
        HttpResponse<String> in = signIn(MEMBER, PASSWORD, "Origin", Archive.origin());
        assertEquals(200, in.statusCode(), in.body());
        assertTrue(in.body().contains("\"authenticated\":true") && in.body().contains("\"name\":\"" + MEMBER + "\"")
            && in.body().contains("\"groups\":[\"" + GROUP + "\"]") && in.body().contains("\"credential\":\"session\""),
            in.body());
        String set = setCookie(in);
        long hours = Long.parseLong(System.getenv().getOrDefault("ARCHIVE_PORTAL_SESSION_HOURS", "12"));
        for (String attribute : List.of("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=" + hours * 3600)) {
            assertTrue(List.of(set.split(";\\s*")).contains(attribute), attribute + " in " + set);
        }
        assertFalse(set.contains("Secure"), "plain http (" + Archive.baseUrl() + "): the cookie could not come back");
        String cookie = set.split(";", 2)[0];
        String secret = secretOf(cookie);
        assertTrue(secret.matches("voas_[A-Za-z0-9_-]{43}"), secret);
        // stored as its hash only, expiring after the configured hours
        assertEquals(1, rows("SELECT count(*) FROM archive.sessions WHERE secret_hash = sha256(convert_to(?, 'UTF8'))"
            + " AND expires BETWEEN now() + interval '" + hours + " hours' - interval '5 minutes'"
            + " AND now() + interval '" + hours + " hours'", secret));

        assertRows(query("Cookie", cookie));
        HttpResponse<String> me = withCookie("GET", "/account/me", cookie);
        assertTrue(me.body().contains("\"name\":\"" + MEMBER + "\""), me.body());
        String page = withCookie("GET", "/account", cookie).body();
        assertTrue(page.contains("<dd id=\"user-name\">" + MEMBER + "</dd>") && page.contains("id=\"sign-out\""), page);

        HttpResponse<String> out = withCookie("POST", "/account/sign-out", cookie, "Origin", Archive.origin());
        assertEquals(200, out.statusCode(), out.body());
        assertTrue(setCookie(out).contains("Max-Age=0"), "the browser forgets it: " + setCookie(out));
        assertEquals(0, rows("SELECT count(*) FROM archive.sessions WHERE secret_hash = sha256(convert_to(?, 'UTF8'))",
            secret), "the session's row is gone");
        // the old cookie, sent again: a 401 that clears it, never the anonymous answer
        Archive.Raw after = assertRefused(SYNC, "Session", "Cookie", cookie);
        assertTrue(after.text().contains("session has ended"), after.text());
        assertTrue(after.header("Set-Cookie").startsWith("voarchive-session=;")
            && after.header("Set-Cookie").contains("Max-Age=0"), "cleared: " + after.text());
        assertRefused("/account/me", "Session", "Cookie", cookie);
    }

    @Test
    void aWrongPasswordOnTheFormIsA401MessageAndTooManyA429() throws Exception {
        Archive.Raw wrong = Archive.from(REFUSED_FROM, "POST", "/account/sign-in", FORM,
            "user=" + OTHER + "&password=wrong", "Origin", Archive.origin());
        assertEquals(401, wrong.status(), wrong.text());
        // not Basic: a browser would open its own login dialog
        assertEquals("Session realm=\"VO Archive\"", wrong.header("WWW-Authenticate"), wrong.text());
        assertTrue(wrong.text().contains("{\"message\":\"wrong user name or password\"}"), wrong.text());
        assertEquals(null, wrong.header("Set-Cookie"), "no session for a wrong password");
        assertEquals(400, signIn(OTHER, "").statusCode(), "no password");

        Archive.Raw r = null;
        int refused = 0;
        for (int i = 0; i < 12 && (r == null || r.status() == 401); i++) {
            r = Archive.from(FORM_GUESSER, "POST", "/account/sign-in", FORM, "user=" + FORM_LOCKED + "&password=wrong" + i);
            refused += r.status() == 401 ? 1 : 0;
        }
        assertEquals(429, r.status(), r.text());
        assertEquals(10, refused, "archive.auth.failures.max-per-user is 10 by default");
        assertTrue(r.text().contains("too many failed logins"), r.text());
        assertTrue(Long.parseLong(r.header("Retry-After")) > 0, r.text());
        assertEquals(429, signIn(FORM_LOCKED, PASSWORD).statusCode(), "blocked: the right password waits too");
    }

    @Test
    void aNewPasswordOrTheUsersDeletionEndsSessionsAndDeletionTokensToo() throws Exception {
        String changed = session(CHANGED);
        assertRows(query("Cookie", changed));
        Archive.user(CHANGED, PASSWORD, GROUP); // deploy/user: a new password (hash), the same groups
        assertRefused(SYNC, "Session", "Cookie", changed);

        String cookie = session(GONE);
        String token = token(GONE, "gone", 1);
        assertRows(query("Cookie", cookie));
        assertRows(query("Authorization", "Bearer " + token));
        try (Connection c = Archive.connect("OWNER"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM archive.users WHERE name = '" + GONE + "'");
        }
        assertEquals(0, rows("SELECT count(*) FROM archive.personal_tokens WHERE secret_hash = sha256(convert_to(?, 'UTF8'))",
            token), "ON DELETE CASCADE");
        assertEquals(0, rows("SELECT count(*) FROM archive.sessions WHERE secret_hash = sha256(convert_to(?, 'UTF8'))",
            secretOf(cookie)));
        assertRefused(SYNC, "Session", "Cookie", cookie);
        assertRefused(SYNC, "Basic", "Authorization", "Bearer " + token);
    }

    @Test
    void anExpiredSessionIsA401() throws Exception {
        String cookie = session(MEMBER);
        assertRows(query("Cookie", cookie));
        expire("sessions", secretOf(cookie));
        assertRefused(SYNC, "Session", "Cookie", cookie);
    }

    // ---- tokens

    @Test
    void aTokenIsShownOnceStoredAsAHashAndQueriesAsBearerAndAsTheBasicPassword() throws Exception {
        String token = token(MEMBER, "laptop", 7);
        assertEquals(1, rows("SELECT count(*) FROM archive.personal_tokens WHERE secret_hash = sha256(convert_to(?, 'UTF8'))"
            + " AND name = 'laptop' AND expires BETWEEN now() + interval '7 days' - interval '5 minutes'"
            + " AND now() + interval '7 days'", token));
        HttpResponse<String> list = Archive.send("GET", "/account/tokens", null, MEMBER, PASSWORD);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"name\":\"laptop\"") && list.body().contains("\"lastUsed\":null"), list.body());
        assertFalse(list.body().contains(token) || list.body().contains("\"token\""), "no secret in the list");

        assertRows(query("Authorization", "Bearer " + token));
        assertRows(query("Authorization", basic(MEMBER, token)));
        HttpResponse<String> me = bearer("/account/me", token);
        assertTrue(me.body().contains("\"credential\":\"token\"") && me.body().contains("\"groups\":[\"" + GROUP + "\"]"),
            me.body());
        assertTrue(Archive.send("GET", "/account/tokens", null, MEMBER, PASSWORD).body().matches(
            "(?s).*\"name\":\"laptop\"[^}]*\"lastUsed\":\"20.*"), "its last use is recorded");

        Matcher id = ID.matcher(list.body());
        assertTrue(id.find(), list.body());
        HttpResponse<String> revoked = Archive.send("DELETE", "/account/tokens/" + id.group(1), null, MEMBER, PASSWORD);
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertRefused(SYNC, "Bearer", "Authorization", "Bearer " + token);
        assertRefused(SYNC, "Basic", "Authorization", basic(MEMBER, token));
        assertEquals(404, Archive.send("DELETE", "/account/tokens/" + id.group(1), null, MEMBER, PASSWORD).statusCode());
    }

    @Test
    void aTokenUnderAnotherUsersNameAnExpiredOneAndAnUnknownOneAre401() throws Exception {
        String token = token(MEMBER, "shared", 1);
        assertRefused(SYNC, "Basic", "Authorization", basic(OTHER, token));
        assertRefused(SYNC, "Basic", "Authorization", basic(ADMIN, token));
        assertRefused(SYNC, "Bearer", "Authorization", "Bearer " + randomToken());
        assertRefused(SYNC, "Bearer", "Authorization", "Bearer not-a-token");
        assertRows(query("Authorization", "Bearer " + token));
        expire("personal_tokens", token);
        Archive.Raw expired = assertRefused(SYNC, "Bearer", "Authorization", "Bearer " + token);
        assertTrue(expired.text().contains("QUERY_STATUS"), "a DALI error document on a DALI path: " + expired.text());
        assertRefused(SYNC, "Basic", "Authorization", basic(MEMBER, token));
        assertFalse(Archive.send("GET", "/account/tokens", null, MEMBER, PASSWORD).body().contains("\"shared\""),
            "an expired token is not listed");
    }

    @Test
    void onlyThePasswordOrASessionManagesTokensNeverAToken() throws Exception {
        String token = token(MEMBER, "no-manager", 1);
        for (HttpResponse<String> r : List.of(bearer("/account/tokens", token),
                Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"minted\",\"days\":365}", null, null,
                    "Authorization", "Bearer " + token),
                Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"minted\",\"days\":365}", null, null,
                    "Authorization", basic(MEMBER, token)),
                Archive.request("DELETE", "/account/tokens/1", null, null, null, null, "Authorization", "Bearer " + token))) {
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("a personal token cannot"), r.body());
        }
        assertFalse(Archive.send("GET", "/account/tokens", null, MEMBER, PASSWORD).body().contains("minted"));
        HttpResponse<String> anonymous = Archive.send("GET", "/account/tokens", null, null, null);
        assertChallenged(anonymous, "Basic");
        // a session manages them like the password
        String cookie = session(MEMBER);
        HttpResponse<String> created = Archive.request("POST", "/account/tokens", JSON,
            "{\"name\":\"by-session\",\"days\":2}", null, null, "Cookie", cookie, "Origin", Archive.origin());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(withCookie("GET", "/account/tokens", cookie).body().contains("\"by-session\""));
    }

    @Test
    void tokenRequestsAreCheckedAndBoundedPerUser() throws Exception {
        for (String body : List.of("{\"name\":\"x\",\"days\":0}", "{\"name\":\"x\",\"days\":366}", "{\"name\":\"x\"}",
                "{\"name\":\"x\",\"days\":1.5}", "{\"name\":\"\",\"days\":1}", "{\"name\":\"a\\nb\",\"days\":1}",
                "{\"days\":1}", "not json", "[1]")) {
            HttpResponse<String> r = Archive.request("POST", "/account/tokens", JSON, body, MANY, PASSWORD);
            assertEquals(400, r.statusCode(), body + ": " + r.body());
            assertTrue(r.body().startsWith("{\"message\":"), r.body());
        }
        assertEquals(413, Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"" + "x".repeat(5000)
            + "\",\"days\":1}", MANY, PASSWORD).statusCode());
        token(MANY, "dup", 1);
        HttpResponse<String> dup = Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"dup\",\"days\":1}", MANY,
            PASSWORD);
        assertEquals(409, dup.statusCode(), dup.body());
        int max = Integer.parseInt(System.getenv().getOrDefault("ARCHIVE_ACCOUNT_TOKENS_MAX_PER_USER", "50"));
        for (int i = 1; i < max; i++) {
            token(MANY, "t" + i, 1);
        }
        HttpResponse<String> full = Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"one more\",\"days\":1}",
            MANY, PASSWORD);
        assertEquals(409, full.statusCode(), full.body());
        assertTrue(full.body().contains("revoke one first"), full.body());
        assertEquals(max, rows("SELECT count(*) FROM archive.personal_tokens t JOIN archive.users u ON u.id = t.user_id"
            + " WHERE u.name = ?", MANY));
        // another user's token is no one's to revoke but its owner's
        String token = token(MEMBER, "not yours", 1);
        Matcher id = Pattern.compile("\"id\":(\\d+),\"name\":\"not yours\"").matcher(
            Archive.send("GET", "/account/tokens", null, MEMBER, PASSWORD).body());
        assertTrue(id.find());
        assertEquals(404, Archive.send("DELETE", "/account/tokens/" + id.group(1), null, MANY, PASSWORD).statusCode());
        assertRows(query("Authorization", "Bearer " + token));
    }

    // ---- cross-site requests and guessing

    @Test
    void stateChangesWithTheSessionFromAnotherSiteAreRefusedAndChangeNothing() throws Exception {
        String cookie = session(MEMBER);
        HttpResponse<String> create = Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"csrf\",\"days\":365}",
            null, null, "Cookie", cookie, "Origin", EVIL);
        assertEquals(403, create.statusCode(), create.body());
        assertTrue(create.body().contains("cross-site request refused"), create.body());
        assertFalse(withCookie("GET", "/account/tokens", cookie).body().contains("\"csrf\""), "no token made");

        String token = token(MEMBER, "csrf-target", 1);
        Matcher id = Pattern.compile("\"id\":(\\d+),\"name\":\"csrf-target\"").matcher(
            withCookie("GET", "/account/tokens", cookie).body());
        assertTrue(id.find());
        assertEquals(403, Archive.request("DELETE", "/account/tokens/" + id.group(1), null, null, null, null,
            "Cookie", cookie, "Origin", EVIL).statusCode());
        assertRows(query("Authorization", "Bearer " + token));

        assertEquals(403, withCookie("POST", "/account/sign-out", cookie, "Origin", EVIL).statusCode());
        assertEquals(403, withCookie("POST", "/account/sign-out", cookie, "Referer", EVIL + "/page").statusCode());
        assertRows(query("Cookie", cookie));
        HttpResponse<String> login = signIn(MEMBER, PASSWORD, "Origin", EVIL);
        assertEquals(403, login.statusCode(), "no login CSRF: " + login.body());
        assertTrue(login.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void tokenGuessesUnderAUserNameAreThrottledLikePasswords() throws Exception {
        String token = token(LOCKED, "locked", 1);
        Archive.Raw r = null;
        int refused = 0;
        for (int i = 0; i < 12 && (r == null || r.status() == 401); i++) {
            r = Archive.from(BASIC_GUESSER, "GET", SYNC, null, null, "Authorization", basic(LOCKED, randomToken()));
            refused += r.status() == 401 ? 1 : 0;
        }
        assertEquals(429, r.status(), r.text());
        assertEquals(10, refused, "archive.auth.failures.max-per-user is 10 by default");
        assertTrue(Long.parseLong(r.header("Retry-After")) > 0, r.text());
        assertEquals(429, query("Authorization", basic(LOCKED, token)).statusCode(), "blocked: even the right token");
        assertRows(query("Authorization", basic(MEMBER, token(MEMBER, "unlocked", 1))));
    }

    @Test
    void bearerGuessesFromOneAddressAreThrottled() throws Exception {
        String token = token(MEMBER, "from-elsewhere", 1);
        int max = Integer.parseInt(System.getenv().getOrDefault("ARCHIVE_AUTH_FAILURES_MAX_PER_ADDRESS", "50"));
        int status = 0;
        int unauthorized = 0;
        for (int i = 0; i <= max && status != 429; i++) {
            status = Archive.from(BEARER_GUESSER, "GET", "/tap/tables", null, null, "Authorization",
                "Bearer " + randomToken()).status();
            assertTrue(status == 401 || status == 429, "guess " + i + ": " + status);
            unauthorized += status == 401 ? 1 : 0;
        }
        assertEquals(429, status, (max + 1) + " wrong tokens from " + BEARER_GUESSER + " were not limited");
        assertTrue(unauthorized <= max, unauthorized + " failures before 429");
        assertEquals(429, Archive.from(BEARER_GUESSER, "GET", "/tap/tables", null, null, "Authorization", "Bearer " + token)
            .status(),
            "the address is blocked, whatever it sends");
        assertEquals(200, bearer("/tap/tables", token).statusCode(), "the block is " + BEARER_GUESSER + "'s only");
    }

    // ---- maintenance

    @Test
    void expiredRowsArePrunedByTheTimer() throws Exception {
        HttpResponse<String> tasks = Archive.send("GET", "/admin/maintenance", null, ADMIN, PASSWORD);
        Matcher interval = Pattern.compile("\"name\":\"account-credentials\",[^}]*\"intervalSeconds\":(\\d+)")
            .matcher(tasks.body());
        assertTrue(interval.find(), "the task is listed: " + tasks.body());
        int seconds = Integer.parseInt(interval.group(1));
        assumeTrue(seconds > 0 && seconds <= 5, "archive.account.prune-interval-seconds is " + seconds
            + " (deploy/test sets 2): too long to wait for");
        String token = token(OTHER, "to-prune", 1);
        String cookie = session(OTHER);
        expire("personal_tokens", token);
        expire("sessions", secretOf(cookie));
        long deadline = System.currentTimeMillis() + 4000L * seconds;
        String sql = "SELECT (SELECT count(*) FROM archive.personal_tokens WHERE secret_hash = sha256(convert_to(?, 'UTF8')))"
            + " + (SELECT count(*) FROM archive.sessions WHERE user_id = (SELECT id FROM archive.users WHERE name = '"
            + OTHER + "') AND expires < now())";
        while (rows(sql, token) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, rows(sql, token), "expired rows still there after " + 4 * seconds + " s");
        assertNotNull(tasks.body());
    }

    @Test
    void theAccountPageIsAPageOfTheSiteWithItsOwnScriptOnly() throws Exception {
        HttpResponse<String> page = Archive.request("GET", "/account", null, null, null, null);
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self';") && csp.contains("style-src 'self';") && !csp.contains("unsafe"),
            "the pages' policy, without a nonce: " + csp);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), "no cache keeps the tokens");
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/portal/assets/site.css\">\n"
            + "<link rel=\"stylesheet\" href=\"/portal/assets/account.css\">"), page.body());
        assertTrue(page.body().contains("<script defer src=\"/portal/assets/account.js\"></script>"), page.body());
        assertTrue(page.body().contains("<form id=\"sign-in\"") && page.body().contains(">Sign in</a>"), page.body());
        assertFalse(page.body().contains("<script>"), "no inline script");
        for (String path : new String[] {"/", "/query", "/landing/demo", "/account"}) {
            HttpResponse<String> signedIn = Archive.request("GET", path, null, null, null, null, "Authorization",
                basic(MEMBER, PASSWORD));
            assertTrue(signedIn.body().contains("<a id=\"account-link\" href=\"/account\" title=\"Your account\">"
                + MEMBER + "</a>"), path + ": the site header names the caller");
            assertTrue(signedIn.headers().firstValue("Cache-Control").orElse("").matches("private, no-cache|no-store"),
                path + ": no shared cache keeps a page that names its caller");
        }
    }
}
