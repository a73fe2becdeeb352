package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API's user administration (/admin/accounts): only administrators may use it (curators and plain
 * users 403, anonymous callers 401); an administrator creates users (typed or generated password, new groups
 * made by naming them), sets groups, disables a user (whose password, token and session then all get 401) and
 * enables them again, resets a password (the old one stops working, the new one works), and revokes all of a
 * user's tokens and sessions; refusals are JSON naming the field. Self-registration is off by default (no
 * sign-up at all); where on, a signed-up account waits for an administrator's approval.
 */
class UserAdministrationIT {

    private static final String ADMIN = "it-users-admin";
    private static final String CURATOR = "it-users-curator";
    private static final String PLAIN = "it-users-plain";
    private static final String TARGET = "it-users-target";
    private static final String CREATED = "it-users-created";
    private static final String GENERATED = "it-users-generated";
    private static final String SIGNED_UP = "it-users-signed-up";
    private static final String REFUSED = "it-users-refused";
    private static final String PASSWORD = "it-users-secret-1";
    private static final String GROUP = "it_users_group";
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern PASSWORD_IN = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN_IN = Pattern.compile("\"token\"\\s*:\\s*\"(voat_[^\"]+)\"");

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(ADMIN, PASSWORD, "admin").add(CURATOR, PASSWORD, "curator")
        .add(PLAIN, PASSWORD).add(TARGET, PASSWORD).add(CREATED, PASSWORD).add(GENERATED, PASSWORD);

    @BeforeAll
    static void noSignedUpUsers() throws Exception {
        try (var c = Archive.connect("OWNER"); var s = c.createStatement()) {
            s.execute("DELETE FROM archive.users WHERE name IN ('" + SIGNED_UP + "', '" + REFUSED + "')");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var c = Archive.connect("OWNER"); var s = c.createStatement()) {
            s.execute("DELETE FROM archive.groups WHERE name = '" + GROUP + "'");
            s.execute("DELETE FROM archive.users WHERE name IN ('" + SIGNED_UP + "', '" + REFUSED + "')");
        }
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return Archive.request(method, "/admin/accounts" + path, json == null ? null : JSON, json, ADMIN, PASSWORD);
    }

