package org.voarchive.database;

import java.sql.SQLException;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Lets another thread stop a query in PostgreSQL within milliseconds
 * (interrupting the worker thread does not reach the database).
 *
 * <p>The cancel request goes to the connection's backend, whatever runs there,
 * and may be repeated: PostgreSQL ignores a cancel that arrives before the
 * query does, and PgJDBC's {@code Statement.cancel()} sends at most one. So the
 * connection is attached only while the query owns it: detached before it
 * returns to the pool, no later cancel can reach someone else's query. A
 * cancellation that comes before the query is remembered and refuses it.
 */
public final class Cancellation {

    private static final Logger LOG = Logger.getLogger(Cancellation.class.getName());

    private PGConnection connection;
    private boolean cancelled;

    /** @return false if already cancelled: the caller must not run the query */
    public synchronized boolean attach(Connection c) throws SQLException {
        if (cancelled) {
            return false;
        }
        connection = c.unwrap(PGConnection.class);
        return true;
    }

    /** The query no longer owns the connection. */
    public synchronized void detach() {
        connection = null;
    }

    /**
     * Detaches {@code c} and gives it back as the pool lent it: a transaction still open (the work failed or was
     * cancelled before its commit) rolled back, autocommit on again. Before the connection is closed.
     */
    public void release(Connection c) throws SQLException {
        detach();
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** Cancels the attached query now, and any query attached later. */
    public synchronized void cancel() {
        cancelled = true;
        if (connection != null) {
            try {
                connection.cancelQuery();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "cancelling a query failed", e);
            }
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
