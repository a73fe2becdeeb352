package org.voarchive.uws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * {@link Notifications#JOB_CHANNEL}), which arrives once the change is committed.
 * A waiter registers first and reads the job afterwards, so a change between
 * the two is never missed; it then says which phase it saw ({@link Wait#saw}),
 * so that a notification of that very phase, committed before the read but heard
 * after it (the listener is a little behind), does not wake it with nothing new.
 * While the node hears no notification, every waiter is answered at once and new
 * waits last a second at most: clients ask again, and see the change within a
 * second.
 */
@ApplicationScoped
public class PhaseEvents {

    /** Threads that answer the waiters once woken: enough for a burst, each answer is a read of the job. */
    private static final int WAKERS = 4;
    /** The longest wait while notifications are not heard. */
    static final long DEAF_WAIT_MILLIS = 1000;

    /**
     * One WAIT request. {@link #change()} completes with true at the job's next phase change (or when a change may
     * have gone unheard), or with false at the timeout.
     */
    public static final class Wait {

        private final CompletableFuture<Boolean> change = new CompletableFuture<>();
        /** The phase the waiter read, null until it says. */
        private ExecutionPhase seen;
        /** What was heard before the waiter said what it saw: a phase, or empty for gone or unknown. */
        private final List<Optional<ExecutionPhase>> early = new ArrayList<>();

        Wait() {
        }

        public CompletableFuture<Boolean> change() {
            return change;
        }

        /** The phase the waiter read after registering: a notification of that phase is not news to it. */
        public synchronized void saw(ExecutionPhase phase) {
            seen = phase;
            early.forEach(this::heard);
            early.clear();
        }

        synchronized void heard(Optional<ExecutionPhase> phase) {
            if (seen == null) {
                early.add(phase);
            } else if (phase.isEmpty() || phase.get() != seen) {
                change.complete(true);
            }
        }
    }

    private final ConcurrentMap<String, Set<Wait>> waits = new ConcurrentHashMap<>();

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Notifications notifications;

    private ExecutorService wakers;

    @PostConstruct
    void start() {
        wakers = Executors.newFixedThreadPool(WAKERS, threads);
        notifications.subscribe(Notifications.JOB_CHANNEL,
            payload -> JobNotice.parse(payload).ifPresent(n -> wake(n.jobId(), n.phase())));
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

    /** Registers a wait for the job's next phase change, before the job is read; at most a second while deaf. */
    public Wait nextChange(String jobId, long timeoutMillis) {
        long timeout = notifications.listening() ? timeoutMillis : Math.min(timeoutMillis, DEAF_WAIT_MILLIS);
        Wait wait = new Wait();
        waits.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(wait);
        wait.change.completeOnTimeout(false, timeout, TimeUnit.MILLISECONDS)
            .whenComplete((changed, e) -> forget(jobId, wait));
        return wait;
    }

    private void forget(String jobId, Wait wait) {
        waits.computeIfPresent(jobId, (id, set) -> {
            set.remove(wait);
            return set.isEmpty() ? null : set;
        });
    }

    /** The job is in {@code phase} now (empty: gone, or not known): every waiter that saw another phase answers. */
    void wake(String jobId, Optional<ExecutionPhase> phase) {
        Set<Wait> set = waits.get(jobId);
        if (set != null) {
            set.forEach(w -> w.heard(phase));
        }
    }

    /** Notifications may have been missed: every waiter reads its job again and answers. */
    void wakeAll() {
        waits.values().forEach(set -> set.forEach(w -> w.change.complete(true)));
    }
}
