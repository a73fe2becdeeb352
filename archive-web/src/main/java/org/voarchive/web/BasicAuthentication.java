package org.voarchive.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.security.Logins;

/**
 * HTTP Basic (what pyvo, TOPCAT and curl send) against the archive's users
 * ({@link Logins}); group "admin" is role "admin" (WEB-INF/glassfish-web.xml),
 * which /admin/* requires (WEB-INF/web.xml). A request without credentials
 * stays anonymous where that is allowed; a request with credentials that
 * are wrong is refused with 401 and a challenge everywhere, never run as
 * anonymous (the caller would silently see less and not know why), and one
 * from a user name or address with too many recent failures gets 429.
 * DALI services answer with a DALI error document, the others with text.
 * Because it applies to every request, every published interface declares
 * anonymous access and HTTP Basic ({@link org.voarchive.security.SecurityMethods}).
 */
@DeclareRoles({"admin"})
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BasicAuthentication.class.getName());
    public static final String REALM = "VO Archive";
    /** The challenge of every 401 (RFC 7617). */
    public static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    @Inject
    Logins logins;

    @Inject
    ClientAddresses clients;

    /** A user name and password from an Authorization header. */
    record Credentials(String user, char[] password) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            if (context.isProtected()) {
                return refuse(request, response, 401, "this resource needs a login (HTTP Basic)", null);
            }
            return context.doNothing();
        }
        Optional<Credentials> credentials = parse(header);
        if (credentials.isEmpty()) {
            return refuse(request, response, 401, "the Authorization header is not HTTP Basic with user:password", null);
        }
        try {
            Logins.Outcome outcome = logins.login(credentials.get().user(), credentials.get().password(),
                clients.of(request));
            if (outcome instanceof Logins.Valid valid) {
                return context.notifyContainerAboutLogin(valid.caller().name(), valid.caller().groups());
            }
            if (outcome instanceof Logins.Throttled throttled) {
                return refuse(request, response, 429, "too many failed logins for this user or from this address;"
                    + " try again in " + throttled.retryAfterSeconds() + " s", throttled.retryAfterSeconds());
            }
            return refuse(request, response, 401, "wrong user name or password", null);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "the users could not be read", e);
            return refuse(request, response, 503, "logins cannot be checked at the moment; the service log has the details",
                null);
        } finally {
            Arrays.fill(credentials.get().password(), '\0');
        }
    }

    /** RFC 7617: "Basic" base64(user ":" password), UTF-8; anything else is empty. */
    static Optional<Credentials> parse(String header) {
        String h = header.strip();
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(h.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        char[] all = new char[chars.remaining()];
        chars.get(all);
        int colon = 0;
        while (colon < all.length && all[colon] != ':') { // the first colon: passwords may hold colons, names not
            colon++;
        }
        if (colon == 0 || colon == all.length) {
            Arrays.fill(all, '\0');
            return Optional.empty();
        }
        Credentials c = new Credentials(new String(all, 0, colon), Arrays.copyOfRange(all, colon + 1, all.length));
        Arrays.fill(all, '\0');
        return Optional.of(c);
    }

    /**
     * Writes the refusal itself (the container's sendError would replace the body with its HTML page)
     * and tells the container not to go on.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String message, Long retryAfterSeconds) {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        Refusals.write(request, response, status, message);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
