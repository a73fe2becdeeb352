package org.voarchive.usage;

import jakarta.annotation.PostConstruct;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.maintenance.MaintenanceTasks;

/**
 * Counts requests per day (UTC), kind, published table and masked client network in archive.usage_daily, and
 * reads the counts back for the operations page. A request is counted by one upsert run on the application's
 * executor after the caller has handed it over: the request's own path never waits for it, and a failure is a
 * log line, never the request's failure (statistics are worth less than an answer). Rows older than
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

    /** One request, once per table it read (none: one row with table ''); the tables are the last parameter. */
    private static final String COUNT = """
        INSERT INTO archive.usage_daily (day, kind, table_name, client_network, requests)
        SELECT ?, ?, t, ?, 1 FROM unnest(%s) AS t
        ON CONFLICT (day, kind, table_name, client_network)
        DO UPDATE SET requests = archive.usage_daily.requests + 1""";
    private static final String GIVEN_TABLES = COUNT.formatted("?::text[]");
    /** A job's result: the tables its query read, as its kept table names them (tap.KeptResults), else none. */
    private static final String JOB_TABLES = COUNT.formatted(
        "COALESCE(NULLIF((SELECT k.source_tables FROM archive.kept_results k WHERE k.job_id = ?), '{}'), ARRAY[''])");

    @Resource
    ManagedExecutorService executor;

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
        // a datalink row without a table (null: anyone's) counts as reading none
        String[] names = tables.isEmpty() ? new String[] {""}
            : tables.stream().map(t -> t == null ? "" : t).distinct().toArray(String[]::new);
        later(kind, clientAddress, GIVEN_TABLES, (c, s) -> s.setArray(4, c.createArrayOf("text", names)));
    }

    /** Counts the download of a job's result, later, against the tables the job's query read. */
    public void countResult(String jobId, String clientAddress) {
        later(UsageKind.RESULT_DOWNLOAD, clientAddress, JOB_TABLES, (c, s) -> s.setString(4, jobId));
    }

    /** Binds the tables' parameter of a count. */
    private interface Tables {
        void bind(Connection c, PreparedStatement s) throws SQLException;
    }

    private void later(UsageKind kind, String clientAddress, String sql, Tables tables) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        String network = MaskedNetwork.of(clientAddress);
        try {
            executor.execute(() -> store(day, kind, network, sql, tables));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "a " + kind + " request was not counted: the executor refused the work", e);
        }
    }

    private void store(LocalDate day, UsageKind kind, String network, String sql, Tables tables) {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, day);
            s.setString(2, kind.name());
            s.setString(3, network);
            tables.bind(c, s);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "a " + kind + " request was not counted in the usage statistics", e);
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
