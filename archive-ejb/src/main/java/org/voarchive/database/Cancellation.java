package org.voarchive.database;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets another thread stop a query in PostgreSQL: {@code Statement.cancel()}
 * ends a running statement within milliseconds, whereas interrupting the
 * worker thread does not reach the database. A cancellation that comes before
 * the statement exists is remembered and refuses the statement.
 */
public final class Cancellation {

    private static final Logger LOG = Logger.getLogger(Cancellation.class.getName());

    private Statement statement;
    private boolean cancelled;

    /** @return false if already cancelled: the caller must not execute the statement */
    public synchronized boolean attach(Statement s) {
        if (cancelled) {
            return false;
        }
        statement = s;
        return true;
    }

    public synchronized void cancel() {
        cancelled = true;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "cancelling a statement failed", e);
            }
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
