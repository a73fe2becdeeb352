package org.voarchive.web;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The one caller lookup of the resources: the name {@link BasicAuthentication} established for this request, or
 * null for an anonymous caller (the services decide what anonymous may do; a wrong password never gets here).
 */
public final class CallerName {

    private CallerName() {
    }

    public static String of(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
