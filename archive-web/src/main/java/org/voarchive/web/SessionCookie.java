package org.voarchive.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.voarchive.site.SiteIdentity;

/**
 * The portal's session cookie, the one place its name and attributes are decided: {@code HttpOnly} (no
 * script reads it), {@code SameSite=Lax} (other sites' forms and fetches do not carry it; the cross-site
 * request filter refuses their state changes anyway), {@code Path=/}, and {@code Max-Age} the session's
 * lifetime, so the browser drops it when the server would refuse it. It is {@code Secure} when the request
 * came over https or the archive's public URL ({@code archive.base-url}) is https (TLS ended at a proxy),
 * and then named with the {@code __Host-} prefix, which browsers only accept from a secure origin for the
 * whole host (no Domain), so no sibling host can plant one. Its value is the session's secret; the
 * database holds only its hash.
 */
@ApplicationScoped
public class SessionCookie {

    static final String NAME = "voarchive-session";
    static final String SECURE_NAME = "__Host-" + NAME;

    @Inject
    SiteIdentity site;

    /** The session secret the request's cookie carries, or null. */
    public String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = name(secure(request));
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The Set-Cookie value that gives the browser a session's secret for its lifetime. */
    public String set(HttpServletRequest request, String secret, Duration lifetime) {
        return header(secure(request), secret, lifetime.toSeconds());
    }

    /** The Set-Cookie value that makes the browser forget the session cookie. */
    public String clear(HttpServletRequest request) {
        return header(secure(request), "", 0);
    }

    boolean secure(HttpServletRequest request) {
        return request.isSecure() || site.baseUrl().toLowerCase(Locale.ROOT).startsWith("https:");
    }

    static String name(boolean secure) {
        return secure ? SECURE_NAME : NAME;
    }

    /** Written by hand: the attributes (SameSite above all) must be exactly these on every runtime. */
    static String header(boolean secure, String value, long maxAgeSeconds) {
        return name(secure) + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
            + (secure ? "; Secure" : "");
    }
}
