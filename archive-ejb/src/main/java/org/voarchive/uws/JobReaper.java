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
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces destruction times: a (non-persistent) interval timer destroys the
 * jobs whose time has come, with their files, and aborts those still running.
 */
@Singleton
@Startup
@DependsOn("JobManager")
public class JobReaper {

    private static final Logger LOG = Logger.getLogger(JobReaper.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @EJB
    JobStore store;

    @EJB
    JobManager manager;

    @Inject
    UwsSettings settings;

    @PostConstruct
    void schedule() {
        long interval = settings.reaperIntervalSeconds() * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("uws-reaper", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reap() {
        List<String> expired;
        do {
            expired = store.expired(Instant.now(), BATCH);
            for (String id : expired) {
                try {
                    manager.destroy(id);
                    LOG.fine(() -> "job " + id + " destroyed at its destruction time");
                } catch (UwsException e) {
                    // destroyed by its owner meanwhile
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "destroying job " + id + " failed; the next round tries again", e);
                    return;
                }
            }
        } while (expired.size() == BATCH);
    }
}
