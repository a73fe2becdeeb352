package org.voarchive.maintenance;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.cluster.NodeLeases;
import org.voarchive.database.DataSources;

/**
 * The scheduled tasks inside the application (EJB timers: job clean-up, table statistics, OAI-PMH tombstones, ...),
 * run once per cluster, and what each is set to do and how its last run went, for the admin API and the log:
 * operators see maintenance without reading timers' code or container cron tables.
 *
 * <p>Every node keeps its own (non-persistent) interval timer; a tick runs the task only if it {@link #claim}s
 * it in {@code archive.cluster_tasks}, which one node at a time can do and only once the task is due again;
 * {@link #ran} records the run, makes the task due again after 0.9 of its interval ({@link #nextDue}) and adds a
 * row to {@code archive.maintenance_runs} (kept 7 days). Neither Payara's clustered timers (a deployment group
 * with a shared timer store; not coordinated at all on Micro) nor a held advisory lock (a dead host's session keeps
 * it until TCP gives up) are needed. A run whose node died is claimed again by the next due tick after that node's
 * lease. All times are the database's. Every statement commits on its own, outside any caller's transaction: the
 * claim must be seen by the other nodes at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class MaintenanceTasks {

    private static final Logger LOG = Logger.getLogger(MaintenanceTasks.class.getName());
    /**
     * A task is due again after this share of its interval. The nodes' ticks have arbitrary phases and a timer may
     * fire a few ms early: due after a whole interval, a tick would just miss it now and then and the task skip a
     * round. So two runs are at least 0.9 interval apart, and at most an interval (the node that ran ticks again).
     */
    static final double DUE_SHARE = 0.9;

    private static final String CLAIM = """
        UPDATE archive.cluster_tasks t SET running_on = ?, started_at = clock_timestamp()
         WHERE t.task = ? AND t.interval_seconds > 0 AND t.next_due <= clock_timestamp()
           AND (t.running_on IS NULL OR t.running_on = ? OR NOT EXISTS (
                SELECT FROM archive.cluster_nodes n WHERE n.node_id = t.running_on
                   AND n.heartbeat_at > clock_timestamp() - make_interval(secs => n.lease_seconds)))
        RETURNING t.started_at, t.interval_seconds""";
    private static final String RAN = """
        WITH done AS (
            UPDATE archive.cluster_tasks SET running_on = NULL, next_due = ?, last_node = ?, last_start = started_at,
                   last_duration_ms = ?, last_ok = ?, last_outcome = ?, runs = runs + 1, failures = failures + ?
             WHERE task = ? AND running_on = ?
            RETURNING task, started_at)
        INSERT INTO archive.maintenance_runs (task, node, started_at, duration_ms, ok, outcome)
        SELECT task, ?, started_at, ?, ?, ? FROM done""";

    /**
     * @param intervalSeconds 0 if switched off
     * @param setting         the configuration key of the interval (or of what switches the task on)
     * @param lastStart       null before the first run
     * @param lastOutcome     what the last run did, or why it failed
     * @param lastNode        the name of the node that ran it last (archive.cluster.node-name)
     */
    public record Task(String name, String description, long intervalSeconds, String setting, Instant lastStart,
                       Duration lastDuration, boolean lastOk, String lastOutcome, long runs, long failures,
                       String lastNode) {
    }

    /** A task as this node's configuration has it: written to the table (again, if the database was away). */
    private record Definition(String name, String description, long intervalSeconds, String setting) {
    }

    /** A claim this node holds: its node id then (a new incarnation may follow) and the run's due time after it. */
    private record Claim(String nodeId, Instant nextDue) {
    }

    @EJB
    DataSources dataSources;

    @Inject
    NodeLeases leases;

    private final Map<String, Definition> unwritten = new ConcurrentHashMap<>();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    /**
     * A task as scheduled at start-up: its description, setting and interval are written for the whole cluster
     * (the last node to start wins: the nodes share their configuration). A changed interval makes the task due at
     * once.
     */
    public void scheduled(String name, String description, long intervalSeconds, String setting) {
        LOG.info(() -> "maintenance task " + name + (intervalSeconds > 0 ? " every " + intervalSeconds + " s"
            : " switched off") + " (" + setting + ")");
        Definition task = new Definition(name, description, intervalSeconds, setting);
        unwritten.put(name, task);
        write(task);
    }

    private boolean write(Definition task) {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.cluster_tasks (task, description, setting, interval_seconds) VALUES (?, ?, ?, ?)
                ON CONFLICT (task) DO UPDATE SET description = EXCLUDED.description, setting = EXCLUDED.setting,
                       interval_seconds = EXCLUDED.interval_seconds,
                       next_due = CASE WHEN archive.cluster_tasks.interval_seconds = EXCLUDED.interval_seconds
                                       THEN archive.cluster_tasks.next_due ELSE '-infinity' END""")) {
            s.setString(1, task.name());
            s.setString(2, task.description());
            s.setString(3, task.setting());
            s.setLong(4, task.intervalSeconds());
            s.executeUpdate();
            unwritten.remove(task.name(), task);
            return true;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "maintenance task " + task.name() + " could not be written; its timer tries again", e);
            return false;
        }
    }

    /**
     * Whether this node runs the task now: it is due, and no live node is running it. A true answer must be
     * followed by {@link #ran}, which gives the claim back.
     */
    public boolean claim(String name) {
        Definition task = unwritten.get(name);
        if (task != null && !write(task) || !leases.live()) {
            return false;
        }
        String node = leases.nodeId();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, node);
            s.setString(2, name);
            s.setString(3, node); // its own earlier run that never said it ended (a timer's thread died)
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
                claims.put(name, new Claim(node, nextDue(started, rs.getLong("interval_seconds"))));
                return true;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "maintenance task " + name + " could not be claimed; the next tick tries again", e);
            return false;
        }
    }

    /** When a task that started at {@code started} is due again. */
    static Instant nextDue(Instant started, long intervalSeconds) {
        return started.plusMillis(Math.round(intervalSeconds * 1000 * DUE_SHARE));
    }

    /**
     * Records a claimed run that began at {@code start} (this node's clock: only the duration is taken from it) and
     * gives the claim back; failures are logged as warnings, successes at FINE.
     */
    public void ran(String name, Instant start, boolean ok, String outcome) {
        Duration took = Duration.between(start, Instant.now());
        LOG.log(ok ? Level.FINE : Level.WARNING, "maintenance task {0}: {1} ({2} ms)",
            new Object[] {name, outcome, took.toMillis()});
        Claim claim = claims.remove(name);
        if (claim == null) {
            LOG.warning(() -> "maintenance task " + name + " ran without a claim: not recorded");
            return;
        }
        String node = leases.nodeName();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(RAN)) {
            s.setObject(1, OffsetDateTime.ofInstant(claim.nextDue(), ZoneOffset.UTC));
            s.setString(2, node);
            s.setLong(3, took.toMillis());
            s.setBoolean(4, ok);
            s.setString(5, outcome);
            s.setInt(6, ok ? 0 : 1);
            s.setString(7, name);
            s.setString(8, claim.nodeId());
            s.setString(9, node);
            s.setLong(10, took.toMillis());
            s.setBoolean(11, ok);
            s.setString(12, outcome);
            if (s.executeUpdate() == 0) {
                LOG.warning(() -> "maintenance task " + name + " ran on " + claim.nodeId() + " after its lease ended: "
                    + "another node may run it again; not recorded");
            }
            try (PreparedStatement old = c.prepareStatement(
                    "DELETE FROM archive.maintenance_runs WHERE started_at < now() - interval '7 days'")) {
                old.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "the run of maintenance task " + name + " could not be recorded; it is due again"
                + " once this node's lease ends", e);
        }
    }

    /** Every task of the cluster with its last run, by name. */
    public List<Task> all() throws SQLException {
        List<Task> all = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT task, description, interval_seconds, setting, last_start, last_duration_ms, last_ok, last_outcome,
                       runs, failures, last_node
                  FROM archive.cluster_tasks ORDER BY task""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime last = rs.getObject("last_start", OffsetDateTime.class);
                long ms = rs.getLong("last_duration_ms");
                all.add(new Task(rs.getString("task"), rs.getString("description"), rs.getLong("interval_seconds"),
                    rs.getString("setting"), last == null ? null : last.toInstant(),
                    last == null ? null : Duration.ofMillis(ms), last == null || rs.getBoolean("last_ok"),
                    rs.getString("last_outcome"), rs.getLong("runs"), rs.getLong("failures"), rs.getString("last_node")));
            }
        }
        return all;
    }
}
