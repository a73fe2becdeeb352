package org.voarchive.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.voarchive.database.Settings;

/**
 * What the nodes tell each other, through PostgreSQL's LISTEN/NOTIFY: a job's phase changed
 * ({@link #JOB_CHANNEL}: WAIT requests and the executing node hear it, whichever node made the change) and work
 * became claimable without a phase change ({@link #QUEUE_CHANNEL}). Senders call {@code pg_notify} in the
 * transaction of the change, so a notification arrives exactly when the change is visible, and never for one
 * rolled back; one thread here listens for the whole node and hands each payload to the subscribers of its
 * channel, on that thread (a subscriber must be quick: complete a future, signal a condition).
 *
 * <p>The listener has a connection of its own, outside the pools (a pooled one would be validated, recycled and
 * counted against the pool), in autocommit, never inside a transaction (a listener in a long transaction holds
 * back the clean-up of PostgreSQL's notification queue). A connection that died silently would just deliver
 * nothing, so a {@code SELECT 1} checks it every heartbeat. While it is down, {@link #listening()} is false (waits
 * are then capped at a second, dispatchers poll) and it reconnects every second; when it drops and when it
 * listens again, the {@link #whenMissed} callbacks run: a change in the gap was not heard.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Notifications {

    /** Payload {@code "<jobId> <PHASE|GONE> <queue>"}: {@link org.voarchive.uws.JobNotice}. */
    public static final String JOB_CHANNEL = "archive_job";
    /** Payload {@code "<queue>"}: a job of that queue may be claimed (taken over, or given back by a stopping node). */
    public static final String QUEUE_CHANNEL = "archive_queue";

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    /** How long one read waits for notifications: also how soon the thread sees a stop. */
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1000;
    /** Seconds; a database that does not answer (a dead connection's SELECT 1, a connect) is given up after this. */
    private static final int NETWORK_TIMEOUT_SECONDS = 5;

    private record Subscription(String channel, Consumer<String> payload) {
    }

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ClusterSettings settings;

    @Inject
    @ConfigProperty(name = "archive.db.url", defaultValue = Settings.DEFAULT_URL)
    String url;

    @Inject
    @ConfigProperty(name = "archive.db.app.user", defaultValue = "archive_app")
    String user;

    @Inject
    @ConfigProperty(name = "archive.db.app.password", defaultValue = "")
    String password;

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Runnable> missed = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    @PostConstruct
    void start() {
        running = true;
        listener = threads.newThread(this::listen);
        listener.setName("archive-listener");
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            listener.join(2L * POLL_MILLIS + NETWORK_TIMEOUT_SECONDS * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands every payload of {@code channel} to {@code payload}, on the listener's thread. */
    public void subscribe(String channel, Consumer<String> payload) {
        subscriptions.add(new Subscription(channel, payload));
    }

    /** Runs {@code action} whenever notifications may have been missed: the listener dropped, or listens again. */
    public void whenMissed(Runnable action) {
        missed.add(action);
    }

    /** False while this node hears no other: waits and dispatchers must then look for themselves. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + JOB_CHANNEL + "; LISTEN " + QUEUE_CHANNEL);
                changed(true);
                LOG.info(() -> "listening to the other nodes (channels " + JOB_CHANNEL + ", " + QUEUE_CHANNEL + ")");
                receive(c.unwrap(PGConnection.class), s);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.log(listening ? Level.WARNING : Level.FINE, "notifications from the other nodes are not heard"
                        + " (waits answer within a second until the listener is back): " + e.getMessage());
                }
            }
            changed(false);
            if (running) {
                pause();
            }
        }
    }

    private Connection connect() throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setApplicationName("archive-listener " + settings.nodeName());
        source.setTcpKeepAlive(true);
        source.setLoginTimeout(NETWORK_TIMEOUT_SECONDS);
        source.setSocketTimeout(NETWORK_TIMEOUT_SECONDS);
        return source.getConnection();
    }

    private void receive(PGConnection pg, Statement s) throws SQLException {
        long checkEvery = settings.heartbeat().toNanos();
        long nextCheck = System.nanoTime() + checkEvery;
        while (running) {
            PGNotification[] received = pg.getNotifications(POLL_MILLIS);
            if (received != null) {
                for (PGNotification n : received) {
                    deliver(n.getName(), n.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck >= 0) {
                s.execute("SELECT 1");
                nextCheck = System.nanoTime() + checkEvery;
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Subscription sub : subscriptions) {
            if (sub.channel().equals(channel)) {
                try {
                    sub.payload().accept(payload);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a subscriber of " + channel + " failed on '" + payload + "'", e);
                }
            }
        }
    }

    private void changed(boolean now) {
        if (listening == now) {
            return;
        }
        listening = now;
        for (Runnable action : missed) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a subscriber failed after missed notifications", e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            running = false; // only the application's stop interrupts this thread
        }
    }
}
