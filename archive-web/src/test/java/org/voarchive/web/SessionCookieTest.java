package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void theCookieIsHttpOnlyLaxForTheWholeHostAndLivesAsLongAsTheSession() {
        assertEquals("voarchive-session=voas_x; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax",
            SessionCookie.header(false, "voas_x", 43200));
    }

    @Test
    void overHttpsItIsSecureAndHostPrefixed() {
        assertEquals("__Host-voarchive-session=voas_x; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure",
            SessionCookie.header(true, "voas_x", 60));
    }

    @Test
    void clearingItIsAnEmptyValueThatExpiresAtOnce() {
        assertEquals("voarchive-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax", SessionCookie.header(false, "", 0));
    }
}
