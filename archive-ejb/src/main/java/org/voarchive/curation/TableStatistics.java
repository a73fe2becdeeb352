package org.voarchive.curation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;

/**
 * Keeps every table's row count and size current from PostgreSQL's own
 * statistics (as discovery reads them: reltuples, total relation size), on an
 * interval timer inside the application; curated fields, versions and update
 * dates are untouched, since statistics are facts, not edits.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class TableStatistics {

    private static final Logger LOG = Logger.getLogger(TableStatistics.class.getName());
    public static final String TASK = "table-statistics";

    @Resource
    TimerService timers;

    @EJB
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.metadata.statistics-interval-seconds", defaultValue = "3600")
    int seconds;

    @Inject
    org.voarchive.maintenance.MaintenanceTasks maintenance;

    @PostConstruct
    void schedule() {
        maintenance.scheduled(TASK, "row counts and sizes of the published tables from PostgreSQL's statistics", seconds,
            "archive.metadata.statistics-interval-seconds");
        if (seconds > 0) { // 0 turns the refresh off
            long interval = seconds * 1000L;
            timers.createIntervalTimer(interval, interval, new TimerConfig(TASK, false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        if (!maintenance.claim(TASK)) {
            return; // not due, or another node runs it
        }
        java.time.Instant start = java.time.Instant.now();
        try {
            int changed = refresh();
            maintenance.ran(TASK, start, true, changed + " tables' figures changed");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "refreshing table statistics failed; the next round tries again", e);
            maintenance.ran(TASK, start, false, "failed: " + e.getMessage());
        }
    }

    /** A described table's figures as the last refresh left them (null: not known yet), for the operations page. */
    public record Figures(String schema, String table, Long rows, Long sizeBytes, boolean published) {
    }

    /** Every described table's figures, by schema and table. */
    public java.util.List<Figures> figures() throws SQLException {
        java.util.List<Figures> all = new java.util.ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("""
                 SELECT s.name AS schema_name, t.name AS table_name, t.nrows, t.size_bytes,
                        t.published AND s.published AS published
                   FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                  WHERE t.owner IS NULL -- users' tables are in the operators' storage view, names and sizes only
                  ORDER BY s.name, t.name""")) {
            while (rs.next()) {
                all.add(new Figures(rs.getString("schema_name"), rs.getString("table_name"),
                    rs.getObject("nrows", Long.class), rs.getObject("size_bytes", Long.class), rs.getBoolean("published")));
            }
        }
        return all;
    }

    /** @return how many tables' figures changed */
    public int refresh() throws SQLException {
        try (Connection c = dataSources.app().getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("""
                UPDATE archive.tables t
                   SET nrows = st.nrows, size_bytes = st.size_bytes
                  FROM (SELECT t2.id,
                               CASE WHEN c.reltuples < 0 THEN NULL ELSE CAST(c.reltuples AS bigint) END AS nrows,
                               pg_total_relation_size(c.oid) AS size_bytes
                          FROM archive.tables t2 JOIN archive.schemas s ON s.id = t2.schema_id
                          JOIN pg_namespace n ON n.nspname = s.name
                          JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t2.name
                         -- not users' personal tables: archive.personal_tables has their figures, kept out of
                         -- the metadata so that their loads do not move its generation (V30)
                         WHERE t2.owner IS NULL) st
                 WHERE st.id = t.id
                   AND (t.nrows IS DISTINCT FROM st.nrows OR t.size_bytes IS DISTINCT FROM st.size_bytes)""");
        }
    }
}
