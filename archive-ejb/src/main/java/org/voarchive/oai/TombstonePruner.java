package org.voarchive.oai;

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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.maintenance.MaintenanceTasks;

/**
 * Forgets OAI-PMH tombstones older than the configured retention. With a
 * retention, the repository's deleted records are "transient" (OAI-PMH 2.0
 * section 2.5.1: no guarantee they are kept); without one (the default) they
 * are "persistent" and this task is off.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class TombstonePruner {

    static final String TASK = "oai-tombstones";

    @Resource
    TimerService timers;

    @EJB
    DataSources dataSources;

    @Inject
    MaintenanceTasks maintenance;

    /** 0: keep them for ever (deletedRecord persistent). */
    @Inject
    @ConfigProperty(name = "archive.oai.deleted-retention-days", defaultValue = "0")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "archive.oai.prune-interval-seconds", defaultValue = "86400")
    int seconds;

    @PostConstruct
    void schedule() {
        long interval = retentionDays > 0 ? seconds : 0;
        maintenance.scheduled(TASK, "forgets OAI-PMH deleted records older than " + retentionDays + " days", interval,
            "archive.oai.deleted-retention-days, archive.oai.prune-interval-seconds");
        if (interval > 0) {
            timers.createIntervalTimer(interval * 1000L, interval * 1000L, new TimerConfig(TASK, false));
        }
    }

    /** The deletedRecord policy Identify declares. */
    public String deletedRecordPolicy() {
        return retentionDays > 0 ? "transient" : "persistent";
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        if (!maintenance.claim(TASK)) {
            return; // not due, or another node runs it
        }
        Instant start = Instant.now();
        try {
            int pruned = prune();
            maintenance.ran(TASK, start, true, pruned + " tombstones forgotten");
        } catch (SQLException e) {
            maintenance.ran(TASK, start, false, "failed: " + e.getMessage());
        }
    }

    /** @return how many tombstones were removed */
    public int prune() throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM archive.oai_deleted WHERE datestamp < now() - make_interval(days => ?)")) {
            s.setInt(1, retentionDays);
            return s.executeUpdate();
        }
    }
}
