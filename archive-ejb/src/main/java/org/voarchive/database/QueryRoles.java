package org.voarchive.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
     * Makes the rest of the current transaction of {@code connection} (auto-commit off: a statement
     * outside a transaction would be refused by PostgreSQL's warning only, and change nothing) run as
     * what the caller may read: the anonymous role for anonymous callers, the pool's own role otherwise.
     * The transaction's end (commit or rollback, as the connection goes back to the pool) ends it.
     */
    public void restrict(Connection connection, boolean authenticated) throws SQLException {
        if (!authenticated) {
            runAs(connection, anonymousRole());
        }
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
