package org.voarchive.usage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.maintenance.MaintenanceTasks;

/**
 * Counts requests per day (UTC), kind, published table and masked client network in archive.usage_daily, and
 * reads the counts back for the operations page. A request's count is added in memory; a flush on the
 * application's scheduled executor writes all the counts added in the last {@value #FLUSH_DELAY_MILLIS} ms in one
 * upsert. The request's own path never waits for it and does no more than add to a map: one executor task per
 * request (whose context capture cost more than a cone's query) and one contended row update per request were
 * most of what counting cost under load. A flush that fails is a log line, never a request's failure (statistics
 * are worth less than an answer); the counts of the last moment before a crash are lost, those pending at an
 * orderly stop are written. Rows older than
 * {@code archive.usage.retention-days} are deleted daily (a maintenance task).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageStatistics {

    private static final Logger LOG = Logger.getLogger(UsageStatistics.class.getName());
    static final String TASK = "usage-retention";
    private static final long DAY_MILLIS = 86_400_000L;

    /** The pending counts, one row per distinct day, kind, table and network, as parallel arrays. */
    private static final String COUNTS = """
        INSERT INTO archive.usage_daily (day, kind, table_name, client_network, requests)
        SELECT * FROM unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[])
        ON CONFLICT (day, kind, table_name, client_network)
        DO UPDATE SET requests = archive.usage_daily.requests + EXCLUDED.requests""";
    /** The tables a job's query read, as its kept result names them (tap.KeptResults); no row for none. */
    private static final String JOB_TABLES = "SELECT source_tables FROM archive.kept_results WHERE job_id = ?";

    /** What one row of archive.usage_daily counts. */
    private record Counted(LocalDate day, UsageKind kind, String table, String network) {
    }

    /** Requests counted and not yet written; a flush removes what it writes. */
    private final ConcurrentHashMap<Counted, Long> pending = new ConcurrentHashMap<>();

    /** Whether a flush is on the executor and has not yet started taking the pending counts. */
    private final AtomicBoolean flushQueued = new AtomicBoolean();

    /** How long a count waits for others to be written with it. */
    static final long FLUSH_DELAY_MILLIS = 1000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    TimerService timers;

    @EJB
    DataSources dataSources;

    @Inject
    MaintenanceTasks maintenance;

    /** 0: kept for ever. */
    @Inject
    @ConfigProperty(name = "archive.usage.retention-days", defaultValue = "400")
    int retentionDays;

    /** The counts of one day, kind and table, over all networks. */
    public record DayCount(LocalDate day, UsageKind kind, String table, long requests, int networks) {
    }

    @PostConstruct
    void schedule() {
        long interval = retentionDays > 0 ? DAY_MILLIS / 1000 : 0;
        maintenance.scheduled(TASK, "deletes usage statistics older than " + retentionDays + " days", interval,
            "archive.usage.retention-days");
        if (interval > 0) {
            timers.createIntervalTimer(60_000L, DAY_MILLIS, new TimerConfig(TASK, false));
        }
    }

    /** What is still pending when the application stops, written now rather than lost. */
    @PreDestroy
    void stop() {
        flush();
    }

    public int retentionDays() {
        return retentionDays;
    }

    /**
     * Counts a request, later, on the executor.
     *
     * @param tables        the published tables (schema.table) it read; empty for none
     * @param clientAddress the client's address (or a job's network), masked here before it is kept; null if none
     */
    public void count(UsageKind kind, Collection<String> tables, String clientAddress) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        String network = MaskedNetwork.of(clientAddress);
        // a datalink row without a table (null: anyone's) counts as reading none
        List<String> names = tables.isEmpty() ? List.of("")
            : tables.stream().map(t -> t == null ? "" : t).distinct().toList();
        for (String table : names) {
            pending.merge(new Counted(day, kind, table, network), 1L, Long::sum);
        }
        if (flushQueued.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::flush, FLUSH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                flushQueued.set(false); // the counts stay pending: the next request schedules a flush again
                LOG.log(Level.WARNING, "usage counts not written yet: the scheduler refused the work", e);
            }
        }
    }

    /**
     * Counts the download of a job's result against the tables the job's query read, with the other counts. The
     * tables are read now, while the job surely exists (a client may delete it right after the download), in one
     * round trip: a task on the executor per download cost more, in the container's context capture, than the
     * download itself.
     */
    public void countResult(String jobId, String clientAddress) {
        List<String> tables = List.of();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(JOB_TABLES)) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getArray("source_tables") != null) {
                    tables = List.of((String[]) r.getArray("source_tables").getArray());
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "a result download was not counted in the usage statistics", e);
            return;
        }
        count(UsageKind.RESULT_DOWNLOAD, tables, clientAddress);
    }

    /**
     * Writes the pending counts. The flag goes down before the counts are taken: a count added after that schedules
     * the next flush, one added before it is taken here, so none waits for a later request.
     */
    private void flush() {
        flushQueued.set(false);
        List<Counted> keys = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        for (Counted key : pending.keySet()) {
            Long n = pending.remove(key); // atomically: a count merged after this starts a new entry
            if (n != null) {
                keys.add(key);
                requests.add(n);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(COUNTS)) {
            s.setArray(1, c.createArrayOf("text", keys.stream().map(k -> k.day().toString()).toArray()));
            s.setArray(2, c.createArrayOf("text", keys.stream().map(k -> k.kind().name()).toArray()));
            s.setArray(3, c.createArrayOf("text", keys.stream().map(Counted::table).toArray()));
            s.setArray(4, c.createArrayOf("text", keys.stream().map(Counted::network).toArray()));
            s.setArray(5, c.createArrayOf("bigint", requests.toArray()));
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            long lost = requests.stream().mapToLong(Long::longValue).sum();
            LOG.log(Level.WARNING, lost + " requests were not counted in the usage statistics", e);
        }
    }

    /** The counts of the last {@code days} days (today included), newest first, then by kind and table. */
    public List<DayCount> daily(int days) throws SQLException {
        List<DayCount> counts = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT day, kind, table_name, SUM(requests) AS requests, COUNT(DISTINCT client_network) AS networks
                  FROM archive.usage_daily WHERE day > ? GROUP BY day, kind, table_name
                 ORDER BY day DESC, kind, table_name""")) {
            s.setObject(1, LocalDate.now(ZoneOffset.UTC).minusDays(days));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.add(new DayCount(rs.getObject("day", LocalDate.class), UsageKind.valueOf(rs.getString("kind")),
                        rs.getString("table_name"), rs.getLong("requests"), rs.getInt("networks")));
                }
            }
        }
        return counts;
    }

    @Timeout
    void onTimer() {
        if (!maintenance.claim(TASK)) {
            return; // not due, or another node runs it
        }
        Instant start = Instant.now();
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM archive.usage_daily WHERE day < ?")) {
            s.setObject(1, LocalDate.now(ZoneOffset.UTC).minusDays(retentionDays));
            int deleted = s.executeUpdate();
            maintenance.ran(TASK, start, true, deleted + " rows deleted");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "deleting old usage statistics failed; the next round tries again", e);
            maintenance.ran(TASK, start, false, "failed: " + e.getMessage());
        }
    }
}
