package org.voarchive.office;

/**
 * The operations page ({@code /admin/operations}, administrators only): the frame that office/operations.js
 * fills from the admin API ({@code /admin/operations/*}, {@code /admin/maintenance}, {@code /admin/storage},
 * {@code /admin/groups}), whose paths it finds in {@code main#office}'s {@code data-operations},
 * {@code data-maintenance}, {@code data-storage} and {@code data-groups}.
 */
final class OperationsPage {

    private OperationsPage() {
    }

    static String html(BackOfficePage.Frame frame) {
        String r = org.voarchive.site.Html.escape(frame.root());
        return BackOfficePage.start(frame, "Operations", "operations", " data-operations=\"" + r
                + "admin/operations\" data-maintenance=\"" + r + "admin/maintenance\" data-storage=\"" + r
                + "admin/storage\" data-groups=\"" + r + "admin/groups\"", "operations")
            + "<h1>Operations</h1>\n"
            + "<p class=\"lead\">The job queues, the archive's use, what users store, the maintenance tasks, the"
            + " tables' statistics and the OAI-PMH repository."
            + " An anonymous job's owner and the usage statistics show client networks only (masked addresses),"
            + " never an address.</p>\n"
            + BackOfficePage.status()
            + BackOfficePage.section("queues", "Job queues")
            + BackOfficePage.section("usage", "Usage")
            + BackOfficePage.section("storage", "Storage")
            + BackOfficePage.section("maintenance", "Maintenance tasks")
            + BackOfficePage.section("statistics", "Table statistics")
            + BackOfficePage.section("oai", "OAI-PMH")
            + BackOfficePage.end();
    }
}
