package org.voarchive.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the nodes tell each other through PostgreSQL's LISTEN/NOTIFY: a job's phase changed
 * ({@link #JOB_CHANNEL}), work became claimable without a phase change ({@link #QUEUE_CHANNEL}). The senders
 * notify in the transaction of their change (uws.JobStore); this node's subscribers hear every notification of
 * the cluster, their own node's too.
 *
 * <p>Signature version: the subscriptions are kept, no listener connection is made yet ({@link #listening()}
 * false), so subscribers fall back to polling.
 */
@ApplicationScoped
public class Notifications {

    /** Payload {@code <jobId> <PHASE|GONE> <queue>}. */
    public static final String JOB_CHANNEL = "archive_job";
    /** Payload {@code <queue>}: a job of the queue became claimable (taken over, or given back by a stopping node). */
    public static final String QUEUE_CHANNEL = "archive_queue";

    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> missed = new CopyOnWriteArrayList<>();

    /** Calls the consumer with the payload of every notification on the channel, on the listener's thread. */
    public void subscribe(String channel, Consumer<String> payload) {
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(payload);
    }

    /**
     * Runs the task (on the listener's thread) when notifications may have been missed: the listener dropped, and
     * again once it listens again.
     */
    public void whenMissed(Runnable task) {
        missed.add(task);
    }

    /** Whether notifications arrive now; while not, subscribers must poll. */
    public boolean listening() {
        return false;
    }
}
