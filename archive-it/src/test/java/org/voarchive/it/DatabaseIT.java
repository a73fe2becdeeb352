package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.voarchive.database.Migrations;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.ColumnDefinition;
import org.voarchive.table.TableDefinition;
import org.voarchive.table.TableLoader;

/** The database as provisioned and loaded: roles, privileges, indexes, positions, loader atomicity. */
@Tag("database")
class DatabaseIT {

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sqlState(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        return e.getSQLState();
    }

    @Test
    void queryRoleReadsPublishedTablesAndCannotWriteOrSeeArchiveTables() throws Exception {
        try (Connection c = Archive.connect("QUERY")) {
            assertEquals("9096", scalar(c, "SELECT count(*) FROM demo.bsc5"));
            assertEquals("on", scalar(c, "SHOW default_transaction_read_only"));
            assertTrue(!"0".equals(scalar(c, "SHOW statement_timeout")));
            assertEquals("25006", sqlState(c, "INSERT INTO demo.bsc5 (hr) VALUES (-1)")); // read-only transaction
            c.setAutoCommit(false);
            assertEquals("25006", sqlState(c, "CREATE TABLE public.x (i int)"));
            c.rollback();
            c.setAutoCommit(true);
            assertEquals("42501", sqlState(c, "SELECT * FROM archive.flyway_schema_history"));
        }
    }

    @Test
    void appRoleCannotChangeScienceData() throws Exception {
        try (Connection c = Archive.connect("APP")) {
            assertEquals("125982", scalar(c, "SELECT count(*) FROM demo.kstars"));
            assertEquals("42501", sqlState(c, "DELETE FROM demo.kstars"));
            assertEquals("42501", sqlState(c, "CREATE TABLE demo.x (i int)"));
        }
    }

    @Test
    void migrationsRanAsTheOwner() throws Exception {
        // every migration the build ships is applied, none pending or failed
        MigrationInfoService info = Migrations.configure(Flyway.configure(getClass().getClassLoader()),
                Archive.env("ARCHIVE_DB_APP_USER"), Archive.env("ARCHIVE_DB_QUERY_USER"))
            .dataSource(Archive.env("ARCHIVE_DB_URL"), Archive.env("ARCHIVE_DB_OWNER_USER"),
                Archive.env("ARCHIVE_DB_OWNER_PASSWORD"))
            .load().info();
        assertEquals(0, info.pending().length);
        assertEquals(info.all()[info.all().length - 1].getVersion(), info.current().getVersion());
        try (Connection c = Archive.connect("OWNER")) {
            assertEquals("0", scalar(c, "SELECT count(*) FROM archive.flyway_schema_history WHERE NOT success"));
            assertEquals(Archive.env("ARCHIVE_DB_OWNER_USER"),
                scalar(c, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'archive'"));
        }
    }

    @Test
    void positionsMatchRaDecAndConesUseTheGistIndex() throws Exception {
        try (Connection c = Archive.connect("QUERY")) {
            for (String table : List.of("demo.bsc5", "demo.kstars")) {
                assertEquals("0", scalar(c, "SELECT count(*) FROM " + table
                    + " WHERE abs(degrees(long(pos)) - ra) > 1e-9 OR abs(degrees(lat(pos)) - dec) > 1e-9"), table);
            }
            String cone = "FROM demo.kstars WHERE pos @ scircle(spoint(radians(37.95), radians(89.26)), radians(2))";
            StringBuilder plan = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN SELECT * " + cone)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("kstars_pos_idx"), plan.toString());
            // a cone around the pole finds what a brute-force great-circle distance finds
            String bruteForce = "FROM demo.kstars WHERE degrees(acos(least(1, sin(radians(dec)) * sin(radians(89.26))"
                + " + cos(radians(dec)) * cos(radians(89.26)) * cos(radians(ra - 37.95))))) <= 2";
            String n = scalar(c, "SELECT count(*) " + cone);
            assertEquals(scalar(c, "SELECT count(*) " + bruteForce), n);
            assertTrue(Integer.parseInt(n) > 10, n);
        }
    }

    /** A two-column test catalogue: "id ra dec" per line. */
    private static final class ScratchFormat implements CatalogueFormat {
        private static final TableDefinition TABLE = new TableDefinition("it_loader", "scratch", "loader test",
            List.of(ColumnDefinition.required("id", "integer", "id"),
                ColumnDefinition.required("ra", "double precision", "ra"),
                ColumnDefinition.required("dec", "double precision", "dec")),
            "id", "ra", "dec");

        @Override
        public TableDefinition table() {
            return TABLE;
        }

        @Override
        public Object[] row(String line, long ordinal) {
            String[] f = line.trim().split("\\s+");
            return new Object[] {Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        }
    }

    @Test
    void aBrokenFileLeavesThePreviousTableUntouched() throws Exception {
        try (Connection c = Archive.connect("OWNER")) {
            TableLoader loader = new TableLoader(c, Archive.env("ARCHIVE_DB_APP_USER"));
            try {
                loader.ensureSchema("it_loader", "integration test scratch schema");
                assertEquals(2, loader.load(new ScratchFormat(), new BufferedReader(new StringReader("1 10 20\n2 359.9 -89\n"))));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loader.load(new ScratchFormat(), new BufferedReader(new StringReader("1 1 1\n2 2 2\n3 x 3\n"))));
                assertTrue(e.getMessage().contains("line 3"), e.getMessage());
                assertEquals("2", scalar(c, "SELECT count(*) FROM it_loader.scratch"));
                assertEquals("359.9", scalar(c, "SELECT ra FROM it_loader.scratch WHERE id = 2"));
                // a database-side failure (duplicate primary key) rolls back the same way
                assertThrows(SQLException.class,
                    () -> loader.load(new ScratchFormat(), new BufferedReader(new StringReader("5 1 1\n5 2 2\n"))));
                assertEquals("2", scalar(c, "SELECT count(*) FROM it_loader.scratch"));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS it_loader CASCADE");
                }
            }
        }
    }
}
