package org.voarchive.tap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.maintenance.MaintenanceTasks;

/**
 * Drops kept results whose job is gone ({@link KeptResults#sweep}): a job's table goes with it at once, but
 * one that a download was reading then, or that a stopped server left between drop and delete, stays until
 * this task comes by, soon after start-up and then on an interval timer.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class KeptResultsSweep {

    private static final Logger LOG = Logger.getLogger(KeptResultsSweep.class.getName());
    static final String TASK = "tap-kept-results";
    /** The first sweep after start-up, once the server has settled. */
    private static final long FIRST_MILLIS = 60_000;

    @Resource
    TimerService timers;

    @Inject
    KeptResults kept;

    @Inject
    @ConfigProperty(name = "archive.tap.kept-results.sweep-interval-seconds", defaultValue = "3600")
    int seconds;

    @Inject
    MaintenanceTasks maintenance;

    @PostConstruct
    void schedule() {
        maintenance.scheduled(TASK, "drops async TAP results kept as tables whose job is gone", seconds,
            "archive.tap.kept-results.sweep-interval-seconds");
        if (seconds > 0) { // 0 turns it off: tables a destroyed job left stay until it runs again
            long interval = seconds * 1000L;
            timers.createIntervalTimer(Math.min(FIRST_MILLIS, interval), interval, new TimerConfig(TASK, false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        if (!maintenance.claim(TASK)) {
            return; // not due, or another node runs it
        }
        Instant start = Instant.now();
        try {
            int[] swept = kept.sweep();
            maintenance.ran(TASK, start, true, swept[0] + " tables without a job dropped, " + swept[1]
                + " records without a table deleted");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "sweeping kept results failed; the next round tries again", e);
            maintenance.ran(TASK, start, false, "failed: " + e.getMessage());
        }
    }
}
