package org.voarchive.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.account.SecretLogins;
import org.voarchive.security.Logins;
import org.voarchive.security.Roles;
import org.voarchive.security.Secrets;

/**
 * The one caller lookup of every request: who is calling, from the credentials the request carries.
 * <ul>
 * <li>{@code Authorization: Basic} (what pyvo, TOPCAT and curl send) with the user's password
 * ({@link Logins}), or with one of the user's personal tokens as the password (a password has no token's
 * shape: {@link Secrets}; the token must be that user's);</li>
 * <li>{@code Authorization: Bearer} with a personal token;</li>
 * <li>without an Authorization header, the portal's session cookie ({@link SessionCookie}).</li>
 * </ul>
 * Tokens and sessions are checked by {@link SecretLogins}. Groups "admin" and "curator" are the roles of the
 * same names ({@link Roles}, WEB-INF/glassfish-web.xml), which /admin/* requires (WEB-INF/web.xml: admin, or
 * either for the metadata's part). A request without credentials stays
 * anonymous where that is allowed; a request with credentials that are wrong (an unknown, expired or revoked
 * token or session included) is refused with 401 and a challenge everywhere, never run as anonymous (the
 * caller would silently see less and not know why), and one from a user name or address with too many recent
 * failures of any kind gets 429. DALI services answer with a DALI error document, the others with text.
 * Because it applies to every request, every published interface declares anonymous access and HTTP Basic
 * ({@link org.voarchive.security.SecurityMethods}).
 */
@DeclareRoles({Roles.ADMIN, Roles.CURATOR})
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class.getName());
    public static final String REALM = "VO Archive";
    /** The challenge of every 401 (RFC 7617) but a session's. */
    public static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    /** Added when a Bearer token was refused (RFC 6750 section 3.1). */
    static final String BEARER_CHALLENGE = "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"";
    /**
     * The challenge of a 401 for the portal's session cookie or sign-in form: to sign in again with the form.
     * Not Basic, on purpose: a browser answers a Basic challenge with its own login dialog, which would sign
     * the user in with HTTP Basic instead (credentials the browser then sends everywhere until it closes).
     */
    public static final String SESSION_CHALLENGE = "Session realm=\"" + REALM + "\"";

    @Inject
    Logins logins;

    @Inject
    SecretLogins secrets;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    ClientAddresses clients;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            return AuthorizationHeader.parse(header)
                .map(credentials -> check(credentials, request, response, context))
                .orElseGet(() -> refuse(request, response, 401, "the Authorization header is neither HTTP Basic"
                    + " (user:password, or user:personal token) nor a Bearer token", null, CHALLENGE));
        }
        String session = sessionCookie.read(request);
        if (session != null) {
            return checkSession(session, request, response, context);
        }
        if (context.isProtected()) {
            return refuse(request, response, 401, "this resource needs a login (HTTP Basic)", null, CHALLENGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus check(AuthorizationHeader credentials, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) {
        String address = clients.of(request);
        try {
            if (credentials instanceof AuthorizationHeader.Bearer bearer) {
                return answer(secrets.token(null, bearer.token(), address), CallerName.Credential.TOKEN, request,
                    response, context, "unknown, expired or revoked token", CHALLENGE, BEARER_CHALLENGE);
            }
            AuthorizationHeader.Basic basic = (AuthorizationHeader.Basic) credentials;
            if (Secrets.shaped(Secrets.Kind.TOKEN, basic.password())) {
                return answer(secrets.token(basic.user(), new String(basic.password()), address),
                    CallerName.Credential.TOKEN, request, response, context,
                    "wrong user name or token (unknown, expired, revoked, or another user's)", CHALLENGE);
            }
            return answer(logins.login(basic.user(), basic.password(), address), CallerName.Credential.PASSWORD,
                request, response, context, "wrong user name or password", CHALLENGE);
        } catch (SQLException e) {
            return unavailable(e, request, response);
        } finally {
            if (credentials instanceof AuthorizationHeader.Basic basic) {
                Arrays.fill(basic.password(), '\0');
            }
        }
    }

    private AuthenticationStatus checkSession(String session, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            Logins.Outcome outcome = secrets.session(session, clients.of(request));
            if (outcome instanceof Logins.Invalid) {
                // the browser forgets it, so its next request is anonymous and says so
                response.addHeader("Set-Cookie", sessionCookie.clear(request));
            }
            return answer(outcome, CallerName.Credential.SESSION, request, response, context,
                "your session has ended (signed out, expired, or ended by a new password); sign in again on the"
                    + " account page, " + request.getContextPath() + "/account", SESSION_CHALLENGE);
        } catch (SQLException e) {
            return unavailable(e, request, response);
        }
    }

    private static AuthenticationStatus answer(Logins.Outcome outcome, CallerName.Credential credential,
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String invalid,
            String... challenges) {
        if (outcome instanceof Logins.Valid valid) {
            CallerName.remember(request, new CallerName.Authenticated(valid.caller(), credential));
            return context.notifyContainerAboutLogin(valid.caller().name(), valid.caller().groups());
        }
        if (outcome instanceof Logins.Throttled throttled) {
            return refuse(request, response, 429, "too many failed logins for this user or from this address;"
                + " try again in " + throttled.retryAfterSeconds() + " s", throttled.retryAfterSeconds());
        }
        return refuse(request, response, 401, invalid, null, challenges);
    }

    private static AuthenticationStatus unavailable(SQLException e, HttpServletRequest request,
            HttpServletResponse response) {
        LOG.log(Level.SEVERE, "the users could not be read", e);
        return refuse(request, response, 503, "logins cannot be checked at the moment; the service log has the details",
            null);
    }

    /**
     * Writes the refusal itself (the container's sendError would replace the body with its HTML page)
     * and tells the container not to go on.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String message, Long retryAfterSeconds, String... challenges) {
        for (String challenge : challenges) {
            response.addHeader("WWW-Authenticate", challenge);
        }
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        Refusals.write(request, response, status, message);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
