package org.voarchive.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roles a user query runs as on the query pool (migrations V21 and V22). The pool logs in as the
 * query role, which reads the published columns of every access level; an anonymous caller's query
 * switches, for its transaction only ({@code SET LOCAL ROLE}), to the query role's NOLOGIN role
 * {@code <query role>_public}, which reads only what anonymous callers may see. So a checker or
 * translator fault cannot show an anonymous caller INTERNAL or PRIVATE data: PostgreSQL refuses it.
 * The query role's session settings (read only, statement and idle timeouts) stay in force.
 */
@ApplicationScoped
public class QueryRoles {

    @Inject
    @ConfigProperty(name = "archive.db.query.user", defaultValue = "archive_query")
    String queryRole;

    /** The role the query pool logs in as, which signed-in callers' queries run as. */
    public String queryRole() {
        return queryRole;
    }

    /** The role anonymous callers' queries run as. */
    public String anonymousRole() {
        return Migrations.publicQueryRole(queryRole);
    }

    /**
     * Sets up a user query's transaction on {@code connection} (auto-commit off: a setting outside a
     * transaction would outlive the query) in one round trip: for anonymous callers the anonymous role
     * (as {@code SET LOCAL ROLE} would: {@code set_config('role', ...)} is the same setting, checked alike),
     * the statement timeout, and {@code settings} (custom settings such as the caller's for TAP_SCHEMA),
     * all local to the transaction, whose end (commit or rollback, as the connection goes back to the pool)
     * ends them. Settings are applied in that order, so the later ones are set by the query's own role.
     */
    public void begin(Connection connection, boolean authenticated, long timeoutMillis, Map<String, String> settings)
            throws SQLException {
        begin(connection, authenticated, timeoutMillis, settings, Optional.empty());
    }

    /**
     * As above, on a replica's connection: the same round trip also tells whether the server is a standby that
     * has replayed the primary's log up to {@code required} ({@link ReadRouting}), at no extra cost to a query
     * it serves. A server that is no standby (the primary, or a promoted former replica, whose replay position
     * stays where its recovery ended) is not fresh.
     *
     * @return whether the query may run here: always when nothing is required
     */
    public boolean begin(Connection connection, boolean authenticated, long timeoutMillis, Map<String, String> settings,
                         Optional<WalPosition> required) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("a query's settings need a transaction: auto-commit is on");
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (!authenticated) {
            all.put("role", anonymousRole());
        }
        all.put("statement_timeout", Long.toString(timeoutMillis));
        all.putAll(settings);
        try (PreparedStatement s = connection.prepareStatement(setUp(all.size(), required.isPresent()))) {
            int i = 0;
            for (Map.Entry<String, String> setting : all.entrySet()) {
                s.setString(++i, setting.getKey());
                s.setString(++i, setting.getValue());
            }
            if (required.isPresent()) {
                s.setString(++i, required.get().toString());
            }
            try (ResultSet rs = s.executeQuery()) {
                return required.isEmpty() || (rs.next() && rs.getBoolean("fresh"));
            }
        }
    }

    static String setUp(int settings, boolean freshness) {
        return "SELECT " + String.join(", ", Collections.nCopies(settings, "set_config(?, ?, true)"))
            + (freshness ? ", pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn) AS fresh" : "");
    }

    /** {@code SET LOCAL ROLE role}, refused outside a transaction: a session-wide role would outlive the query. */
    public static void runAs(Connection connection, String role) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("SET LOCAL ROLE needs a transaction: auto-commit is on");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(setLocalRole(role));
        }
    }

    static String setLocalRole(String role) {
        return "SET LOCAL ROLE " + Sql.identifier(role);
    }
}
