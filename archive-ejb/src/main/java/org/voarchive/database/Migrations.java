package org.voarchive.database;

import org.flywaydb.core.Flyway;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The one Flyway configuration, shared by the server and the command-line tools. */
public final class Migrations {

    /** The archive's own schema, apart from science data. */
    public static final String SCHEMA = "archive";

    // Placeholders are pasted into SQL unquoted: accept plain lower-case role names only.
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Migrations() {
    }

    /** Migrates the database given by the command-line tools' settings, as the owner role. */
    public static void migrate(Settings settings) {
        configure(Flyway.configure(Migrations.class.getClassLoader()), settings.appUser(), settings.queryUser())
            .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
            .load()
            .migrate();
    }

    /**
     * The NOLOGIN role anonymous callers' queries run as ({@code SET LOCAL ROLE}, migration V22): the query
     * role's name with {@code _public}, a role deploy/provision-db creates and grants to the query role. It
     * may read only what anonymous callers may see (PUBLIC schemas, tables and columns, data and metadata).
     */
    public static String publicQueryRole(String queryRole) {
        return roleName(roleName(queryRole) + "_public");
    }

    static String roleName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("database role name must match " + ROLE_NAME + ": " + role);
        }
        return role;
    }

    public static FluentConfiguration configure(FluentConfiguration flyway, String appRole, String queryRole) {
        return flyway
            .schemas(SCHEMA)
            .defaultSchema(SCHEMA)
            .locations("classpath:db/migration")
            // role names are operator settings; migrations grant to them
            .placeholders(Map.of("app_role", roleName(appRole), "query_role", roleName(queryRole),
                "query_public_role", publicQueryRole(queryRole)))
            .validateMigrationNaming(true);
    }
}
