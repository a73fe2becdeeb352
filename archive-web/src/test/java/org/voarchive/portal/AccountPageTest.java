package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voarchive.account.PersonalTokens;
import org.voarchive.metadata.Caller;
import org.voarchive.site.PageChecks;
import org.voarchive.web.CallerName;

class AccountPageTest {

    private static final PersonalTokens.Token TOKEN = new PersonalTokens.Token(7, "<b>laptop</b>",
        Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-02-01T03:04:05Z"), null);

    private static CallerName.Authenticated caller(String name, CallerName.Credential credential, String... groups) {
        return new CallerName.Authenticated(new Caller(name, Set.of(groups)), credential);
    }

    @Test
    void anAnonymousCallerGetsTheSignInFormOnly() {
        String html = AccountPage.render("/", "Demo", null, List.of(), 365);
        assertTrue(html.contains("<form id=\"sign-in\" class=\"fields\" method=\"post\" action=\"/account/sign-in\">"), html);
        assertTrue(html.contains("type=\"password\" autocomplete=\"current-password\""), html);
        assertTrue(html.contains("data-tokens=\"/account/tokens\""), html);
        assertTrue(html.contains("<script defer src=\"/portal/assets/account.js\"></script>"), html);
        assertTrue(html.indexOf("href=\"/portal/assets/site.css\"") < html.indexOf("href=\"/portal/assets/account.css\""),
            "the pages' layout, with the shared style sheet first: " + html);
        assertTrue(html.contains(">Sign in</a>"), "the header's link: " + html);
        assertFalse(html.contains("id=\"token-form\"") || html.contains("id=\"sign-out\""), html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void aSignedInCallerSeesNameGroupsTokensAndSignOutEscaped() {
        String html = AccountPage.render("/", "Demo", caller("alice", CallerName.Credential.SESSION, "b<g>", "a"),
            List.of(TOKEN), 90);
        assertTrue(html.contains("<dd id=\"user-name\">alice</dd>"), html);
        assertTrue(html.contains("<dd id=\"user-groups\">a, b&lt;g&gt;</dd>"), html);
        assertTrue(html.contains("action=\"/account/sign-out\""), html);
        assertTrue(html.contains("<input id=\"token-days\" name=\"days\" type=\"number\" min=\"1\" max=\"90\" value=\"30\""),
            html);
        assertTrue(html.contains("<tr data-token-id=\"7\"><td>&lt;b&gt;laptop&lt;/b&gt;</td>"
            + "<td><time datetime=\"2026-01-02T03:04:05Z\">2026-01-02 03:04 UTC</time></td>"), html);
        assertTrue(html.contains("<td>never</td>"), "never used: " + html);
        assertTrue(html.contains("aria-label=\"Revoke &lt;b&gt;laptop&lt;/b&gt;\""), html);
        assertTrue(html.contains("<p id=\"no-tokens\" hidden>"), html);
        assertTrue(html.contains(" title=\"Your account\">alice</a>"), "the header's link: " + html);
        assertFalse(html.contains("<b>"), html);
        PageChecks.assertNoInlineScriptOrStyle(html);
    }

    @Test
    void pathsFollowTheApplicationsRoot() {
        String html = AccountPage.render("/archive/", "Demo", caller("alice", CallerName.Credential.SESSION), List.of(), 9);
        assertTrue(html.contains("data-sign-in=\"/archive/account/sign-in\" data-sign-out=\"/archive/account/sign-out\""
            + " data-tokens=\"/archive/account/tokens\""), html);
        assertTrue(html.contains("action=\"/archive/account/sign-out\"") && html.contains("value=\"9\""), html);
    }

    @Test
    void onlyASessionSignsOutAndATokenManagesNoTokens() {
        String basic = AccountPage.render("/", "Demo", caller("bob", CallerName.Credential.PASSWORD), List.of(), 365);
        assertFalse(basic.contains("id=\"sign-out\""), "HTTP Basic ends when the browser closes: " + basic);
        assertTrue(basic.contains("id=\"token-form\"") && basic.contains("<p id=\"no-tokens\">"), basic);
        assertTrue(basic.contains("<dd id=\"user-groups\">none</dd>"), basic);
        String token = AccountPage.render("/", "Demo", caller("bob", CallerName.Credential.TOKEN), List.of(), 365);
        assertFalse(token.contains("id=\"token-form\""), token);
        assertTrue(token.contains("id=\"token-credential\""), token);
    }

    @Test
    void theSignInFormGoesBackOnlyToTheApplicationsOwnPages() {
        assertEquals("/admin/tables/demo.bsc5", AccountPage.next("/", "/admin/tables/demo.bsc5"));
        assertEquals("/archive/admin", AccountPage.next("/archive/", "/archive/admin"));
        for (String given : new String[] {null, "//evil.example/admin", "https://evil.example/", "admin", "/admin\\..",
                "/admin\nSet-Cookie", "javascript:alert(1)", "/other/admin"}) {
            assertNull(AccountPage.next(given != null && given.startsWith("/other") ? "/archive/" : "/", given), given);
        }
        String html = AccountPage.render("/", "Demo", null, List.of(), 365, "/admin/tables/a\"b", false);
        assertTrue(html.contains("data-next=\"/admin/tables/a&quot;b\""), html);
        assertFalse(AccountPage.render("/", "Demo", null, List.of(), 365).contains("data-next"));
    }

    @Test
    void curatorsAndAdministratorsGetALinkToTheBackOffice() {
        CallerName.Authenticated curator = caller("cora", CallerName.Credential.SESSION, "curator");
        assertTrue(AccountPage.render("/", "Demo", curator, List.of(), 365, null, true)
            .contains("<p id=\"office-link\"><a href=\"/admin\">The back office</a>"));
        assertFalse(AccountPage.render("/", "Demo", curator, List.of(), 365, null, false).contains("office-link"));
    }

    @Test
    void signUpIsOfferedToAnonymousCallersOnlyWhereTheSiteAllowsIt() {
        String off = AccountPage.render("/", "Demo", null, List.of(), 365, null, false);
        assertFalse(off.contains("sign-up"), off);
        String on = AccountPage.render("/archive/", "Demo", null, List.of(), 365, null, false, true);
        assertTrue(on.contains("data-sign-up=\"/archive/account/sign-up\"") && on.contains("<form id=\"sign-up\""), on);
        assertFalse(AccountPage.render("/", "Demo", caller("cora", CallerName.Credential.SESSION), List.of(), 365, null,
            false, true).contains("<form id=\"sign-up\""), "not for someone signed in");
    }
}
