package org.voarchive.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.voarchive.site.PageChecks;

class OperationsPageTest {

    private static final BackOfficePage.Frame ADMIN = new BackOfficePage.Frame("/archive/", "Demo", "ada", true);
    private static final BackOfficePage.Frame CURATOR = new BackOfficePage.Frame("/", "Demo", "cora", false);

    @Test
    void theFrameNamesItsApiAndHasItsSections() {
        String html = OperationsPage.html(ADMIN);
        PageChecks.assertNoInlineScriptOrStyle(html);
        PageChecks.assertContains(html, "data-page=\"operations\"",
            " data-operations=\"/archive/admin/operations\" data-maintenance=\"/archive/admin/maintenance\""
                + " data-storage=\"/archive/admin/storage\" data-groups=\"/archive/admin/groups\"",
            "<a href=\"/archive/admin/operations\" aria-current=\"page\">Operations</a>", "<div id=\"queues\"",
            "<div id=\"usage\"", "<h2 id=\"storage-heading\">Storage</h2>", "<div id=\"storage\"", "<div id=\"maintenance\"", "<div id=\"statistics\"", "<div id=\"oai\"");
    }

    @Test
    void curatorsAreNotShownTheLink() {
        assertFalse(BackOfficePage.home(CURATOR).contains("admin/operations"));
    }

    @Test
    void anAnonymousOwnerIsItsMaskedNetwork() {
        assertEquals("alice", OperationsResource.owner("alice", null));
        assertEquals("anonymous (network 192.0.2.0/24)", OperationsResource.owner(null, "192.0.2.77"));
        assertEquals("anonymous (network 2001:db8:1::/48)", OperationsResource.owner(null, "2001:db8:1:2::/64"));
        assertEquals("anonymous", OperationsResource.owner(null, null));
    }
}
