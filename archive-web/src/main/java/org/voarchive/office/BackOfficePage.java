package org.voarchive.office;

import java.util.List;
import java.util.Map;
import org.voarchive.curation.DataCiteVocabulary;
import org.voarchive.curation.MetadataDiscovery;
import org.voarchive.site.Html;
import org.voarchive.site.PageLayout;

/**
 * The back office's pages: the frame (site layout, the back office's own navigation, headings, notes and the
 * empty places the script fills) that office.js turns into forms. The script finds the admin API's paths and
 * the object of the page in the {@code data-} attributes of {@code main#office}, and DataCite's controlled lists
 * (curation.DataCiteVocabulary, the server's own) in the page's datalists, so that nothing is written twice.
 * Everything the archive stores reaches the page through the script, as text (textContent), never as HTML.
 */
final class BackOfficePage {

    /** What every page of the back office knows: where the application is, its name, and who is asking. */
    record Frame(String root, String siteName, String caller, boolean admin) {
    }

    /** DataCite's lists by the id of their datalist. */
    private static final Map<String, List<String>> VOCABULARIES = Map.of(
        "vocabulary-name-types", DataCiteVocabulary.NAME_TYPES,
        "vocabulary-contributor-types", DataCiteVocabulary.CONTRIBUTOR_TYPES,
        "vocabulary-related-identifier-types", DataCiteVocabulary.RELATED_IDENTIFIER_TYPES,
        "vocabulary-relation-types", DataCiteVocabulary.RELATION_TYPES,
        "vocabulary-resource-types", DataCiteVocabulary.RESOURCE_TYPES_GENERAL);

    private BackOfficePage() {
    }

    /** Schemas and tables: what the database has that is not described yet, and what is (publish, withdraw). */
    static String home(Frame frame) {
        return start(frame, "Back office", "home", "", "home")
            + "<h1>Back office</h1>\n"
            + "<p class=\"lead\">Describe the archive's schemas and tables, publish them, and decide who sees what."
            + " Every change goes through the admin API (<code>" + Html.escape(frame.root()) + "admin/metadata</code>),"
            + " the one a script would use.</p>\n"
            + status()
            + "<section aria-labelledby=\"undescribed-heading\">\n<h2 id=\"undescribed-heading\">Not yet described</h2>\n"
            + "<p class=\"note\">Schemas and tables of the database that the metadata does not describe (PostgreSQL's"
            + " and the archive's own schemas never show here). Discovering one reads its tables, columns, types,"
            + " indexes and keys into the metadata, unpublished: nobody sees it before you publish it.</p>\n"
            + "<div id=\"undescribed\" aria-busy=\"true\"></div>\n</section>\n"
            + "<section aria-labelledby=\"described-heading\">\n<h2 id=\"described-heading\">Described</h2>\n"
            + "<p class=\"note\">A table is published (in TAP_SCHEMA, VOSI, the landing pages and OAI-PMH) when it and"
            + " its schema both are. <em>Changes</em> lists what the database has changed since the schema's last"
            + " discovery; discovering it again takes them in and keeps what was curated.</p>\n"
            + "<div id=\"described\" aria-busy=\"true\"></div>\n</section>\n"
            + end();
    }

    /** A schema: its description, credits and access, its tables, and its changes since the last discovery. */
    static String schema(Frame frame, String schema) {
        String name = Html.escape(schema);
        return start(frame, "Schema " + schema, "schema", " data-schema=\"" + name + "\"", null)
            + breadcrumbs(frame, schema)
            + "<h1>Schema <code>" + name + "</code></h1>\n"
            + published()
            + doiLink(frame, schema)
            + status()
            + section("description", "Description")
            + section("credits", "Credits")
            + section("access", "Access")
            + section("tables", "Tables")
            + section("changes", "Changes since the last discovery")
            + vocabularies()
            + end();
    }

