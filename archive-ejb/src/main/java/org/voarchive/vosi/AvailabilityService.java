package org.voarchive.vosi;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.voarchive.cluster.Notifications;
import org.voarchive.database.DataSources;
import org.voarchive.database.ReadRouting;
import org.voarchive.vosi.xml.Availability;

/**
 * Answers VOSI availability by really using the database: a connection on the
 * application role (archive tables) and one on the query role (user queries),
 * with pg_sphere present. Each request checks afresh, so an outage shows
 * within seconds and recovery needs no restart.
 */
@ApplicationScoped
public class AvailabilityService {

    private static final Logger LOG = Logger.getLogger(AvailabilityService.class.getName());
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    @EJB
    private DataSources dataSources;

    private final Clock clock = Clock.systemUTC();

    // "The instant at which the service last became available": moves on recovery.
    private Instant upSince;
    private boolean lastAvailable;

    // notifications between nodes down: clients wait a little longer (WAIT answers within a second), nothing fails
    @Inject
    private Notifications notifications;

    /** The replicas' state, a note only: a replica never makes the service unavailable (the primary serves). */
    @Inject
    private ReadRouting replicas;

    public Availability check() {
        List<String> notes = new ArrayList<>();
        // '&', not '&&': both checks run, so the notes name every role that fails
        boolean available = checkPgSphere(dataSources.app(), "application", notes)
            & checkConnection(dataSources.query(), "query", notes);
        if (!notifications.listening()) {
            notes.add("Notifications between the archive's nodes are down; waits for a job's phase answer within a second.");
        }
        replicas.note().ifPresent(notes::add);
        return new Availability(available, transition(available), notes);
    }

    private synchronized Instant transition(boolean available) {
        if (available && (!lastAvailable || upSince == null)) {
            upSince = Instant.now(clock);
        }
        lastAvailable = available;
        return available ? upSince : null;
    }

    private boolean checkPgSphere(DataSource dataSource, String role, List<String> notes) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(
                    "SELECT current_setting('server_version') AS server_version, "
                        + "(SELECT extversion FROM pg_extension WHERE extname = 'pg_sphere') AS pg_sphere")) {
                rs.next();
                String pgSphere = rs.getString("pg_sphere");
                if (pgSphere == null) {
                    notes.add("The database is reachable but the pg_sphere extension is not installed.");
                    return false;
                }
                notes.add("Database reachable (PostgreSQL " + rs.getString("server_version") + ", pg_sphere " + pgSphere + ").");
                return true;
            }
        } catch (SQLException e) {
            return unavailable(role, e, notes);
        }
    }

    private boolean checkConnection(DataSource dataSource, String role, List<String> notes) {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(CHECK_TIMEOUT_SECONDS)) {
                return true;
            }
            notes.add("The database does not answer queries on the " + role + " role.");
            return false;
        } catch (SQLException e) {
            return unavailable(role, e, notes);
        }
    }

    private static boolean unavailable(String role, SQLException e, List<String> notes) {
        LOG.log(Level.WARNING, "Availability check failed on the " + role + " role: " + e.getMessage());
        notes.add("The database cannot be reached on the " + role + " role; the service is down until it is back.");
        return false;
    }
}
