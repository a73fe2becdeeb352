package org.voarchive.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a plain JDBC connection: commit on success,
 * roll back on any failure, and the connection's auto-commit state restored.
 */
public final class Transactions {

    /** Work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