    /** A table: its description, columns, credits, cone search and access. */
    static String table(Frame frame, String schema, String table) {
        String qualified = Html.escape(schema + "." + table);
        return start(frame, "Table " + schema + "." + table, "table", " data-schema=\"" + Html.escape(schema)
                + "\" data-table=\"" + Html.escape(table) + "\"", null)
            + breadcrumbs(frame, schema)
            + "<h1>Table <code>" + qualified + "</code></h1>\n"
            + published()
            + doiLink(frame, schema + "." + table)
            + status()
            + section("description", "Description")
            + section("columns", "Columns")
            + section("credits", "Credits")
            + section("conesearch", "Cone search")
            + section("access", "Access")
            + vocabularies()
            + end();
    }

    /** The users and groups (administrators only): create, set groups, disable, reset a password, revoke. */
    static String users(Frame frame) {
        return start(frame, "Users and groups", "users", "", "users")
            + "<h1>Users and groups</h1>\n"
            + "<p class=\"lead\">Who has an account, in which groups. Group <code>admin</code> may do everything here;"
            + " group <code>curator</code> may describe, publish and set access in the back office, but not open this"
            + " page. A disabled user cannot sign in with a password, a token or a session until enabled again."
            + " Every change goes through the admin API (<code>" + Html.escape(frame.root()) + "admin/accounts</code>)"
            + " and is written to the server log.</p>\n"
            + status()
            + "<div id=\"shown-password\" aria-live=\"assertive\"></div>\n"
            + section("create", "New user")
            + section("users", "Users")
            + section("groups", "Groups")
            + end();
    }

    /** The DOIs: what has one, and one's DataCite record (rendered, as XML, its validity, its registration). */
    static String dois(Frame frame) {
        return start(frame, "DOIs", "dois", " data-dois=\"" + Html.escape(frame.root()) + "admin/metadata/dois\""
                + " data-register=\"" + Html.escape(frame.root()) + "admin/doi/register\""
                // registration is offered to administrators only (the API decides all the same)
                + (frame.admin() ? " data-admin=\"\"" : ""), "dois")
            + "<h1>DOIs</h1>\n"
            + "<p class=\"lead\">The schemas, tables and objects with a DOI, and the DataCite record the archive sends"
            + " for each when it registers it: the same record <code>/doi/datacite/ID</code> and OAI-PMH give, checked"
            + " against the DataCite 4.5 schema. Administrators register it with DataCite where a repository is"
            + " configured.</p>\n"
            + status()
            + section("dois", "With a DOI")
            + section("record", "Record")
            + end();
    }

    /** Datalink loads: a file previewed (what it changes, per ID), then applied as previewed; an ID's links. */
    static String datalinks(Frame frame) {
        String r = Html.escape(frame.root());
        return start(frame, "Datalinks", "datalinks", " data-datalinks=\"" + r + "admin/metadata/datalinks\""
                + " data-links=\"" + r + "datalink/links\"", "datalinks")
            + "<h1>Datalinks</h1>\n"
            + "<p class=\"lead\">Load the archive's stored links (previews, files, DOIs of objects ...) from a CSV or"
            + " VOTable file with DataLink's columns. The preview says what the file changes, ID by ID, before"
            + " anything does; Apply then makes exactly those changes in one transaction, or none if the links"
            + " changed meanwhile.</p>\n"
            + status()
            + section("upload", "Load a file")
            + section("lookup", "The links of an ID")
            + end();
    }

    /** The curated metadata as one document: exported, or imported with what it changed. */
    static String exchange(Frame frame) {
        return start(frame, "Export and import", "exchange", "", "exchange")
            + "<h1>Export and import</h1>\n"
            + "<p class=\"lead\">The curated metadata of every described table as one JSON document"
            + " (<code>" + Html.escape(frame.root()) + "admin/metadata/export</code>), to keep or to move to another"
            + " instance; importing one applies it to the tables of the same names, all or nothing.</p>\n"
            + status()
            + section("export", "Export")
            + section("import", "Import")
            + end();
    }

