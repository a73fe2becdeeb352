package org.voarchive.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import org.voarchive.account.PersonalTokens;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;
import org.voarchive.web.CallerName;

/**
 * The account page. For an anonymous caller, the sign-in form; for a signed-in one, who they are (name,
 * groups, how they signed in), signing out, and their personal API tokens: a form that creates one (shown
 * once), and the list with a Revoke button per token. The bundled script ({@code account.js}) sends the forms
 * to the account API, whose paths it finds in the {@code data-} attributes of {@code main}, and shows its
 * answers; the lists and names on the page are rendered here, so they never pass through HTML in the script.
 */
final class AccountPage {

    /** The lifetime the token form proposes. */
    static final int DEFAULT_DAYS = 30;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    private AccountPage() {
    }

    /**
     * @param caller  the caller, or null for an anonymous one
     * @param tokens  the caller's tokens (empty unless the caller may manage them)
     * @param maxDays the longest lifetime of a token
     */
    static String render(String root, String siteName, CallerName.Authenticated caller,
            List<PersonalTokens.Token> tokens, int maxDays) {
        return render(root, siteName, caller, tokens, maxDays, null, false);
    }

    /**
     * @param next   where the sign-in form goes once it signed in (a page that sent an anonymous caller here,
     *               checked by {@link #next}), or null to show this page again
     * @param office whether the caller may use the back office: the page links it
     */
    static String render(String root, String siteName, CallerName.Authenticated caller,
            List<PersonalTokens.Token> tokens, int maxDays, String next, boolean office) {
        return render(root, siteName, caller, tokens, maxDays, next, office, false);
    }

    /** @param signUp whether the site lets people sign up (archive.account.sign-up): the page offers it */
    static String render(String root, String siteName, CallerName.Authenticated caller,
            List<PersonalTokens.Token> tokens, int maxDays, String next, boolean office, boolean signUp) {
        String r = Html.escape(root);
        StringBuilder html = new StringBuilder(4096)
            .append(PageLayout.start(root, "Account", siteName, caller == null ? null : caller.caller().name(), "",
                List.of("account.css"), List.of("account.js")))
            .append("<main id=\"account-page\" data-sign-in=\"").append(r).append("account/sign-in\" data-sign-out=\"")
            .append(r).append("account/sign-out\" data-tokens=\"").append(r).append("account/tokens\"")
            .append(signUp ? " data-sign-up=\"" + r + "account/sign-up\"" : "")
            .append(next == null ? "" : " data-next=\"" + Html.escape(next) + "\"").append(">\n")
            .append("<h1>Account</h1>\n")
            .append("<noscript><p class=\"status error\">This page needs JavaScript to sign in and to manage tokens.</p>"
                + "</noscript>\n");
        if (caller == null) {
            return html.append(signIn(r)).append(signUp ? signUp(r) : "").append("</main>\n").append(PageLayout.end())
                .toString();
        }
        html.append(you(r, caller));
        if (office) {
            html.append("<p id=\"office-link\"><a href=\"").append(r).append("admin\">The back office</a>: describe,"
                + " publish and decide who sees the archive's tables.</p>\n");
        }
        if (caller.credential() == CallerName.Credential.TOKEN) {
            html.append("<p id=\"token-credential\">You are authenticated with a personal token. Tokens cannot list,"
                + " create or revoke tokens: sign in with your password for that.</p>\n");
        } else {
            html.append(tokens(tokens, maxDays));
        }
        return html.append("</main>\n").append(PageLayout.end()).toString();
    }

