package org.voarchive.database;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/**
 * The three database roles as application-scoped connection pools, and two of them on the replicas.
 *
 * <p>Least privilege: the owner role runs migrations and ingest (DDL), the
 * application role reads and writes the archive's own tables, the query role
 * is read-only and is the only one that ever executes user queries.
 *
 * <p>Settings come from MicroProfile Config ({@code archive.db.*}, or the
 * environment variables {@code ARCHIVE_DB_*}). Payara resolves
 * {@code ${MPCONFIG=...}} before the application's own config file is read,
 * so the defaults for the local set-up are written here.
 *
 * <p>Every request asks for a pool here: the getters take no container lock (a singleton's default is one
 * write lock for all its methods, which serialised the requests) and start no transaction of their own.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
        name = DataSources.OWNER,
        className = DataSources.DRIVER,
        url = DataSources.URL,
        user = "${MPCONFIG=archive.db.owner.user:archive_owner}",
        password = "${MPCONFIG=archive.db.owner.password:}",
        minPoolSize = 0, maxPoolSize = 4,
        properties = {
            DataSources.VALIDATE, DataSources.VALIDATION_METHOD, DataSources.VALIDATION_CLASS,
            DataSources.VALIDATE_AT_MOST_EVERY, DataSources.FAIL_ALL, DataSources.LOGIN_TIMEOUT}),
    @DataSourceDefinition(
        name = DataSources.APP,
        className = DataSources.DRIVER,
        url = DataSources.URL,
        user = "${MPCONFIG=archive.db.app.user:archive_app}",
        password = "${MPCONFIG=archive.db.app.password:}",
        // 16 for requests and timers, and one for each async job copying its result into its kept table
        // (tap.KeptResults) on the default queues' 12 workers
        minPoolSize = 0, maxPoolSize = 28,
        properties = {
            DataSources.VALIDATE, DataSources.VALIDATION_METHOD, DataSources.VALIDATION_CLASS,
            DataSources.VALIDATE_AT_MOST_EVERY, DataSources.FAIL_ALL, DataSources.LOGIN_TIMEOUT}),
    @DataSourceDefinition(
        name = DataSources.QUERY,
        className = DataSources.DRIVER,
        url = DataSources.URL,
        user = "${MPCONFIG=archive.db.query.user:archive_query}",
        password = "${MPCONFIG=archive.db.query.password:}",
        minPoolSize = 0, maxPoolSize = 32,
        properties = {
            DataSources.VALIDATE, DataSources.VALIDATION_METHOD, DataSources.VALIDATION_CLASS,
            DataSources.VALIDATE_AT_MOST_EVERY, DataSources.FAIL_ALL, DataSources.LOGIN_TIMEOUT}),
    // the replicas' pools (ReadRouting): used only when archive.db.replica.url is set, so they open no
    // connection otherwise (minPoolSize 0); the roles, their passwords and settings are the primary's (physical
    // replication copies them)
    @DataSourceDefinition(
        name = DataSources.REPLICA_QUERY,
        className = DataSources.DRIVER,
        url = DataSources.REPLICA_URL,
        user = "${MPCONFIG=archive.db.query.user:archive_query}",
        password = "${MPCONFIG=archive.db.query.password:}",
        minPoolSize = 0, maxPoolSize = 32,
        properties = {
            DataSources.VALIDATE, DataSources.VALIDATION_METHOD, DataSources.VALIDATION_CLASS,
            DataSources.VALIDATE_AT_MOST_EVERY, DataSources.FAIL_ALL, DataSources.REPLICA_LOGIN_TIMEOUT,
            DataSources.REPLICA_MAX_WAIT}),
    @DataSourceDefinition(
        name = DataSources.REPLICA_APP,
        className = DataSources.DRIVER,
        url = DataSources.REPLICA_URL,
        user = "${MPCONFIG=archive.db.app.user:archive_app}",
        password = "${MPCONFIG=archive.db.app.password:}",
        // pages of kept results and the availability check
        minPoolSize = 0, maxPoolSize = 8,
        properties = {
            DataSources.VALIDATE, DataSources.VALIDATION_METHOD, DataSources.VALIDATION_CLASS,
            DataSources.VALIDATE_AT_MOST_EVERY, DataSources.FAIL_ALL, DataSources.REPLICA_LOGIN_TIMEOUT,
            DataSources.REPLICA_MAX_WAIT})
})
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DataSources {

    public static final String OWNER = "java:app/jdbc/archive-owner";
    public static final String APP = "java:app/jdbc/archive-app";
    public static final String QUERY = "java:app/jdbc/archive-query";
    /** The query role on the replicas ({@link ReadRouting}). */
    public static final String REPLICA_QUERY = "java:app/jdbc/archive-replica-query";
    /** The application role on the replicas: kept results' pages. */
    public static final String REPLICA_APP = "java:app/jdbc/archive-replica-app";

    static final String DRIVER = "org.postgresql.ds.PGSimpleDataSource";
    static final String URL = "${MPCONFIG=archive.db.url:jdbc:postgresql://localhost:5432/archive}";
    // pgjdbc multi-host (jdbc:postgresql://r1:5432,r2:5432/archive?loadBalanceHosts=true&targetServerType=any):
    // not targetServerType=secondary, which cannot tell a primary from a standby for the query role (its sessions
    // are read only by the role's setting, which pgjdbc takes for a standby's); the default is unused
    static final String REPLICA_URL = "${MPCONFIG=archive.db.replica.url:jdbc:postgresql://localhost:5432/archive}";

    // A restarted PostgreSQL leaves dead connections in the pools: validate on
    // borrow and drop the whole pool on the first failure, so the archive
    // recovers by itself without a Payara restart.
    static final String VALIDATE = "fish.payara.is-connection-validation-required=true";
    static final String VALIDATION_METHOD = "fish.payara.connection-validation-method=custom-validation";
    static final String VALIDATION_CLASS =
        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation";
    static final String FAIL_ALL = "fish.payara.fail-all-connections=true";
    // A validation is a round trip of its own (SELECT 1), as long as a short query: a connection used within
    // the last seconds is known to be alive, so validating it at most every few seconds keeps the recovery
    // above (a dead connection is found within that time) without doubling the round trips of a cone search or of
    // an OAI-PMH page, which borrows two connections.
    static final String VALIDATE_AT_MOST_EVERY = "fish.payara.validate-atmost-once-period-in-seconds=2";
    // Seconds; a database that does not answer must not hang availability checks.
    static final String LOGIN_TIMEOUT = "loginTimeout=5";
    // A replica is an option, the primary the fallback: a replica that does not answer, or a replica pool whose
    // connections are all busy, sends the read to the primary at once rather than after Payara's 60 s wait.
    static final String REPLICA_LOGIN_TIMEOUT = "loginTimeout=2";
    static final String REPLICA_MAX_WAIT = "fish.payara.max-wait-time-in-millis=500";

    @Resource(lookup = OWNER)
    private DataSource owner;

    @Resource(lookup = APP)
    private DataSource app;

    @Resource(lookup = QUERY)
    private DataSource query;

    /** DDL: migrations and ingest. */
    public DataSource owner() {
        return owner;
    }

    /** The archive's own tables (metadata, jobs, datalink). */
    public DataSource app() {
        return app;
    }

    /** Read-only; every user query runs here. */
    public DataSource query() {
        return query;
    }
}
