package org.voarchive.office;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.voarchive.site.PageChecks;

class BackOfficePageTest {

    private static final BackOfficePage.Frame CURATOR = new BackOfficePage.Frame("/", "Demo", "cora", false);
    private static final BackOfficePage.Frame ADMIN = new BackOfficePage.Frame("/archive/", "Demo", "ada", true);

    @Test
    void everyPageIsAFrameForItsScriptUnderThePagesPolicy() {
        for (String html : new String[] {BackOfficePage.home(CURATOR), BackOfficePage.schema(CURATOR, "demo"),
                BackOfficePage.table(CURATOR, "demo", "bsc5"), BackOfficePage.users(ADMIN)}) {
            PageChecks.assertNoInlineScriptOrStyle(html);
            PageChecks.assertContains(html, "portal/assets/office.js\"></script>", "portal/assets/office.css\">",
                "<p id=\"office-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>");
        }
        PageChecks.assertContains(BackOfficePage.home(CURATOR), "<main id=\"office\" data-page=\"home\" data-root=\"/\""
            + " data-api=\"/admin/metadata\" data-accounts=\"/admin/accounts\" data-generated=\"ivoa tap_schema\">", "<div id=\"undescribed\"",
            "<div id=\"described\"", "<span class=\"role\">curator</span>");
        PageChecks.assertContains(BackOfficePage.users(ADMIN), "data-page=\"users\" data-root=\"/archive/\""
            + " data-api=\"/archive/admin/metadata\" data-accounts=\"/archive/admin/accounts\" data-generated=\"ivoa tap_schema\">",
            "<a href=\"/archive/admin/users\" aria-current=\"page\">Users and groups</a>");
    }

    @Test
    void namesAreEscapedAndTheTablesPageHasItsSectionsAndDataCitesLists() {
        String html = BackOfficePage.table(CURATOR, "s<x>", "t\"y");
        PageChecks.assertContains(html, "data-schema=\"s&lt;x&gt;\" data-table=\"t&quot;y\"",
            "<h1>Table <code>s&lt;x&gt;.t&quot;y</code></h1>", "<div id=\"columns\"", "<div id=\"credits\"",
            "<div id=\"conesearch\"", "<div id=\"access\"", "<datalist id=\"vocabulary-contributor-types\">",
            "<option value=\"DataCurator\"></option>", "<option value=\"IsDocumentedBy\"></option>");
        assertFalse(html.contains("s<x>"), html);
    }

    @Test
    void onlyAdministratorsAreShownUserAdministration() {
        assertFalse(BackOfficePage.home(CURATOR).contains("admin/users"));
        assertTrue(BackOfficePage.home(ADMIN).contains("<a href=\"/archive/admin/users\">Users and groups</a>"));
        String refused = BackOfficePage.refused(new BackOfficePage.Frame("/", "Demo", "<eve>", false), false);
        PageChecks.assertContains(refused, "<h1>Not open to you</h1>", "signed in as <strong>&lt;eve&gt;</strong>",
            "for the groups <code>curator</code> (metadata) and <code>admin</code>");
        PageChecks.assertNoInlineScriptOrStyle(refused);
        assertTrue(BackOfficePage.refused(CURATOR, true).contains("(user administration, operations) is for the group"
            + " <code>admin</code> only"));
    }
}
