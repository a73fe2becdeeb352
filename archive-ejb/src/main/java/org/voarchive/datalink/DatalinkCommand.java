package org.voarchive.datalink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.table.UntrustedTable;
import org.voarchive.database.Migrations;
import org.voarchive.database.Settings;

/**
 * Command: loads datalink rows from a VOTable or CSV file (see {@link DatalinkLoader}). Run by deploy/datalink.
 *
 * <p>Usage: {@code DatalinkCommand FILE [--format votable|csv] [--replace]}; database settings from ARCHIVE_DB_*
 * variables, the base URL (for full URIs of local semantics) from ARCHIVE_BASE_URL.
 */
public final class DatalinkCommand {

    private DatalinkCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (Exception e) {
            System.err.println("datalink: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        String format = null;
        DatalinkLoader.Mode mode = DatalinkLoader.Mode.MERGE;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = i + 1 < args.length ? args[++i] : null;
                case "--replace" -> mode = DatalinkLoader.Mode.REPLACE;
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() != 1) {
            System.err.println("usage: datalink FILE [--format votable|csv] [--replace]");
            return 2;
        }
        Path file = Path.of(positional.get(0));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        String baseUrl = System.getenv().getOrDefault("ARCHIVE_BASE_URL", "http://localhost:8080").replaceAll("/+$", "");
        Settings settings = Settings.fromEnvironment(System.getenv());
        Migrations.migrate(settings);
        try (Connection c = settings.ownerConnection("archive datalink")) {
            long start = System.nanoTime();
            DatalinkLoader.Report r = new DatalinkLoader(c, baseUrl).load(file,
                format != null ? format : UntrustedTable.sniff(file), mode);
            System.out.printf("datalink: %d rows for %d IDs loaded (%s; %d rows replaced) in %.1f s%n", r.rows(),
                r.objects(), r.mode().name().toLowerCase(java.util.Locale.ROOT), r.removed(),
                (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
