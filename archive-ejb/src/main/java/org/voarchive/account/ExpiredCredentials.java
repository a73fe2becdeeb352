package org.voarchive.account;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.database.DataSources;
import org.voarchive.maintenance.MaintenanceTasks;

/**
 * Deletes expired sessions and personal tokens on an interval timer inside the application. Lookups never
 * accept an expired row anyway; this keeps the tables to the credentials that still work. Once per cluster, as
 * every maintenance task (a delete of what has expired would be the same on any node, but one is enough).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class ExpiredCredentials {

    private static final Logger LOG = Logger.getLogger(ExpiredCredentials.class.getName());
    static final String TASK = "account-credentials";

    @Resource
    TimerService timers;

    @EJB
    DataSources dataSources;

    @Inject
    @ConfigProperty(name = "archive.account.prune-interval-seconds", defaultValue = "3600")
    int seconds;

    @Inject
    MaintenanceTasks maintenance;

    @PostConstruct
    void schedule() {
        maintenance.scheduled(TASK, "deletes expired sessions and personal tokens", seconds,
            "archive.account.prune-interval-seconds");
        if (seconds > 0) { // 0 turns it off: expired rows then stay, refused, until their user's next token or sign-in
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
        Instant start = Instant.now();
        try {
            int[] deleted = prune();
            maintenance.ran(TASK, start, true, deleted[0] + " sessions and " + deleted[1] + " tokens deleted");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "deleting expired sessions and tokens failed; the next round tries again", e);
            maintenance.ran(TASK, start, false, "failed: " + e.getMessage());
        }
    }

    /** @return the sessions and the tokens deleted */
    int[] prune() throws SQLException {
        try (Connection c = dataSources.app().getConnection(); Statement s = c.createStatement()) {
            int sessions = s.executeUpdate("DELETE FROM archive.sessions WHERE expires <= now()");
            int tokens = s.executeUpdate("DELETE FROM archive.personal_tokens WHERE expires <= now()");
            return new int[] {sessions, tokens};
        }
    }
}
