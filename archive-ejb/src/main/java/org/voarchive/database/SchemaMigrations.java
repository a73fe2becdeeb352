package org.voarchive.database;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the archive's own schema to the current version at deployment, before
 * anything else serves a request. A failed migration fails the deployment.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway manages its own transactions
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @EJB
    private DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.db.app.user", defaultValue = "archive_app")
    private String appRole;

    @Inject
    @ConfigProperty(name = "archive.db.query.user", defaultValue = "archive_query")
    private String queryRole;

    @PostConstruct
    void migrate() {
        MigrateResult result = Migrations.configure(Flyway.configure(getClass().getClassLoader()), appRole, queryRole)
            .dataSource(dataSources.owner())
            .load()
            .migrate();
        LOG.info(() -> "Database schema " + Migrations.SCHEMA + " at version " + result.targetSchemaVersion
            + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
