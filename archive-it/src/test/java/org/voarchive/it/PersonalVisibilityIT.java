package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V30's visibility rules of personal tables in SQL, on the real database: the 6-argument archive.visible, and
 * the views TAP_SCHEMA reads as the query role with a caller set (owner, a member of a group it is shared with,
 * another user, an administrator, anonymous). The personal table is made in a transaction of the application
 * role that is rolled back, as PersonalTables would make its metadata rows; the HTTP interfaces are
 * PersonalTables*IT's.
 */
@Tag("database")
class PersonalVisibilityIT {

    private static final String OWNER = "it-vis-owner";
    /** The owner's schema, as PersonalTables names it. */
    private static final String SCHEMA = org.voarchive.tap.KeptSchemas.userSchema(OWNER);

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add(OWNER, "it-vis-password-1");

    private static boolean visible(Connection c, String level, String groups, boolean authenticated, String callerGroups,
                                   String owner, String caller) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT archive.visible(?, CAST(? AS text[]), ?, CAST(? AS text[]), ?, ?)")) {
            s.setString(1, level);
            s.setString(2, groups);
            s.setBoolean(3, authenticated);
            s.setString(4, callerGroups);
            s.setString(5, owner);
            s.setString(6, caller);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Test
    void personalObjectsAreTheOwnersOrSharedAndAdministratorsGetNoOverride() throws Exception {
        try (Connection c = Archive.connect("APP")) {
            // published objects: V4's rule, administrators included
            assertEquals(true, visible(c, "PRIVATE", "{g}", true, "{admin}", null, "root"));
            assertEquals(true, visible(c, "INTERNAL", "{}", true, "{}", null, "bob"));
            assertEquals(false, visible(c, "PRIVATE", "{g}", true, "{h}", null, "bob"));
            // personal ones
            assertEquals(true, visible(c, "PRIVATE", "{}", true, "{}", "alice", "alice"));
            assertEquals(false, visible(c, "PRIVATE", "{}", true, "{admin}", "alice", "root"));
            assertEquals(false, visible(c, "INTERNAL", "{}", true, "{}", "alice", "bob"));
            assertEquals(true, visible(c, "PRIVATE", "{g}", true, "{g}", "alice", "bob"));
            assertEquals(false, visible(c, "PRIVATE", "{g}", false, "{g}", "alice", null));
            assertEquals(true, visible(c, "PUBLIC", "{}", false, "{}", "alice", null));
        }
    }

    /** The qualified names of the personal table TAP_SCHEMA.tables shows to a caller, read as the query role. */
    private static List<String> tapSchema(Connection query, String name, String groups) throws SQLException {
        try (PreparedStatement s = query.prepareStatement("""
                SELECT set_config('archive.caller_authenticated', ?, true), set_config('archive.caller_groups', ?, true),
                       set_config('archive.caller_name', ?, true)""")) {
            s.setString(1, name == null ? "false" : "true");
            s.setString(2, groups);
            s.setString(3, name == null ? "" : name);
            s.execute();
        }
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = query.prepareStatement("""
                SELECT t.table_name, (SELECT count(*) FROM tap_schema.columns c WHERE c.table_name = t.table_name) AS n
                  FROM tap_schema.tables t WHERE t.schema_name = ?""")) {
            s.setString(1, SCHEMA);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString("table_name") + "/" + rs.getInt("n"));
                }
            }
        }
        return found;
    }

    @Test
    void tapSchemaShowsAPersonalTableAsItIsShared() throws Exception {
        try (Connection app = Archive.connect("APP"); Connection query = Archive.connect("QUERY")) {
            app.setAutoCommit(false);
            query.setAutoCommit(false);
            try {
                long table;
                try (Statement s = app.createStatement()) {
                    s.execute("SELECT archive.personal_schema('" + SCHEMA + "', '" + OWNER + "')");
                    try (ResultSet rs = s.executeQuery("""
                            INSERT INTO archive.tables (schema_id, name, published, data_access, metadata_access, owner)
                            SELECT id, 't', true, 'PRIVATE', 'PRIVATE', owner FROM archive.schemas WHERE name = '%s'
                            RETURNING id""".formatted(SCHEMA))) {
                        rs.next();
                        table = rs.getLong("id");
                    }
                    s.execute("""
                        INSERT INTO archive.columns (table_id, name, datatype, data_access, metadata_access, owner)
                        VALUES (%d, 'x', 'double', 'PRIVATE', 'PRIVATE', '%s')""".formatted(table, OWNER));
                    s.execute("INSERT INTO archive.groups (name) VALUES ('it-vis-group') ON CONFLICT DO NOTHING");
                    // the owner's rows must agree (the deferred trigger checks at the commit; here at once)
                    s.execute("SET CONSTRAINTS ALL IMMEDIATE");
                }
                String mine = SCHEMA + ".t/1";
                // the query role sees the application's uncommitted rows only after a commit: it reads through
                // its own connection, so the owner's view is checked as the application role reads the views
                assertEquals(List.of(mine), tapSchema(app, OWNER, ""));
                assertEquals(List.of(), tapSchema(app, "bob", "it-vis-group"));
                assertEquals(List.of(), tapSchema(app, "root", "admin"));
                assertEquals(List.of(), tapSchema(app, null, ""));
                try (Statement s = app.createStatement()) {
                    s.execute("INSERT INTO archive.table_groups (table_id, group_id) SELECT " + table
                        + ", id FROM archive.groups WHERE name = 'it-vis-group'");
                }
                assertEquals(List.of(mine), tapSchema(app, "bob", "it-vis-group"));
                assertEquals(List.of(), tapSchema(app, "carol", "other"));
                try (Statement s = app.createStatement()) {
                    s.execute("UPDATE archive.tables SET data_access = 'PUBLIC', metadata_access = 'PUBLIC' WHERE id = " + table);
                    s.execute("UPDATE archive.columns SET data_access = 'PUBLIC', metadata_access = 'PUBLIC'"
                        + " WHERE table_id = " + table);
                }
                assertEquals(List.of(mine), tapSchema(app, null, ""));
                assertEquals(List.of(mine), tapSchema(app, "root", "admin"));
                // the query role reads TAP_SCHEMA with a caller set (the 6-argument function is inlined there)
                assertEquals(List.of(), tapSchema(query, OWNER, ""));
            } finally {
                app.rollback();
                query.rollback();
            }
        }
    }
}
