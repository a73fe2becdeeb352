package org.voarchive.uws;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Tells blocked WAIT requests (UWS 1.1 section 2.2.1.2) that a job's phase
 * changed, without polling. A waiter takes the future first and reads the job
 * afterwards, so a change between the two is never missed.
 */
@ApplicationScoped
public class PhaseEvents {

    private final ConcurrentMap<String, CompletableFuture<Void>> next = new ConcurrentHashMap<>();

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
