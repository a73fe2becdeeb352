package org.voarchive.security;

/**
 * The roles the server's security constraints name (WEB-INF/web.xml), each the group of the same name
 * (WEB-INF/glassfish-web.xml maps them; groups are data: deploy/user gives a user theirs).
 */
public final class Roles {

    /** The archive's administrators: the whole admin API, user administration included, and every object's access. */
    public static final String ADMIN = "admin";

    /**
     * Curators: the metadata's part of the admin API and the back office's metadata pages (discover, publish,
     * describe, access levels), but not user administration nor the rest of the admin API. Administrators may do
     * all a curator may.
     */
    public static final String CURATOR = "curator";

    private Roles() {
    }
}
