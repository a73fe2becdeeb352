package org.voarchive.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.voarchive.curation.Curation;
import org.voarchive.database.Migrations;
import org.voarchive.database.Settings;
import org.voarchive.database.Transactions;
import org.voarchive.datalink.DatalinkLoader;
import org.voarchive.metadata.TableName;
import org.voarchive.obscore.ObsCoreStore;
import org.voarchive.obscore.ObsCoreView;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.TableDefinition;
import org.voarchive.table.TableLoader;
import org.voarchive.ingest.Registration;

/**
 * Command: loads the demo catalogues (BSC5, KStars) from a directory into the
 * {@code demo} schema, as the owner role. Run by deploy/load-demo-data.
 *
 * <p>Usage: {@code LoadDemoData <data-dir>}, database settings from ARCHIVE_DB_* variables.
 */
public final class LoadDemoData {

    static final String SCHEMA_DESCRIPTION =
        "Demonstration catalogues: two real star catalogues from Debian packages (xplanet, kstars-data).";

    /** File name in the data directory, and its format. */
    static final Map<String, CatalogueFormat> FILES = Map.of(
        "bsc5-xplanet.txt", new BrightStarCatalogue(),
        "kstars-stars.dat", new KStarsCatalogue());

    private LoadDemoData() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: LoadDemoData <data-dir>   (database settings from ARCHIVE_DB_* variables)");
            System.exit(2);
        }
        try {
            load(Path.of(args[0]), Settings.fromEnvironment(System.getenv()));
        } catch (Exception e) {
            System.err.println("load-demo-data: " + e.getMessage());
            System.exit(1);
        }
    }

    static void load(Path dataDir, Settings settings) throws Exception {
        for (String file : FILES.keySet()) {
            if (!Files.isReadable(dataDir.resolve(file))) {
                throw new IllegalArgumentException("missing " + dataDir.resolve(file));
            }
        }
        Path files = Path.of(System.getenv().getOrDefault("ARCHIVE_FILES_DIR", "/var/lib/voarchive/files"));
        // the metadata tables come with the migrations, which the server would otherwise run first
        Migrations.migrate(settings);
        try (Connection c = settings.ownerConnection("archive load-demo-data")) {
            TableLoader loader = new TableLoader(c, settings.appUser());
            loader.ensureSchema("demo", SCHEMA_DESCRIPTION);
            for (Map.Entry<String, CatalogueFormat> entry : FILES.entrySet()) {
                try (BufferedReader in = Files.newBufferedReader(dataDir.resolve(entry.getKey()), StandardCharsets.UTF_8)) {
                    load(loader, entry.getValue(), in);
                }
            }
            DemoPlates plates = new DemoPlates();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    LoadDemoData.class.getResourceAsStream(DemoPlates.RESOURCE), StandardCharsets.UTF_8))) {
                load(loader, plates, in);
            }
            List<TableDefinition> tables = new java.util.ArrayList<>(FILES.values().stream().map(CatalogueFormat::table).toList());
            tables.add(plates.table());
            System.out.print(Registration.summary(Registration.register(c, tables, true)));
            // one transaction: a cone search and the DOI move their table's version on, which must commit with them
            Transactions.inTransaction(c, () -> {
                Curation curation = new Curation(c);
                for (TableDefinition t : tables) {
                    curation.enableConeSearch(t.schema(), t.name());
                }
                curation.flagDatalinkColumn("demo", "plates", "plate_id");
                curation.setDoi("demo", "plates", PLATES_DOI);
                return null;
            });
            long links = plateFiles(c, files);
            System.out.printf("demo.plates: scans and previews in %s, %d datalink rows%n", files.resolve("demo/plates"), links);
            System.out.printf("DALI examples of the demo tables: %d%n", DemoExamples.store(c));
            ObsCoreStore obscore = new ObsCoreStore(c, ObsCoreView.Site.fromEnvironment(System.getenv()));
            Transactions.inTransaction(c, () -> obscore.put("demo", "plates", DemoPlates.obsCore(), false));
            System.out.println("ObsCore: ivoa.obscore shows demo.plates");
        }
    }

    /** The DataCite test prefix: demo DOIs are well-formed but registered nowhere. */
    static final String PLATES_DOI = "10.5072/voarchive.demo.plates";

    private static void load(TableLoader loader, CatalogueFormat format, BufferedReader in) throws Exception {
        long start = System.nanoTime();
        long rows = loader.load(format, in);
        TableDefinition t = format.table();
        System.out.printf("loaded %s: %d rows in %.1f s%n", new TableName(t.schema(), t.name()), rows,
            (System.nanoTime() - start) / 1e9);
    }

    /**
     * Renders every plate's scan and preview into {@code files}/demo/plates and stores its datalinks
     * (scan #this, preview #preview, test DOI #doi), replacing the plates' earlier rows.
     */
    private static long plateFiles(Connection c, Path files) throws Exception {
        Path dir = files.resolve("demo/plates");
        PlateScans scans = new PlateScans(c);
        Path csv = Files.createTempFile("plates-datalink", ".csv");
        try {
            try (java.io.Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                 java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT plate_id, ra, dec, obs_date, field FROM demo.plates ORDER BY 1")) {
                out.write("ID,access_url,semantics,description,content_type,content_length,table_name\n");
                while (rs.next()) {
                    String id = rs.getString("plate_id");
                    scans.render(id, rs.getDouble("ra"), rs.getDouble("dec"), rs.getString("obs_date"), dir);
                    String field = rs.getString("field").replace("\"", "");
                    out.write(id + ",/files/demo/plates/" + id + ".fits,#this,\"Scan of plate " + id + " (" + field
                        + ")\",image/fits," + Files.size(dir.resolve(id + ".fits")) + ",demo.plates\n");
                    out.write(id + ",/files/demo/plates/" + id + ".png,#preview,\"Preview of plate " + id
                        + "\",image/png," + Files.size(dir.resolve(id + ".png")) + ",demo.plates\n");
                    out.write(id + ",https://doi.org/" + PLATES_DOI + "." + id + ",#doi,\"Test DOI of plate " + id
                        + " (DataCite test prefix: not registered)\",text/html,,demo.plates\n");
                }
            }
            return new DatalinkLoader(c, "").load(csv, "csv", DatalinkLoader.Mode.MERGE).rows();
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
