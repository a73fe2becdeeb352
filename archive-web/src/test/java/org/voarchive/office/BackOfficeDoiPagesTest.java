package org.voarchive.office;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.voarchive.site.PageChecks;

/** The DOIs, Datalinks and Export and import pages: frames for office.js with the API paths they call. */
class BackOfficeDoiPagesTest {

    private static final BackOfficePage.Frame CURATOR = new BackOfficePage.Frame("/", "Demo", "cora", false);
    private static final BackOfficePage.Frame ADMIN = new BackOfficePage.Frame("/archive/", "Demo", "ada", true);

    @Test
    void thePagesNameTheirApiAndSections() {
        for (String html : new String[] {BackOfficePage.dois(CURATOR), BackOfficePage.datalinks(CURATOR),
                BackOfficePage.exchange(CURATOR)}) {
            PageChecks.assertNoInlineScriptOrStyle(html);
            PageChecks.assertContains(html, "portal/assets/office.js\"></script>", "<a href=\"/admin/dois\"",
                "<a href=\"/admin/datalinks\"", "<a href=\"/admin/exchange\"");
            assertFalse(html.contains("data-admin"), "a curator's page offers no registration");
        }
        PageChecks.assertContains(BackOfficePage.dois(CURATOR), "data-page=\"dois\"",
            "data-dois=\"/admin/metadata/dois\" data-register=\"/admin/doi/register\"", "<div id=\"dois\"",
            "<div id=\"record\"", "<a href=\"/admin/dois\" aria-current=\"page\">DOIs</a>");
        PageChecks.assertContains(BackOfficePage.datalinks(ADMIN), "data-page=\"datalinks\"",
            "data-datalinks=\"/archive/admin/metadata/datalinks\" data-links=\"/archive/datalink/links\"",
            "<div id=\"upload\"", "<div id=\"lookup\"");
        assertTrue(BackOfficePage.dois(ADMIN).contains("data-register=\"/archive/admin/doi/register\" data-admin=\"\""));
        PageChecks.assertContains(BackOfficePage.exchange(CURATOR), "data-page=\"exchange\"", "<div id=\"export\"",
            "<div id=\"import\"");
    }

    @Test
    void schemaAndTablePagesLinkTheirRecord() {
        assertTrue(BackOfficePage.table(CURATOR, "demo", "plates").contains(
            "<a href=\"/admin/dois?ID=demo.plates\">"));
        assertTrue(BackOfficePage.schema(ADMIN, "a b").contains("<a href=\"/archive/admin/dois?ID=a+b\">"));
    }
}