    private static String cookie(String user, String password) throws Exception {
        HttpResponse<String> r = Archive.request("POST", "/account/sign-in", FORM, "user="
            + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), null, null, "Origin", Archive.origin());
        assertEquals(200, r.statusCode(), r.body());
        String set = r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("voarchive-session="))
            .findFirst().orElseThrow();
        return set.split(";", 2)[0];
    }

    private static String token(String user, String password) throws Exception {
        HttpResponse<String> r = Archive.request("POST", "/account/tokens", JSON, "{\"name\":\"it\",\"days\":1}", user,
            password);
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = TOKEN_IN.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private static int me(String... headers) throws Exception {
        return Archive.request("GET", "/account/me", null, null, null, null, headers).statusCode();
    }

    private static int withPassword(String user, String password) throws Exception {
        return Archive.request("GET", "/account/me", null, null, user, password).statusCode();
    }

    @Test
    void onlyAdministratorsMayAdministerUsers() throws Exception {
        List<String[]> calls = List.of(new String[] {"GET", ""},
            new String[] {"POST", "/users", "{\"name\":\"it-users-never\",\"groups\":[]}"},
            new String[] {"PUT", "/users/" + TARGET + "/groups", "{\"groups\":[\"admin\"]}"},
            new String[] {"POST", "/users/" + TARGET + "/disable"}, new String[] {"POST", "/users/" + TARGET + "/enable"},
            new String[] {"POST", "/users/" + TARGET + "/password"}, new String[] {"POST", "/users/" + TARGET + "/revoke"});
        for (String[] call : calls) {
            String body = call.length > 2 ? call[2] : null;
            String what = call[0] + " " + call[1];
            for (String user : List.of(CURATOR, PLAIN)) {
                assertEquals(403, Archive.request(call[0], "/admin/accounts" + call[1], body == null ? null : JSON, body,
                    user, PASSWORD).statusCode(), user + " " + what);
            }
            assertEquals(401, Archive.request(call[0], "/admin/accounts" + call[1], body == null ? null : JSON, body,
                null, null).statusCode(), "anonymous " + what);
        }
        assertEquals(200, withPassword(TARGET, PASSWORD), "nothing was changed by the refused calls");
        assertFalse(admin("GET", "", null).body().contains("it-users-never"));
    }

    @Test
    void anAdministratorCreatesUsersWithTypedOrGeneratedPasswordsAndNewGroups() throws Exception {
        try (var c = Archive.connect("OWNER"); var s = c.createStatement()) {
            s.execute("DELETE FROM archive.users WHERE name IN ('" + CREATED + "', '" + GENERATED + "')");
        }
        HttpResponse<String> typed = admin("POST", "/users", "{\"name\":\"" + CREATED + "\",\"groups\":[\"" + GROUP
            + "\"],\"password\":\"typed-password-1\"}");
        assertEquals(201, typed.statusCode(), typed.body());
        assertFalse(typed.body().contains("typed-password-1"), "a typed password is not echoed: " + typed.body());
        assertTrue(typed.body().contains("\"groups\":[\"" + GROUP + "\"]"), typed.body());
        assertEquals(200, withPassword(CREATED, "typed-password-1"));
        assertTrue(admin("GET", "", null).body().contains("\"name\":\"" + GROUP + "\""), "the group was created");

        HttpResponse<String> generated = admin("POST", "/users", "{\"name\":\"" + GENERATED + "\",\"groups\":[]}");
        assertEquals(201, generated.statusCode(), generated.body());
        Matcher m = PASSWORD_IN.matcher(generated.body());
        assertTrue(m.find(), "the generated password is shown: " + generated.body());
        assertEquals(200, withPassword(GENERATED, m.group(1)));

        HttpResponse<String> again = admin("POST", "/users", "{\"name\":\"" + CREATED + "\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"message\":\"name: "), again.body());
        HttpResponse<String> badName = admin("POST", "/users", "{\"name\":\"no spaces\"}");
        assertEquals(400, badName.statusCode());
        assertTrue(badName.body().contains("\"message\":\"name: "), badName.body());
        HttpResponse<String> badGroup = admin("POST", "/users", "{\"name\":\"it-users-x\",\"groups\":[\"a b\"]}");
        assertEquals(400, badGroup.statusCode());
        assertTrue(badGroup.body().contains("\"message\":\"groups: "), badGroup.body());
        HttpResponse<String> shortPassword = admin("POST", "/users", "{\"name\":\"it-users-x\",\"password\":\"short\"}");
        assertEquals(400, shortPassword.statusCode());
        assertTrue(shortPassword.body().contains("\"message\":\"password: "), shortPassword.body());
        assertFalse(admin("GET", "", null).body().contains("it-users-x"), "nothing was made of the refused ones");
        assertEquals(415, Archive.request("POST", "/admin/accounts/users", "text/plain", "x", ADMIN, PASSWORD)
            .statusCode());
    }

    @Test
    void groupsAreSetExactlyAndAnAdministratorKeepsTheirOwn() throws Exception {
        HttpResponse<String> set = admin("PUT", "/users/" + PLAIN + "/groups", "{\"groups\":[\"" + GROUP + "\",\""
            + GROUP + "\"]}");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("\"groups\":[\"" + GROUP + "\"]"), set.body());
        HttpResponse<String> me = Archive.request("GET", "/account/me", null, null, PLAIN, PASSWORD);
        assertTrue(me.body().contains(GROUP), "the user has the group at once: " + me.body());
        assertEquals(200, admin("PUT", "/users/" + PLAIN + "/groups", "{\"groups\":[]}").statusCode());
        assertFalse(Archive.request("GET", "/account/me", null, null, PLAIN, PASSWORD).body().contains(GROUP));
        assertEquals(409, admin("PUT", "/users/" + ADMIN + "/groups", "{\"groups\":[]}").statusCode());
        assertEquals(404, admin("PUT", "/users/it-users-nobody/groups", "{\"groups\":[]}").statusCode());
    }

    @Test
    void aDisabledUsersPasswordTokenAndSessionAreAllRefusedUntilEnabled() throws Exception {
        String token = token(TARGET, PASSWORD);
        String session = cookie(TARGET, PASSWORD);
        assertEquals(200, me("Cookie", session));
        HttpResponse<String> disabled = admin("POST", "/users/" + TARGET + "/disable", null);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(disabled.body().contains("\"disabled\":true") && disabled.body().contains("\"sessions\":0"),
            disabled.body());
        assertEquals(401, withPassword(TARGET, PASSWORD), "password");
        assertEquals(401, me("Authorization", "Bearer " + token), "token as Bearer");
        assertEquals(401, withPassword(TARGET, token), "token as the Basic password");
        assertEquals(401, me("Cookie", session), "session");
        assertEquals(401, Archive.request("POST", "/account/sign-in", FORM, "user=" + TARGET + "&password=" + PASSWORD,
            null, null, "Origin", Archive.origin()).statusCode(), "the sign-in form");

        HttpResponse<String> enabled = admin("POST", "/users/" + TARGET + "/enable", null);
        assertEquals(200, enabled.statusCode(), enabled.body());
        assertTrue(enabled.body().contains("\"disabled\":false"), enabled.body());
        assertEquals(200, withPassword(TARGET, PASSWORD), "password again");
        assertEquals(200, me("Authorization", "Bearer " + token), "the token again: disabling does not revoke it");
        assertEquals(401, me("Cookie", session), "the session ended for good");
        assertEquals(409, admin("POST", "/users/" + ADMIN + "/disable", null).statusCode(), "not oneself");
    }

    @Test
    void aResetPasswordWorksAndTheOldOneDoesNot() throws Exception {
        String session = cookie(PLAIN, PASSWORD);
        HttpResponse<String> reset = admin("POST", "/users/" + PLAIN + "/password", null);
        assertEquals(200, reset.statusCode(), reset.body());
        Matcher m = PASSWORD_IN.matcher(reset.body());
        assertTrue(m.find(), reset.body());
        try {
            assertEquals(401, withPassword(PLAIN, PASSWORD), "the old password");
            assertEquals(200, withPassword(PLAIN, m.group(1)), "the new password");
            assertEquals(401, me("Cookie", session), "the user's sessions ended");
        } finally {
            Archive.user(PLAIN, PASSWORD);
        }
    }

    @Test
    void revokingEndsAllTokensAndSessions() throws Exception {
        String token = token(CURATOR, PASSWORD);
        String session = cookie(CURATOR, PASSWORD);
        HttpResponse<String> revoked = admin("POST", "/users/" + CURATOR + "/revoke", null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(revoked.body().contains("\"tokens\":1") && revoked.body().contains("\"sessions\":1"), revoked.body());
        assertEquals(401, me("Authorization", "Bearer " + token));
        assertEquals(401, me("Cookie", session));
        assertEquals(200, withPassword(CURATOR, PASSWORD), "the password still works");
    }

    /**
     * Sign-up is a setting read at start (archive.account.sign-up), not changed at runtime: with it off (the
     * default, as deploy/test runs) there is no sign-up at all; with it on, an account waits for approval.
     */
    @Test
    void selfRegistrationIsOffByDefaultAndWaitsForApprovalWhereOn() throws Exception {
        String page = Archive.request("GET", "/account", null, null, null, null).body();
        HttpResponse<String> up = Archive.request("POST", "/account/sign-up", FORM, "user=" + SIGNED_UP
            + "&password=self-password-1", null, null, "Origin", Archive.origin());
        if (!page.contains("data-sign-up=")) {
            assertFalse(page.contains("id=\"sign-up\""), "the account page offers no sign-up");
            assertEquals(404, up.statusCode(), up.body());
            assertFalse(admin("GET", "", null).body().contains(SIGNED_UP));
            return;
        }
        assertEquals(202, up.statusCode(), up.body());
        assertTrue(admin("GET", "", null).body().contains("\"name\":\"" + SIGNED_UP + "\""), "listed");
        assertTrue(Pattern.compile("\"name\":\"" + SIGNED_UP + "\"[^}]*\"pending\":true").matcher(
            admin("GET", "", null).body()).find(), "waiting");
        assertEquals(401, withPassword(SIGNED_UP, "self-password-1"), "no sign-in before approval");
        assertEquals(409, Archive.request("POST", "/account/sign-up", FORM, "user=" + SIGNED_UP
            + "&password=self-password-1", null, null, "Origin", Archive.origin()).statusCode(), "the name is taken");
        assertEquals(403, Archive.request("POST", "/admin/accounts/users/" + SIGNED_UP + "/approve", null, null,
            CURATOR, PASSWORD).statusCode());
        assertEquals(200, admin("POST", "/users/" + SIGNED_UP + "/approve", null).statusCode());
        assertEquals(200, withPassword(SIGNED_UP, "self-password-1"), "approved, the password works");
        assertEquals(409, admin("POST", "/users/" + SIGNED_UP + "/refuse", null).statusCode(), "an approved user stays");

        assertEquals(202, Archive.request("POST", "/account/sign-up", FORM, "user=" + REFUSED
            + "&password=self-password-1", null, null, "Origin", Archive.origin()).statusCode());
        assertEquals(204, admin("POST", "/users/" + REFUSED + "/refuse", null).statusCode());
        assertFalse(admin("GET", "", null).body().contains(REFUSED), "a refused account is deleted");
    }
}
