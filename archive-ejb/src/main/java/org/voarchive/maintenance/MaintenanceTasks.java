package org.voarchive.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the scheduled tasks inside the application (EJB timers: job clean-up,
 * table statistics, OAI-PMH tombstones) are set to do and how their last run
 * went, for the admin API and the log: operators see maintenance without
 * reading timers' code or container cron tables.
 */
@ApplicationScoped
public class MaintenanceTasks {

    private static final Logger LOG = Logger.getLogger(MaintenanceTasks.class.getName());

    /**
     * @param intervalSeconds 0 if switched off
     * @param setting         the configuration key of the interval (or of what switches the task on)
     * @param lastStart       null before the first run
     * @param lastOutcome     what the last run did, or why it failed
     */
    public record Task(String name, String description, long intervalSeconds, String setting, Instant lastStart,
                       Duration lastDuration, boolean lastOk, String lastOutcome, long runs, long failures) {
    }

    private final Map<String, Task> tasks = new ConcurrentSkipListMap<>();

    /** A task as scheduled at start-up. */
    public void scheduled(String name, String description, long intervalSeconds, String setting) {
        tasks.put(name, new Task(name, description, intervalSeconds, setting, null, null, true, null, 0, 0));
        LOG.info(() -> "maintenance task " + name + (intervalSeconds > 0 ? " every " + intervalSeconds + " s"
            : " switched off") + " (" + setting + ")");
    }

    /** Records a run that began at {@code start}; failures are logged as warnings, successes at FINE. */
    public void ran(String name, Instant start, boolean ok, String outcome) {
        Duration took = Duration.between(start, Instant.now());
        tasks.computeIfPresent(name, (k, t) -> new Task(t.name(), t.description(), t.intervalSeconds(), t.setting(), start,
            took, ok, outcome, t.runs() + 1, t.failures() + (ok ? 0 : 1)));
        LOG.log(ok ? Level.FINE : Level.WARNING, "maintenance task {0}: {1} ({2} ms)",
            new Object[] {name, outcome, took.toMillis()});
    }

    public List<Task> all() {
        return List.copyOf(tasks.values());
    }
}
