package org.voarchive.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How callers may authenticate, as VOResource's {@code securityMethod} declares it (SSO 2.0): the one
 * list for every interface the archive publishes, in its VOSI capabilities and its registry records
 * (each interface is written once per method, since VOResource allows one method per interface).
 * The web module's HTTP Basic mechanism applies to every request of the application, so every interface
 * takes both: no credentials (anonymous, what the public sees) and HTTP Basic (a user's own jobs and
 * tables, INTERNAL and group tables; wrong credentials are a 401 with a challenge, never anonymous).
 * Change this list and the mechanism together.
 */
public final class SecurityMethods {

    /** SSO 2.0: HTTP Basic authentication (RFC 7617), the standardID pyvo and TOPCAT look for. */
    public static final String BASIC_AA = "ivo://ivoa.net/sso#BasicAA";

    /** The standardIDs every interface accepts; null is VOResource's securityMethod without standardID: anonymous. */
    public static final List<String> ACCEPTED = Collections.unmodifiableList(Arrays.asList(null, BASIC_AA));

    private SecurityMethods() {
    }
}
