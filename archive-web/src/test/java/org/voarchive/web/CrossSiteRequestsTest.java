package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    private static final String BASE = "https://archive.example.org/";

    @Test
    void theArchivesOwnOriginIsAllowed() {
        assertTrue(CrossSiteRequests.own("https://archive.example.org", BASE, "proxy.internal:8080"));
        assertTrue(CrossSiteRequests.own("https://ARCHIVE.example.org:443", BASE, null));
        // reached under another name: the request's own Host
        assertTrue(CrossSiteRequests.own("http://localhost:8080", BASE, "localhost:8080"));
        assertTrue(CrossSiteRequests.own("http://10.0.0.5", BASE, "10.0.0.5"));
        assertTrue(CrossSiteRequests.own("http://[::1]:8080", BASE, "[::1]:8080"));
    }

    @Test
    void otherOriginsAreNot() {
        assertFalse(CrossSiteRequests.own("http://evil.example", BASE, "localhost:8080"));
        assertFalse(CrossSiteRequests.own("http://archive.example.org", BASE, null), "another scheme is another origin");
        assertFalse(CrossSiteRequests.own("https://archive.example.org:8443", BASE, "archive.example.org"));
        assertFalse(CrossSiteRequests.own("https://archive.example.org.evil.example", BASE, "archive.example.org"));
        assertFalse(CrossSiteRequests.own("http://localhost:8081", BASE, "localhost:8080"));
        assertFalse(CrossSiteRequests.own("null", BASE, "localhost:8080"), "opaque origins (sandboxes, file:) are foreign");
        assertFalse(CrossSiteRequests.own("", BASE, "localhost:8080"));
    }

    @Test
    void aRefererGivesItsOrigin() {
        assertEquals(Optional.of("https://evil.example:8443"), CrossSiteRequests.origin("HTTPS://evil.example:8443/a/b?c=d"));
        assertEquals(Optional.of("http://localhost:8080"), CrossSiteRequests.origin("http://localhost:8080/admin/"));
        assertEquals(Optional.empty(), CrossSiteRequests.origin("not a url"));
    }
}