    /**
     * The page to go to after signing in, if {@code given} is one of this application's own paths: never
     * another site's (//host, a scheme) nor anything a browser would read otherwise (backslashes, controls).
     */
    static String next(String root, String given) {
        if (given == null || !given.startsWith(root) || given.startsWith("//") || given.contains("\\")
                || given.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f) || given.contains(":")) {
            return null;
        }
        return given;
    }

    /** Creating an account, where the site allows it: it waits for an administrator's approval. */
    private static String signUp(String r) {
        return "<section aria-labelledby=\"sign-up-heading\">\n<h2 id=\"sign-up-heading\">Create an account</h2>\n"
            + "<p>No account yet? Choose a name and a password: an administrator approves the account before you can"
            + " sign in with it.</p>\n"
            + "<form id=\"sign-up\" class=\"fields\" method=\"post\" action=\"" + r + "account/sign-up\">\n"
            + "<label for=\"sign-up-user\">User name</label>"
            + "<input id=\"sign-up-user\" name=\"user\" autocomplete=\"username\" autocapitalize=\"none\""
            + " spellcheck=\"false\" maxlength=\"64\" required aria-describedby=\"sign-up-user-error\">\n"
            + "<p id=\"sign-up-user-error\" class=\"field-error\" role=\"alert\" hidden></p>\n"
            + "<label for=\"sign-up-password\">Password</label>"
            + "<input id=\"sign-up-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\""
            + " minlength=\"8\" required aria-describedby=\"sign-up-password-error\">\n"
            + "<p id=\"sign-up-password-error\" class=\"field-error\" role=\"alert\" hidden></p>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"sign-up-button\">Create an account</button></div>\n"
            + "<p id=\"sign-up-status\" class=\"status\" role=\"status\"></p>\n"
            + "</form>\n</section>\n";
    }

    private static String signIn(String r) {
        return "<p>Sign in to see and query the INTERNAL tables and the PRIVATE tables of your groups, here and on"
            + " the query page, and to make personal API tokens for pyvo, TOPCAT and scripts.</p>\n"
            + "<form id=\"sign-in\" class=\"fields\" method=\"post\" action=\"" + r + "account/sign-in\">\n"
            + "<label for=\"user\">User name</label>"
            + "<input id=\"user\" name=\"user\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\""
            + " maxlength=\"64\" required>\n"
            + "<label for=\"password\">Password</label>"
            + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
            + "<div class=\"actions\"><button type=\"submit\" id=\"sign-in-button\">Sign in</button></div>\n"
            + "<p id=\"sign-in-status\" class=\"status\" role=\"status\"></p>\n"
            + "</form>\n";
    }

    private static String you(String r, CallerName.Authenticated caller) {
        TreeSet<String> groups = new TreeSet<>(caller.caller().groups());
        String how = switch (caller.credential()) {
            case SESSION -> "with this page's sign-in form (a session in this browser)";
            case PASSWORD -> "with HTTP Basic: your browser sends your password with every request until it closes";
            case TOKEN -> "with a personal token";
        };
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"you-heading\">\n<h2 id=\"you-heading\">You</h2>\n")
            .append("<dl class=\"facts\">\n<dt>User name</dt><dd id=\"user-name\">")
            .append(Html.escape(caller.caller().name())).append("</dd>\n<dt>Groups</dt><dd id=\"user-groups\">")
            .append(groups.isEmpty() ? "none" : Html.escape(String.join(", ", groups)))
            .append("</dd>\n<dt>Signed in</dt><dd id=\"signed-in-with\">").append(how).append("</dd>\n</dl>\n");
        if (caller.credential() == CallerName.Credential.SESSION) {
            html.append("<form id=\"sign-out\" method=\"post\" action=\"").append(r)
                .append("account/sign-out\"><button type=\"submit\" id=\"sign-out-button\" class=\"secondary\">Sign out</button>"
                + " <span id=\"sign-out-status\" class=\"status\" role=\"status\">"
                + "</span></form>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String tokens(List<PersonalTokens.Token> tokens, int maxDays) {
        StringBuilder html = new StringBuilder(2048)
            .append("<section aria-labelledby=\"tokens-heading\">\n<h2 id=\"tokens-heading\">Personal API tokens</h2>\n")
            .append("<p>A token lets a program act as you without your password: pyvo, TOPCAT or a script sends it as"
                + " the password of HTTP Basic with your user name, or as a Bearer token. It is shown once, when it is"
                + " made (the archive keeps only a hash of it); revoke it here when the program no longer needs it.</p>\n")
            .append("<form id=\"token-form\" class=\"fields\" method=\"post\">\n")
            .append("<label for=\"token-name\">Name</label><input id=\"token-name\" name=\"name\" maxlength=\"")
            .append(64).append("\" required placeholder=\"laptop, TOPCAT, \u2026\" autocomplete=\"off\">\n")
            .append("<label for=\"token-days\">Valid for (days)</label><input id=\"token-days\" name=\"days\""
                + " type=\"number\" min=\"1\" max=\"").append(maxDays).append("\" value=\"")
            .append(Math.min(DEFAULT_DAYS, maxDays)).append("\" required>\n")
            .append("<div class=\"actions\"><button type=\"submit\" id=\"create-token\">Create token</button></div>\n")
            .append("<p id=\"token-status\" class=\"status\" role=\"status\"></p>\n</form>\n")
            .append("<div id=\"new-token\" class=\"new-token\" hidden>\n<p>Your new token <strong id=\"new-token-name\">"
                + "</strong>. Copy it now: it is not shown again.</p>\n<code id=\"new-token-secret\"></code>\n</div>\n")
            .append("<p id=\"no-tokens\"").append(tokens.isEmpty() ? "" : " hidden").append(">You have no tokens.</p>\n")
            .append("<div class=\"table-scroll\"").append(tokens.isEmpty() ? " hidden" : "").append(">\n")
            .append("<table id=\"tokens\">\n<caption class=\"visually-hidden\">Your tokens</caption>\n")
            .append("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Created</th><th scope=\"col\">Expires</th>"
                + "<th scope=\"col\">Last used</th><th scope=\"col\"><span class=\"visually-hidden\">Revoke</span></th>"
                + "</tr></thead>\n<tbody>\n");
        for (PersonalTokens.Token t : tokens) {
            String name = Html.escape(t.name());
            html.append("<tr data-token-id=\"").append(t.id()).append("\"><td>").append(name).append("</td><td>")
                .append(time(t.created())).append("</td><td>").append(time(t.expires())).append("</td><td>")
                .append(t.lastUsed() == null ? "never" : time(t.lastUsed()))
                .append("</td><td><button type=\"button\" class=\"revoke secondary\" data-token-id=\"").append(t.id())
                .append("\" aria-label=\"Revoke ").append(name).append("\">Revoke</button></td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>\n</section>\n").toString();
    }

    private static String time(Instant t) {
        return "<time datetime=\"" + t + "\">" + TIME.format(t) + "</time>";
    }
}
