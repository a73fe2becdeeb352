package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobSignalsTest {

    @Test
    void aSignalGivenWhileNobodyWaitsIsKeptForTheNextWaitOnce() throws Exception {
        JobSignals signals = new JobSignals();
        signals.signal("short");
        long start = System.nanoTime();
        assertTrue(signals.await("short", Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "answered at once");
        assertFalse(signals.await("short", Duration.ofMillis(50)), "one signal wakes one wait");
    }

    @Test
    void aSignalWakesAWaiterOfItsQueueOnlyAndCloseWakesAll() throws Exception {
        JobSignals signals = new JobSignals();
        signals.add("short");
        signals.add("long");
        CompletableFuture<Boolean> shortWait = CompletableFuture.supplyAsync(() -> await(signals, "short"));
        CompletableFuture<Boolean> longWait = CompletableFuture.supplyAsync(() -> await(signals, "long"));
        Thread.sleep(100);
        signals.signal("short");
        assertTrue(shortWait.get(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertFalse(longWait.isDone(), "the other queue's dispatcher sleeps on");
        signals.close();
        assertFalse(longWait.get(5, TimeUnit.SECONDS), "closed: woken, without a signal");
        assertFalse(signals.await("long", Duration.ofSeconds(30)), "and no wait blocks any more");
    }

    private static boolean await(JobSignals signals, String queue) {
        try {
            return signals.await(queue, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
