package org.voarchive.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which reads may go to PostgreSQL streaming replicas ({@code archive.db.replica.url}, pgjdbc multi-host), and
 * whether a replica is fresh enough for a request. Only reads of published data do (sync TAP without uploads,
 * cone searches) and pages of kept results, which never change once made; async queries, uploads, kept-result
 * and personal-table ADQL and every write stay on the primary. A replica serves a request only if it has
 * replayed the position {@link PrimaryPosition#required} names, checked in the request's own set-up round trip
 * ({@link QueryRoles#begin}); otherwise, or when it cannot be reached, the primary serves. After a replica
 * connection failed, the replicas are not asked for {@code archive.db.replica.retry-seconds}: a host that does
 * not answer would cost every request the login timeout.
 */
@ApplicationScoped
public class ReadRouting {

    private static final Logger LOG = Logger.getLogger(ReadRouting.class.getName());
    /** Seconds: the availability check's own query on a replica (the note is display only; it must not stall). */
    private static final int NOTE_TIMEOUT_SECONDS = 1;
    /** How long a replica note is reused: availability is asked often (every balancer check of every node). */
    private static final long NOTE_REUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** The reads that may go to a replica ({@code archive.db.replica.reads}, by these names in lower case). */
    public enum Read {
        /** TAP sync queries without uploads, reading no kept result and no personal table. */
        SYNC("sync queries"),
        /** Simple Cone Search. */
        SCS("cone searches"),
        /** Pages and downloads of kept results. */
        RESULTS("result pages");

        private final String words;

        Read(String words) {
            this.words = words;
        }

        static Set<Read> parse(String list) {
            Set<Read> reads = EnumSet.noneOf(Read.class);
            for (String word : list.split(",")) {
                if (word.isBlank()) {
                    continue;
                }
                try {
                    reads.add(valueOf(word.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("archive.db.replica.reads: " + word.strip()
                        + " is not one of sync, scs, results", e);
                }
            }
            return reads;
        }
    }

    @Inject
    @ConfigProperty(name = "archive.db.replica.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "archive.db.replica.reads", defaultValue = "sync,scs,results")
    String reads;

    @Inject
    @ConfigProperty(name = "archive.db.replica.max-lag-seconds", defaultValue = "30")
    int maxLagSeconds;

    @Inject
    @ConfigProperty(name = "archive.db.replica.retry-seconds", defaultValue = "10")
    int retrySeconds;

    @Inject
    PrimaryPosition primary;

    @Resource(lookup = DataSources.REPLICA_QUERY)
    DataSource replicaQuery;

    @Resource(lookup = DataSources.REPLICA_APP)
    DataSource replicaApp;

    private volatile Set<Read> allowed;
    /** The last replica note and when it was made (System.nanoTime()); one request at a time makes a new one. */
    private volatile Note lastNote;
    private final AtomicBoolean noting = new AtomicBoolean();
    /** System.nanoTime() before which no replica is asked; 0: none failed yet. */
    private volatile long retryAt;
    private volatile boolean failedOnce;

    /** Whether {@code read} may go to a replica now: configured, and none failed within the retry time. */
    public boolean allows(Read read) {
        return configured() && allowed().contains(read) && !backingOff();
    }

    private boolean configured() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    private boolean backingOff() {
        return failedOnce && System.nanoTime() - retryAt < 0;
    }

    /**
     * A connection of the query role on a replica, for {@code read}; empty when it may not go there now (the
     * caller takes the primary's). The caller begins its transaction with {@link #required()} and gives the
     * connection back if the replica is behind.
     */
    public Optional<Connection> queryConnection(Read read) {
        return connection(replicaQuery, read);
    }

    /** As {@link #queryConnection}, of the application role (kept results' tables are the application role's). */
    public Optional<Connection> appConnection(Read read) {
        return connection(replicaApp, read);
    }

    private Optional<Connection> connection(DataSource pool, Read read) {
        if (!allows(read) || required().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(pool.getConnection());
        } catch (SQLException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** What a replica must have replayed to serve a request now ({@link PrimaryPosition#required}). */
    public Optional<WalPosition> required() {
        return primary.required(maxLagSeconds);
    }

    /** A replica connection failed: the primary serves every read for the retry time. */
    public void failed(SQLException e) {
        retryAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(retrySeconds);
        failedOnce = true;
        LOG.log(Level.WARNING, "a replica failed (" + e.getSQLState() + " " + DatabaseErrors.primaryMessage(e)
            + "): reads go to the primary for the next " + retrySeconds + " s");
    }

    /**
     * Begins a read-only transaction with a statement timeout on {@code connection} (auto-commit off), in one
     * round trip that also tells whether its server is a standby that has all of {@code relations} (qualified,
     * quoted names): on a replica, whether it has the tables and indexes of a kept result, made once on the
     * primary and never changed (the primary answers false, which its caller need not ask).
     */
    public static boolean begin(Connection connection, long timeoutMillis, List<String> relations)
            throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("a read's settings need a transaction: auto-commit is on");
        }
        StringBuilder sql = new StringBuilder("SELECT set_config('statement_timeout', ?, true), "
            + "set_config('transaction_read_only', 'on', true), pg_is_in_recovery()");
        for (int i = 0; i < relations.size(); i++) {
            sql.append(" AND to_regclass(?) IS NOT NULL");
        }
        try (PreparedStatement s = connection.prepareStatement(sql.append(" AS present").toString())) {
            s.setString(1, Long.toString(timeoutMillis));
            for (int i = 0; i < relations.size(); i++) {
                s.setString(i + 2, relations.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean("present");
            }
        }
    }

    /**
     * The replica's state for VOSI availability, if replicas are configured: what reads there, or why the
     * primary serves them. The lag shown is display only ({@code now()} less the last replayed transaction's
     * time while WAL received waits for replay, else 0: an idle primary makes that time old): routing compares
     * positions, not times.
     */
    public Optional<String> note() {
        if (!configured() || allowed().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = allowed().stream().map(r -> r.words).toList();
        String what = words.size() == 1 ? words.get(0)
            : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        if (backingOff()) {
            return Optional.of("A replica failed lately: " + what + " read from the primary until it answers again.");
        }
        Note last = lastNote;
        // a replica that does not answer, or a pool whose connections all stream downloads, must not make every
        // availability check wait (a balancer would take every node out at once): one request asks the replica,
        // the others meanwhile say what it said last
        if (last != null && System.nanoTime() - last.at() < NOTE_REUSE_NANOS || !noting.compareAndSet(false, true)) {
            return Optional.of(last == null ? "A replica is being checked." : last.text());
        }
        try {
            String text = freshNote(what);
            lastNote = new Note(text, System.nanoTime());
            return Optional.of(text);
        } finally {
            noting.set(false);
        }
    }

    private record Note(String text, long at) {
    }

    private String freshNote(String what) {
        try (Connection c = replicaApp.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_is_in_recovery() AS standby, CASE WHEN "
                 + "pg_last_wal_receive_lsn() IS DISTINCT FROM pg_last_wal_replay_lsn() THEN "
                 + "extract(epoch FROM now() - pg_last_xact_replay_timestamp()) ELSE 0 END AS behind")) {
            s.setQueryTimeout(NOTE_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean("standby")) {
                    return "The replica URL names a server that is not a standby: " + what + " read from the primary.";
                }
                long behind = Math.round(rs.getDouble("behind"));
                return behind > maxLagSeconds
                    ? "The replica is " + behind + " s behind: " + what + " read from the primary until it catches up."
                    : Character.toUpperCase(what.charAt(0)) + what.substring(1) + " read from a replica (" + behind
                        + " s behind).";
            }
        } catch (SQLException e) {
            failed(e);
            return "The replica cannot be reached: " + what + " read from the primary.";
        }
    }

    private Set<Read> allowed() {
        Set<Read> a = allowed;
        if (a == null) {
            try {
                a = Read.parse(reads);
            } catch (IllegalArgumentException e) {
                // a misspelt setting must not turn every sync query and availability check into a 500: the primary
                // serves everything, and the log says why
                LOG.severe(e.getMessage() + ": no read goes to a replica");
                a = EnumSet.noneOf(Read.class);
            }
            allowed = a;
        }
        return a;
    }

}
