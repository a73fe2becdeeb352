package org.voarchive.ingest;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.voarchive.metadata.Curation;
import org.voarchive.database.Migrations;
import org.voarchive.database.Settings;

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
        // the metadata tables come with the migrations, which the server would otherwise run first
        Migrations.migrate(settings);
        try (Connection c = settings.ownerConnection("archive load-demo-data")) {
            TableLoader loader = new TableLoader(c, List.of(settings.queryUser(), settings.appUser()));
            loader.ensureSchema("demo", SCHEMA_DESCRIPTION);
            for (Map.Entry<String, CatalogueFormat> entry : FILES.entrySet()) {
                long start = System.nanoTime();
                try (BufferedReader in = Files.newBufferedReader(dataDir.resolve(entry.getKey()), StandardCharsets.UTF_8)) {
                    long rows = loader.load(entry.getValue(), in);
                    TableDefinition t = entry.getValue().table();
                    System.out.printf("loaded %s.%s: %d rows in %.1f s%n", t.schema(), t.name(), rows,
                        (System.nanoTime() - start) / 1e9);
                }
            }
            Registration.register(c, FILES.values().stream().map(CatalogueFormat::table).toList(), true);
            Curation curation = new Curation(c);
            for (CatalogueFormat format : FILES.values()) {
                curation.enableConeSearch(format.table().schema(), format.table().name());
            }
        }
    }

}