    /** The answer to a signed-in caller who may not open the page (403). */
    static String refused(Frame frame, boolean adminOnly) {
        String who = Html.escape(frame.caller());
        return PageLayout.start(frame.root(), "Not open to you", frame.siteName(), frame.caller(), "", List.of(), List.of())
            + "<main id=\"office-refused\">\n<h1>Not open to you</h1>\n<p>You are signed in as <strong>" + who
            + "</strong>. " + (adminOnly
                ? "This page of the back office (user administration, operations) is for the group <code>admin</code>"
                    + " only."
                : "The back office is for the groups <code>curator</code> (metadata) and <code>admin</code>.")
            + " An administrator can add you to a group with <code>deploy/user</code>.</p>\n"
            + "<p><a href=\"" + Html.escape(frame.root()) + PageLayout.ACCOUNT_PAGE + "\">Your account</a></p>\n"
            + "</main>\n" + PageLayout.end();
    }

    static String start(Frame frame, String title, String page, String data, String current) {
        String r = Html.escape(frame.root());
        return PageLayout.start(frame.root(), title, frame.siteName(), frame.caller(), "", List.of("office.css"),
                List.of("office.js"))
            + "<main id=\"office\" data-page=\"" + page + "\" data-root=\"" + r + "\" data-api=\"" + r
            + "admin/metadata\" data-accounts=\"" + r + "admin/accounts\"" + data
            // the schemas the archive writes itself, which the pages do not offer to withdraw
            + " data-generated=\"" + Html.escape(String.join(" ", new java.util.TreeSet<>(MetadataDiscovery.GENERATED_SCHEMAS)))
            + "\">\n"
            + "<nav class=\"office-nav\" aria-label=\"Back office\">"
            + link(r + "admin", "Schemas and tables", "home".equals(current))
            + link(r + "admin/dois", "DOIs", "dois".equals(current))
            + link(r + "admin/datalinks", "Datalinks", "datalinks".equals(current))
            + link(r + "admin/exchange", "Export and import", "exchange".equals(current))
            + (frame.admin() ? link(r + "admin/users", "Users and groups", "users".equals(current)) : "")
            + (frame.admin() ? link(r + "admin/operations", "Operations", "operations".equals(current)) : "")
            + "<span class=\"role\">" + (frame.admin() ? "administrator" : "curator") + "</span></nav>\n"
            + "<noscript><p class=\"status error\">The back office needs JavaScript: it reads and edits through the"
            + " admin API.</p></noscript>\n";
    }

    private static String link(String href, String text, boolean current) {
        return "<a href=\"" + href + "\"" + (current ? " aria-current=\"page\"" : "") + ">" + text + "</a>";
    }

    private static String breadcrumbs(Frame frame, String schema) {
        String r = Html.escape(frame.root());
        return "<p class=\"breadcrumbs\"><a href=\"" + r + "admin\">Back office</a> \u203a <a href=\"" + r
            + "admin/schemas/" + Html.escape(schema) + "\">" + Html.escape(schema) + "</a></p>\n";
    }

    /** To the DOIs page opened at this schema's or table's DataCite record (there once it is published with a DOI). */
    private static String doiLink(Frame frame, String id) {
        return "<p class=\"note doi-link\"><a href=\"" + Html.escape(frame.root()) + "admin/dois?ID="
            + Html.escape(java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8))
            + "\">DOI: its DataCite record, validity and registration</a></p>\n";
    }

    /** The object's state and its Publish or Withdraw button, filled by the script. */
    private static String published() {
        return "<div id=\"publication\" class=\"publication\" aria-live=\"polite\"></div>\n";
    }

    static String status() {
        return "<p id=\"office-status\" class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n";
    }

    static String section(String id, String heading) {
        return "<section id=\"" + id + "-section\" aria-labelledby=\"" + id + "-heading\">\n<h2 id=\"" + id
            + "-heading\">" + heading + "</h2>\n<div id=\"" + id + "\" aria-busy=\"true\"></div>\n</section>\n";
    }

    /** DataCite's controlled lists, which the credits' choices offer. */
    private static String vocabularies() {
        StringBuilder html = new StringBuilder();
        VOCABULARIES.forEach((id, values) -> {
            html.append("<datalist id=\"").append(id).append("\">");
            values.forEach(v -> html.append("<option value=\"").append(Html.escape(v)).append("\"></option>"));
            html.append("</datalist>\n");
        });
        return html.toString();
    }

    static String end() {
        return "</main>\n" + PageLayout.end();
    }
}
