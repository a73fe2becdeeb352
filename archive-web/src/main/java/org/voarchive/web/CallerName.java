package org.voarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.voarchive.metadata.Caller;

/**
 * The one caller lookup of the resources: the name {@link CallerAuthentication} established for this request, or
 * null for an anonymous caller (the services decide what anonymous may do; wrong credentials never get here),
 * and, for the account's resources, the caller with their groups and the credential they proved it with.
 */
public final class CallerName {

    /** How the caller proved who they are. */
    public enum Credential {
        /** The user's password (HTTP Basic). */
        PASSWORD,
        /** A personal token (Bearer, or the HTTP Basic password). */
        TOKEN,
        /** The portal's session cookie. */
        SESSION
    }

    /** Who is calling, with their groups as the request found them, and how they proved it. */
    public record Authenticated(Caller caller, Credential credential) {
    }

    private static final String ATTRIBUTE = Authenticated.class.getName();

    private CallerName() {
    }

    public static String of(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }

    /** The authenticated caller of this request; empty for an anonymous one. */
    public static Optional<Authenticated> authenticated(HttpServletRequest request) {
        return Optional.ofNullable((Authenticated) request.getAttribute(ATTRIBUTE));
    }

    static void remember(HttpServletRequest request, Authenticated caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
