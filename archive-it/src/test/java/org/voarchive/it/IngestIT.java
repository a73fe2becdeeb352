package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.ingest.Registration;
import org.voarchive.table.StilTable;
import org.voarchive.table.TableLoader;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableOutput;

/** Files into tables: VOTable and CSV through STIL, with metadata; a broken file changes nothing. */
@Tag("database")
class IngestIT {

    private static final String VOTABLE = """
        <?xml version="1.0" encoding="UTF-8"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
          <RESOURCE><TABLE name="sources">
            <FIELD name="id" datatype="int" ucd="meta.id;meta.main"><DESCRIPTION>Source id</DESCRIPTION></FIELD>
            <FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra;meta.main"/>
            <FIELD name="dec" datatype="double" unit="deg" ucd="pos.eq.dec;meta.main"/>
            <FIELD name="mag" datatype="float" unit="mag" ucd="phot.mag;em.opt.V"/>
            <FIELD name="name" datatype="char" arraysize="*"/>
            <FIELD name="obs" datatype="char" arraysize="*" xtype="timestamp"/>
            <FIELD name="flux" datatype="double" arraysize="3"/>
            <DATA><TABLEDATA>
              <TR><TD>1</TD><TD>359.9</TD><TD>-10.5</TD><TD>12.5</TD><TD>first "one"</TD><TD>2024-01-02T03:04:05</TD><TD>1 2 3</TD></TR>
              <TR><TD>2</TD><TD>0.1</TD><TD>89.9</TD><TD></TD><TD></TD><TD>2024-02-03T04:05:06</TD><TD>4 5 6</TD></TR>
              <TR><TD>3</TD><TD>180</TD><TD>0</TD><TD>NaN</TD><TD>third</TD><TD></TD><TD>7 8 9</TD></TR>
            </TABLEDATA></DATA>
          </TABLE></RESOURCE>
        </VOTABLE>
        """;

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void filesBecomeIndexedDescribedTablesAndBrokenFilesChangeNothing() throws Exception {
        Path dir = Files.createTempDirectory("ingest");
        Path votable = Files.writeString(dir.resolve("sources.vot"), VOTABLE);
        Path csv = Files.writeString(dir.resolve("plain.csv"), "a,b\n1,x\n2,y\n");
        Path broken = Files.writeString(dir.resolve("broken.vot"), VOTABLE.substring(0, VOTABLE.indexOf("<TD>3</TD>") + 20));
        try (Connection c = Archive.connect("OWNER")) {
            TableLoader loader = new TableLoader(c, Archive.env("ARCHIVE_DB_APP_USER"));
            try {
                loader.ensureSchema("it_ingest", "ingest test");
                StilTable.Loaded loaded = StilTable.ingest(loader, votable, StilTable.formatOf(votable), "it_ingest", "sources");
                assertEquals(3, loaded.rows());
                assertEquals("ra", loaded.table().raColumn());
                assertEquals("id", loaded.table().primaryKey());
                Registration.register(c, List.of(loaded.table()), true);

                assertEquals(List.of("1|12.5|first \"one\"|2024-01-02 03:04:05|{1,2,3}|t", "2|null|null|2024-02-03 04:05:06|{4,5,6}|t",
                    "3|null|third|null|{7,8,9}|t"), rows(c, "SELECT id, mag, name, obs, flux, pos IS NOT NULL "
                        + "FROM it_ingest.sources ORDER BY id"));
                assertEquals(List.of("1"), rows(c, "SELECT id FROM it_ingest.sources "
                    + "WHERE pos @ scircle(spoint(radians(0), radians(-10.5)), radians(1))"));
                assertEquals(List.of("sources_pkey", "sources_pos_idx", "sources_radec_idx"), rows(c,
                    "SELECT indexname FROM pg_indexes WHERE schemaname = 'it_ingest' ORDER BY 1"));
                assertEquals(List.of("id|int|null|null|meta.id;meta.main|Source id|1", "ra|double|null|deg|pos.eq.ra;meta.main|null|0",
                    "mag|float|null|mag|phot.mag;em.opt.V|null|0", "obs|char|*|null|null|null|0", "flux|double|*|null|null|null|0",
                    "pos|double|2|deg|pos;meta.main|Position (ICRS) as a pg_sphere point, derived from ra and dec|1"),
                    rows(c, "SELECT column_name, datatype, arraysize, unit, ucd, description, indexed FROM tap_schema.columns "
                        + "WHERE table_name = 'it_ingest.sources' AND column_name IN ('id', 'ra', 'mag', 'obs', 'flux', 'pos') "
                        + "ORDER BY column_index"));
                assertEquals(List.of("timestamp"), rows(c, "SELECT xtype FROM tap_schema.columns "
                    + "WHERE table_name = 'it_ingest.sources' AND column_name = 'obs'"));

                // a broken file leaves the table loaded before untouched
                assertThrows(Exception.class, () -> StilTable.ingest(loader, broken, "votable", "it_ingest", "sources"));
                assertEquals(List.of("3"), rows(c, "SELECT COUNT(*) FROM it_ingest.sources"));

                // FITS (as STIL writes it, with the VOTable metadata embedded): the same table
                Path fits = dir.resolve("sources.fits");
                new StarTableOutput().writeStarTable(new StarTableFactory(false).makeStarTable(votable.toString(), "votable"),
                    fits.toString(), "fits");
                StilTable.Loaded fromFits = StilTable.ingest(loader, fits, StilTable.formatOf(fits), "it_ingest", "from_fits");
                assertEquals(3, fromFits.rows());
                assertEquals("ra", fromFits.table().raColumn());
                assertEquals("id", fromFits.table().primaryKey());
                assertEquals(rows(c, "SELECT id, ra, dec, mag, name, flux FROM it_ingest.sources ORDER BY id"),
                    rows(c, "SELECT id, ra, dec, mag, name, flux FROM it_ingest.from_fits ORDER BY id"));

                // no UCDs: an identity key and no position
                StilTable.Loaded plain = StilTable.ingest(loader, csv, StilTable.formatOf(csv), "it_ingest", "plain");
                assertEquals(null, plain.table().raColumn());
                assertEquals(List.of("1|x|1", "2|y|2"), rows(c, "SELECT a, b, row_id FROM it_ingest.plain ORDER BY a"));
                assertTrue(rows(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'plain'").contains("plain_pkey"));
            } finally {
                execute(c, "DROP SCHEMA IF EXISTS it_ingest CASCADE");
                execute(c, "DELETE FROM archive.schemas WHERE name = 'it_ingest'");
            }
        }
    }
}
