package org.voarchive.uws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.voarchive.cluster.Notifications;

/**
 * Tells blocked WAIT requests (UWS 1.1 section 2.2.1.2) that a job's phase
 * changed, without polling, whichever node changed it: the one way a waiter
 * is woken is the job's notification ({@link JobNotice} on
 * {@link Notifications#JOB_CHANNEL}), which arrives once the change is committed
 * (so no waiter is woken twice for one change, by its own node and by the echo).
 * A waiter takes the future first and reads the job afterwards, so a change
 * between the two is never missed. While the node hears no notification, every
 * waiter is answered at once and new waits last a second at most: clients ask
 * again, and see the change within a second.
 */
@ApplicationScoped
public class PhaseEvents {

    /** Threads that answer the waiters once woken: enough for a burst, each answer is a read of the job. */
    private static final int WAKERS = 4;
    /** The longest wait while notifications are not heard. */
    static final long DEAF_WAIT_MILLIS = 1000;

    private final ConcurrentMap<String, CompletableFuture<Void>> next = new ConcurrentHashMap<>();

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Notifications notifications;

    private ExecutorService wakers;

    @PostConstruct
    void start() {
        wakers = Executors.newFixedThreadPool(WAKERS, threads);
        notifications.subscribe(Notifications.JOB_CHANNEL, payload -> JobNotice.parse(payload).ifPresent(this::heard));
        notifications.whenMissed(this::wakeAll);
    }

    @PreDestroy
    void stop() {
        wakers.shutdownNow();
    }

    /**
     * Where a woken waiter's answer is made: container threads made once. A task given to a managed executor has
     * the container's context captured on submission, which in Payara scans the class path for context providers
     * every time: that capture was a tenth of an async job's CPU.
     */
    public Executor wakers() {
        return wakers;
    }

    /**
     * Completes with true at the job's next phase change (or when a change may have gone unheard), or with false
     * after the timeout: at most a second while notifications are not heard.
     */
    public CompletableFuture<Boolean> nextChange(String jobId, long timeoutMillis) {
        long timeout = notifications.listening() ? timeoutMillis : Math.min(timeoutMillis, DEAF_WAIT_MILLIS);
        return next.computeIfAbsent(jobId, id -> new CompletableFuture<>())
            .thenApply(v -> true)
            .completeOnTimeout(false, timeout, TimeUnit.MILLISECONDS);
    }

    /** The job's phase changed, or it is gone: on the listener's thread. */
    void heard(JobNotice notice) {
        CompletableFuture<Void> f = next.remove(notice.jobId());
        if (f != null) {
            f.complete(null);
        }
    }

    /** The local wake-up of a change this node made: goes once JobStore notifies (WP1's so-queue-2). */
    void changed(String jobId) {
        CompletableFuture<Void> f = next.remove(jobId);
        if (f != null) {
            f.complete(null);
        }
    }

    /** Notifications may have been missed: every waiter reads its job again and answers. */
    void wakeAll() {
        for (String id : next.keySet()) {
            CompletableFuture<Void> f = next.remove(id);
            if (f != null) {
                f.complete(null);
            }
        }
    }
}
