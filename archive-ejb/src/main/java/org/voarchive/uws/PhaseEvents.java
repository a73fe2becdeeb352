package org.voarchive.uws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tells blocked WAIT requests (UWS 1.1 section 2.2.1.2) that a job's phase
 * changed, without polling. A waiter takes the future first and reads the job
 * afterwards, so a change between the two is never missed.
 */
@ApplicationScoped
public class PhaseEvents {

    /** Threads that answer the waiters once woken: enough for a burst, each answer is a read of the job. */
    private static final int WAKERS = 4;

    private final ConcurrentMap<String, CompletableFuture<Void>> next = new ConcurrentHashMap<>();

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService wakers;

    @PostConstruct
    void start() {
        wakers = Executors.newFixedThreadPool(WAKERS, threads);
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

    /** Completes with true at the job's next phase change, or with false after the timeout. */
    public CompletableFuture<Boolean> nextChange(String jobId, long timeoutMillis) {
        return next.computeIfAbsent(jobId, id -> new CompletableFuture<>())
            .thenApply(v -> true)
            .completeOnTimeout(false, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Called after a phase change is committed (or the job is gone). */
    public void changed(String jobId) {
        CompletableFuture<Void> f = next.remove(jobId);
        if (f != null) {
            f.complete(null);
        }
    }
}
