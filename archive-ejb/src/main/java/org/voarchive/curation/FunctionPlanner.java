package org.voarchive.curation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.adql.postgres.PostgresTranslator;
import org.voarchive.database.DataSources;
import org.voarchive.database.QueryRoles;
import org.voarchive.metadata.FunctionCheck;
import org.voarchive.metadata.InvalidField;

/**
 * Has PostgreSQL parse and plan a call of a function with typed NULL
 * arguments, where user queries run: on the read-only query role, as its role
 * for anonymous callers (a published function is everyone's: it must work for
 * them too, see {@link QueryRoles}), in a READ ONLY transaction that is rolled
 * back, with a short statement timeout. The
 * call is planned as {@code EXPLAIN SELECT (call)}, never run: the template
 * has been checked to be one expression ({@link FunctionCheck}),
 * so the parentheses hold all of it. Outside the caller's container
 * transaction (NOT_SUPPORTED), which would otherwise enlist this connection.
 */
@Stateless
public class FunctionPlanner {

    @Inject
    DataSources dataSources;

    @Inject
    QueryRoles roles;

    /** @throws InvalidField naming sqlTemplate, with PostgreSQL's reason */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void plan(UserDefinedFunction f) {
        String call = PostgresTranslator.call(f, nullArguments(f));
        try (Connection c = dataSources.query().getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
                QueryRoles.runAs(c, roles.anonymousRole());
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL statement_timeout = '10s'");
                }
                try (PreparedStatement s = c.prepareStatement(sql(call))) {
                    s.executeQuery().close();
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new InvalidField("sqlTemplate", "PostgreSQL cannot run " + call + ": " + String.valueOf(e.getMessage())
                .lines().findFirst().orElse("") + (f.sqlTemplate().isEmpty()
                    ? " (give a template, or create the database function and grant it to the query role's role for"
                        + " anonymous callers, " + roles.anonymousRole() + ", which the query role is a member of)" : ""));
        }
    }

    /** The statement planned: one expression in parentheses. */
    static String sql(String call) {
        return "EXPLAIN SELECT (" + call + ")";
    }

    static List<String> nullArguments(UserDefinedFunction f) {
        return f.parameters().stream().map(p -> "CAST(NULL AS " + FunctionCheck.TYPES.get(p.type()) + ")").toList();
    }
}
