package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.CheckedQuery;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.postgres.PostgresTranslator;
import org.voarchive.curation.MetadataDiscovery;
import org.voarchive.metadata.PublishedMetadata;

/** The metadata: discovery from the database, TAP_SCHEMA derived from it, the catalogue the ADQL checker uses. */
@Tag("database")
class MetadataIT {

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                values.add(row.toString());
            }
        }
        return values;
    }

    private static void execute(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void tapSchemaDescribesTheDemoTablesAndItselfForTheQueryRole() throws Exception {
        try (Connection q = Archive.connect("QUERY")) {
            assertTrue(column(q, "SELECT table_name FROM tap_schema.tables").containsAll(List.of(
                "demo.bsc5", "demo.kstars", "tap_schema.schemas", "tap_schema.tables", "tap_schema.columns",
                "tap_schema.keys", "tap_schema.key_columns")));
            assertEquals(List.of("mas/yr|pos.pm;pos.eq.ra|float|null|0"), column(q,
                "SELECT unit, ucd, datatype, arraysize, principal FROM tap_schema.columns "
                    + "WHERE table_name = 'demo.kstars' AND column_name = 'pmra'"));
            assertEquals(List.of("double|2|point|deg|2"), column(q,
                "SELECT datatype, arraysize, xtype, unit, \"size\" FROM tap_schema.columns "
                    + "WHERE table_name = 'demo.bsc5' AND column_name = 'pos'"));
            assertEquals(List.of("14"), column(q,
                "SELECT COUNT(*) FROM tap_schema.columns WHERE table_name = 'tap_schema.columns'"));
            // the model behind it is not the query role's to read
            SQLException e = assertThrows(SQLException.class, () -> column(q, "SELECT * FROM archive.tables"));
            assertEquals("42501", e.getSQLState());
        }
    }

    @Test
    void discoveryReadsTypesKeysAndCommentsAndNeverOverwritesCuratedText() throws Exception {
        try (Connection c = Archive.connect("OWNER")) {
            try {
                execute(c, "DROP SCHEMA IF EXISTS it_meta CASCADE",
                    "CREATE SCHEMA it_meta",
                    "CREATE TABLE it_meta.a (id integer PRIMARY KEY, x smallint, t timestamptz, p spoint, arr double precision[],"
                        + " code varchar(8))",
                    "CREATE TABLE it_meta.b (id bigint PRIMARY KEY, a_id integer REFERENCES it_meta.a (id))",
                    "COMMENT ON COLUMN it_meta.a.x IS 'from the comment'",
                    "COMMENT ON TABLE it_meta.a IS 'table a'");
                MetadataDiscovery.Result r = new MetadataDiscovery(c).discover("it_meta");
                assertEquals(new MetadataDiscovery.Result("it_meta", 2, 8, 1, 0), r);
                String columns = "SELECT c.name, c.datatype, c.arraysize, c.xtype, c.indexed, c.description FROM archive.columns c "
                    + "JOIN archive.tables t ON t.id = c.table_id JOIN archive.schemas s ON s.id = t.schema_id "
                    + "WHERE s.name = 'it_meta' AND t.name = 'a' ORDER BY c.column_index";
                assertEquals(List.of("id|int|null|null|t|null", "x|short|null|null|f|from the comment",
                    "t|char|*|timestamp|f|null", "p|double|2|point|f|null", "arr|double|*|null|f|null",
                    "code|unicodeChar|8*|null|f|null"), column(c, columns));
                assertEquals(List.of("it_meta.b.b_a_id_fkey|a_id|id"), column(c,
                    "SELECT k.key_id, kc.from_column, kc.target_column FROM archive.foreign_keys k "
                        + "JOIN archive.foreign_key_columns kc ON kc.foreign_key_id = k.id WHERE k.key_id LIKE 'it_meta.%'"));

                // an operator's text survives a changed comment; dropped objects leave the metadata
                execute(c, "UPDATE archive.columns SET description = 'curated' WHERE name = 'x' AND table_id = "
                        + "(SELECT t.id FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id "
                        + "WHERE s.name = 'it_meta' AND t.name = 'a')",
                    "COMMENT ON COLUMN it_meta.a.x IS 'changed comment'",
                    "ALTER TABLE it_meta.a DROP COLUMN t",
                    "DROP TABLE it_meta.b");
                r = new MetadataDiscovery(c).discover("it_meta");
                assertEquals(new MetadataDiscovery.Result("it_meta", 1, 5, 0, 1), r);
                assertEquals(List.of("x|short|null|null|f|curated"),
                    column(c, columns).stream().filter(row -> row.startsWith("x|")).toList());
                assertEquals(List.of("0"), column(c, "SELECT COUNT(*) FROM archive.foreign_keys WHERE key_id LIKE 'it_meta.%'"));
                // not published: invisible in TAP_SCHEMA and to the ADQL checker
                assertEquals(List.of("0"), column(c, "SELECT COUNT(*) FROM tap_schema.tables WHERE schema_name = 'it_meta'"));
                assertTrue(PublishedMetadata.load(c).catalog().tables().stream().noneMatch(t -> t.schema().equals("it_meta")));
            } finally {
                execute(c, "DROP SCHEMA IF EXISTS it_meta CASCADE", "DELETE FROM archive.schemas WHERE name = 'it_meta'");
            }
        }
    }

    @Test
    void adqlChecksAgainstTheRealMetadataAndRunsOnTheQueryRole() throws Exception {
        Catalog catalog;
        try (Connection app = Archive.connect("APP")) {
            catalog = PublishedMetadata.load(app).catalog();
        }
        TableInfo bsc5 = catalog.tables().stream().filter(t -> t.qualifiedName().equals("demo.bsc5")).findFirst().orElseThrow();
        assertEquals(8, bsc5.columns().size());
        CheckedQuery checked = new QueryChecker(catalog, StandardFunctions.registry()).check(
            new QueryParser(StandardFunctions.registry()).parse(
                "SELECT TOP 3 name, vmag, POINT(ra, dec) AS p FROM demo.BSC5 WHERE name IS NOT NULL ORDER BY vmag"));
        assertEquals(List.of("name|meta.id|null", "vmag|phot.mag;em.opt.V|mag", "p|null|deg"), checked.columns().stream()
            .map(rc -> rc.name() + "|" + rc.ucd() + "|" + rc.unit()).toList());
        String sql = new PostgresTranslator(StandardFunctions.registry()).translate(checked, OptionalLong.of(1000));
        try (Connection q = Archive.connect("QUERY")) {
            List<String> rows = column(q, sql);
            assertEquals(3, rows.size());
            assertTrue(rows.get(0).startsWith("9Alp CMa|-1.46|{101.2875"), rows.toString());
            // TAP_SCHEMA itself is queryable through ADQL
            CheckedQuery ts = new QueryChecker(catalog, StandardFunctions.registry()).check(QueryParser.syntaxOnly()
                .parse("SELECT column_name, unit FROM TAP_SCHEMA.columns WHERE table_name = 'demo.bsc5' AND unit = 'mag'"));
            assertEquals(List.of("vmag|mag"), column(q, new PostgresTranslator().translate(ts, OptionalLong.empty())));
        }
    }
}
