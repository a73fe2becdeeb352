package org.voarchive.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.voarchive.database.DataSources;

/**
 * This node's lease in {@code archive.cluster_nodes}: registered at start as a new incarnation
 * ({@code <name>/<8 hex digits>}), renewed every heartbeat. A node whose heartbeat is older than its lease is dead:
 * any live node runs its executing jobs again (uws.JobManager, on {@link #onHeartbeat}). A restarted node
 * declares its previous incarnation dead at once, so its jobs run again without waiting out the lease. When this
 * node cannot renew its lease in time, the others will have taken its jobs over: it stops them
 * ({@link #onLeaseLost}) and goes on as a new incarnation. All times are the database's: node clocks are never
 * compared.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // its table must exist
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // single statements, each committed on its own
public class NodeLeases {

    private static final Logger LOG = Logger.getLogger(NodeLeases.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ClusterSettings settings;

    @Resource(lookup = DataSources.APP)
    DataSource app;

    @Resource
    ManagedThreadFactory threads;

    private String name;
    private volatile String nodeId;
    /** System.nanoTime() of the last renewal (or registration) the database confirmed. */
    private volatile long renewedAt;
    private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> heartbeatListeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heart;

    @PostConstruct
    void start() {
        name = settings.nodeName();
        try {
            register();
        } catch (SQLException e) {
            throw new IllegalStateException("node " + name + " could not register in archive.cluster_nodes", e);
        }
        heart = Executors.newSingleThreadScheduledExecutor(threads);
        long every = settings.heartbeat().toMillis();
        heart.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "cluster node " + nodeId + " started: heartbeat " + settings.heartbeat().toSeconds()
            + " s, lease " + settings.lease().toSeconds() + " s");
    }

    @PreDestroy
    void stop() {
        leave();
    }

    /**
     * The node stops: no more heartbeats, its row deleted (called by the job manager once it has given its
     * executions back, as the last thing it does while the database is surely still there; again, doing nothing,
     * at this bean's end).
     */
    public synchronized void leave() {
        if (heart.isShutdown()) {
            return;
        }
        heart.shutdownNow();
        try {
            awaitHeart();
            update("DELETE FROM archive.cluster_nodes WHERE node_id = ?", nodeId);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "node " + nodeId + " could not delete its row; it expires with its lease", e);
        }
    }

    private void awaitHeart() {
        try {
            heart.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This incarnation: {@code <name>/<8 hex digits>}, as jobs' {@code executed_by} names it; new after a lost lease. */
    public String nodeId() {
        return nodeId;
    }

    /** The node's stable name, archive.cluster.node-name. */
    public String nodeName() {
        return name;
    }

    /** Whether this node holds its lease: the database confirmed a renewal within the last lease. */
    public boolean live() {
        return System.nanoTime() - renewedAt < settings.lease().toNanos();
    }

    /** Called with the old node id when the lease was lost: stop every execution of that incarnation. */
    public void onLeaseLost(Consumer<String> lost) {
        lostListeners.add(lost);
    }

    /** Called after every heartbeat, on the heartbeat's thread: the time to look for dead nodes' jobs. */
    public void onHeartbeat(Runnable beat) {
        heartbeatListeners.add(beat);
    }

    private void register() throws SQLException {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String id = name + "/" + HexFormat.of().formatHex(suffix);
        try (Connection c = app.getConnection();
             PreparedStatement insert = c.prepareStatement(
                 "INSERT INTO archive.cluster_nodes (node_id, name, lease_seconds) VALUES (?, ?, ?)");
             PreparedStatement others = c.prepareStatement("UPDATE archive.cluster_nodes SET heartbeat_at ="
                 + " '-infinity' WHERE name = ? AND node_id <> ?")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setInt(3, (int) settings.lease().toSeconds());
            insert.executeUpdate();
            // a restarted node's previous incarnation is dead: its jobs run again now, not after its lease
            others.setString(1, name);
            others.setString(2, id);
            int previous = others.executeUpdate();
            if (previous > 0) {
                LOG.info(() -> "node " + id + " declared " + previous + " earlier incarnation(s) of " + name + " dead");
            }
        }
        renewedAt = System.nanoTime();
        nodeId = id;
    }

    private void beat() {
        try {
            if (!renew()) {
                lost();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "node " + nodeId + " could not renew its lease", e);
            if (!live()) {
                lost();
            }
            return; // the database is not there: nothing else to do on this beat
        }
        for (Runnable listener : heartbeatListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a heartbeat task of node " + nodeId + " failed; it runs again at the next beat", e);
            }
        }
    }

    private boolean renew() throws SQLException {
        long before = System.nanoTime();
        int renewed = update("UPDATE archive.cluster_nodes SET heartbeat_at = clock_timestamp() WHERE node_id = ?"
            + " AND heartbeat_at > clock_timestamp() - make_interval(secs => lease_seconds)", nodeId);
        if (renewed > 0) {
            renewedAt = before;
        }
        return renewed > 0;
    }

    /** The lease is gone: the other nodes take (or took) this incarnation's jobs; stop them, start a new one. */
    private void lost() {
        String old = nodeId;
        if (declaredDeadByNamesake(old)) {
            LOG.severe(() -> "another node runs as " + name + " (archive.cluster.node-name must be unique): it declared "
                + old + " dead");
        } else {
            LOG.warning(() -> "node " + old + " lost its lease: its executions stop, the other nodes run them again");
        }
        for (Consumer<String> listener : lostListeners) {
            try {
                listener.accept(old);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping the executions of " + old + " failed", e);
            }
        }
        try {
            register();
            update("DELETE FROM archive.cluster_nodes WHERE node_id = ?", old);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "node " + name + " could not register again; it tries at the next heartbeat", e);
        }
    }

    private boolean declaredDeadByNamesake(String id) {
        try (Connection c = app.getConnection();
             PreparedStatement s = c.prepareStatement(
                 "SELECT heartbeat_at = '-infinity' AS killed FROM archive.cluster_nodes WHERE node_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean("killed");
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private int update(String sql, String id) throws SQLException {
        try (Connection c = app.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            return s.executeUpdate();
        }
    }
}
