package org.voarchive.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Command: {@code MigrateCommand [--info] [--target VERSION]} brings the
 * database's archive schema to the newest migration (or to VERSION), as the
 * server does on start, or lists the migrations and their state. Run by
 * deploy/migrate: operators may upgrade explicitly before starting a new
 * release, and the upgrade test builds an old schema with it.
 */
public final class MigrateCommand {

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        boolean info = false;
        String target = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--info")) {
                info = true;
            } else if (args[i].equals("--target") && i + 1 < args.length) {
                target = args[++i];
            } else {
                System.err.println("usage: migrate [--info] [--target VERSION]");
                System.exit(2);
            }
        }
        try {
            Settings settings = Settings.fromEnvironment(System.getenv());
            var config = Migrations.configure(Flyway.configure(MigrateCommand.class.getClassLoader()), settings.appUser(),
                    settings.queryUser())
                .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword());
            if (target != null) {
                config = config.target(target);
            }
            Flyway flyway = config.load();
            if (info) {
                for (MigrationInfo m : flyway.info().all()) {
                    System.out.printf("%-4s %-10s %s%n", m.getVersion(), m.getState().getDisplayName(), m.getDescription());
                }
                return;
            }
            MigrateResult result = flyway.migrate();
            System.out.println("migrate: schema " + Migrations.SCHEMA + " at version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (" + result.migrationsExecuted + " migrations applied)");
        } catch (RuntimeException e) {
            System.err.println("migrate: " + e.getMessage());
            System.exit(1);
        }
    }
}
