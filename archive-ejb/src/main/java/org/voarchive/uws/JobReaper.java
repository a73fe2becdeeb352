package org.voarchive.uws;

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
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces destruction times: a (non-persistent) interval timer destroys the
 * jobs whose time has come, with their files, and aborts those still running;
 * PENDING jobs older than the pending lifetime go too, whatever their row says
 * (a row stored before that rule, or under a longer setting); then it sweeps
 * job directories that have no job.
 */
@Singleton
@Startup
@DependsOn("JobManager")
public class JobReaper {

    private static final Logger LOG = Logger.getLogger(JobReaper.class.getName());
    private static final int BATCH = 500;
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final String TASK = "uws-reaper";

    @Resource
    TimerService timers;

    @EJB
    JobStore store;

    @EJB
    JobManager manager;

    @Inject
    UwsSettings settings;

    @Inject
    org.voarchive.maintenance.MaintenanceTasks maintenance;

    @PostConstruct
    void schedule() {
        maintenance.scheduled(TASK, "destroys UWS jobs past their destruction time (PENDING ones after "
            + settings.pendingLifetime().toHours() + " h) with their files,"
            + " and sweeps result directories without a job", settings.reaperIntervalSeconds(),
            "archive.uws.reaper-interval-seconds");
        long interval = settings.reaperIntervalSeconds() * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig(TASK, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reap() {
        if (!maintenance.claim(TASK)) {
            return; // not due, or another node runs it
        }
        Instant start = Instant.now();
        int destroyed = 0;
        List<String> expired;
        do {
            Instant now = Instant.now();
            expired = store.expired(now, now.minus(settings.pendingLifetime()), BATCH);
            for (String id : expired) {
                try {
                    manager.destroy(id);
                    destroyed++;
                    LOG.fine(() -> "job " + id + " destroyed at its destruction time");
                } catch (UwsException e) {
                    // destroyed by its owner meanwhile
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "destroying job " + id + " failed; the next round tries again", e);
                    maintenance.ran(TASK, start, false, "destroying job " + id + " failed: " + e.getMessage());
                    return;
                }
            }
        } while (expired.size() == BATCH);
        try {
            int swept = sweepOrphans();
            maintenance.ran(TASK, start, true, destroyed + " jobs destroyed, " + swept + " orphaned directories removed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweeping job directories failed; the next round tries again", e);
            maintenance.ran(TASK, start, false, "sweeping job directories failed: " + e.getMessage());
        }
    }

    /**
     * Removes job directories without a job: the row and the files are deleted one after the other, and a crash
     * between the two leaves the files. Only directories untouched for an hour, so a job being created (its
     * uploads are stored before its row) is never swept.
     */
    private int sweepOrphans() {
        int swept = 0;
        List<String> old = manager.files().directoriesOlderThan(Instant.now().minus(ORPHAN_AGE));
        for (int i = 0; i < old.size(); i += BATCH) {
            List<String> batch = old.subList(i, Math.min(old.size(), i + BATCH));
            Set<String> jobs = new HashSet<>(store.existing(batch));
            for (String dir : batch) {
                if (!jobs.contains(dir)) {
                    manager.files().delete(dir);
                    swept++;
                    LOG.info(() -> "removed the files of " + dir + ", which has no job");
                }
            }
        }
        return swept;
    }
}
