package org.voarchive.uws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a queue's dispatcher waits on between claims: a signal says "claiming may find something now" (a job of
 * this node ended and freed a worker; a notification told of a job queued, of one to run again, of a slot freed
 * anywhere). A signal given while the dispatcher is busy claiming is kept, so none is lost between an empty claim
 * and the wait that follows it.
 */
final class JobSignals {

    private static final class Signal {
        final ReentrantLock lock = new ReentrantLock();
        final Condition given = lock.newCondition();
        boolean pending;
    }

    private final Map<String, Signal> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Signal of(String queue) {
        return queues.computeIfAbsent(queue, q -> new Signal());
    }

    void signal(String queue) {
        Signal s = of(queue);
        s.lock.lock();
        try {
            s.pending = true;
            s.given.signalAll();
        } finally {
            s.lock.unlock();
        }
    }

    void signalAll() {
        queues.keySet().forEach(this::signal);
    }

    /**
     * Waits for a signal of the queue (or returns at once if one came since the last wait), at most the timeout.
     *
     * @return whether it was signalled (false: the timeout passed, or the signals were closed)
     */
    boolean await(String queue, Duration timeout) throws InterruptedException {
        Signal s = of(queue);
        long nanos = timeout.toNanos();
        s.lock.lock();
        try {
            while (!s.pending && !closed && nanos > 0) {
                nanos = s.given.awaitNanos(nanos);
            }
            boolean signalled = s.pending;
            s.pending = false;
            return signalled;
        } finally {
            s.lock.unlock();
        }
    }

    /** Wakes every waiter for good: the node stops. */
    void close() {
        closed = true;
        signalAll();
    }

    boolean closed() {
        return closed;
    }

    /** Registers the queue, so that {@link #signalAll} reaches it before its first wait. */
    void add(String queue) {
        of(queue);
    }
}
