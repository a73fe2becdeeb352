package org.voarchive.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.voarchive.database.Migrations;
import org.voarchive.database.Settings;
import org.voarchive.metadata.TableName;
import org.voarchive.table.StilTable;
import org.voarchive.table.TableDefinition;
import org.voarchive.table.TableLoader;

/**
 * Command: loads a VOTable, FITS or CSV file into a new table (replacing one of
 * the same name) and records its metadata. Run by deploy/ingest.
 *
 * <p>Usage: {@code IngestCommand FILE SCHEMA.TABLE [--format votable|fits|csv] [--publish]};
 * database settings from ARCHIVE_DB_* variables.
 */
public final class IngestCommand {

    private IngestCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (Exception e) {
            System.err.println("ingest: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        String format = null;
        boolean publish = false;
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = i + 1 < args.length ? args[++i] : null;
                case "--publish" -> publish = true;
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() != 2 || !positional.get(1).matches("[^.]+\\.[^.]+")) {
            System.err.println("usage: ingest FILE SCHEMA.TABLE [--format votable|fits|csv] [--publish]");
            return 2;
        }
        Path file = Path.of(positional.get(0));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        TableName target = TableName.parse(positional.get(1)).orElseThrow();
        Settings settings = Settings.fromEnvironment(System.getenv());
        Migrations.migrate(settings);
        try (Connection c = settings.ownerConnection("archive ingest")) {
            TableLoader loader = new TableLoader(c, settings.appUser());
            loader.ensureSchema(target.schema(), "Ingested tables");
            long start = System.nanoTime();
            StilTable.Loaded loaded = StilTable.ingest(loader, file, format != null ? format : StilTable.formatOf(file),
                target.schema(), target.table());
            System.out.printf("loaded %s: %d rows in %.1f s (position: %s, primary key: %s)%n", target,
                loaded.rows(), (System.nanoTime() - start) / 1e9,
                loaded.table().hasPosition() ? loaded.table().raColumn() + ", " + loaded.table().decColumn() : "none",
                loaded.table().primaryKey() != null ? loaded.table().primaryKey() : TableDefinition.ROW_ID_COLUMN);
            System.out.print(Registration.summary(Registration.register(c, List.of(loaded.table()), publish)));
        }
        return 0;
    }
}
