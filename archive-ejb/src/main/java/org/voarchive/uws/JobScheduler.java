package org.voarchive.uws;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The order in which queued jobs start. Within a queue, owners take turns
 * (round robin) and each owner's jobs start in submission order, so one user's
 * hundred jobs do not hold back another user's one. An owner never has more
 * than {@code maxExecutingPerOwner} jobs executing at once, across all queues.
 * Owners are {@link JobOwner}s: each anonymous network takes its own turn and
 * has its own limit, and all anonymous jobs together never execute more than
 * {@code maxExecutingAnonymous} at once, so that many networks cannot take
 * every slot from the authenticated users.
 */
final class JobScheduler {

    private record Entry(String queue, JobOwner owner) {
    }

    private final int maxExecutingPerOwner;
    private final int maxExecutingAnonymous;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** queue -> owner -> job ids; the owners' map order is their turn order. */
    private final Map<String, LinkedHashMap<JobOwner, ArrayDeque<String>>> queues = new HashMap<>();
    private final Map<String, Entry> waiting = new HashMap<>();
    private final Map<JobOwner, Integer> executing = new HashMap<>();
    private int executingAnonymous;
    /** job id -> owner of the jobs taken and not yet done. */
    private final Map<String, JobOwner> taken = new HashMap<>();
    private boolean closed;

    JobScheduler(int maxExecutingPerOwner, int maxExecutingAnonymous) {
        this.maxExecutingPerOwner = maxExecutingPerOwner;
        this.maxExecutingAnonymous = maxExecutingAnonymous;
    }

    void offer(String queue, JobOwner owner, String jobId) {
        lock.lock();
        try {
            if (waiting.putIfAbsent(jobId, new Entry(queue, owner)) == null) {
                queues.computeIfAbsent(queue, q -> new LinkedHashMap<>())
                    .computeIfAbsent(owner, o -> new ArrayDeque<>()).add(jobId);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes a job out of its queue before it started (ABORT, deletion). */
    boolean remove(String jobId) {
        lock.lock();
        try {
            Entry entry = waiting.remove(jobId);
            if (entry == null) {
                return false;
            }
            LinkedHashMap<JobOwner, ArrayDeque<String>> owners = queues.get(entry.queue());
            ArrayDeque<String> jobs = owners.get(entry.owner());
            jobs.remove(jobId);
            if (jobs.isEmpty()) {
                owners.remove(entry.owner());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next job of the queue whose owner may start another one, and counts it as executing.
     *
     * @return the job id, or empty when the timeout passed or the scheduler closed
     */
    Optional<String> take(String queue, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!closed) {
                Optional<String> next = next(queue);
                if (next.isPresent()) {
                    return next;
                }
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = changed.awaitNanos(nanos);
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    private Optional<String> next(String queue) {
        LinkedHashMap<JobOwner, ArrayDeque<String>> owners = queues.get(queue);
        if (owners == null) {
            return Optional.empty();
        }
        Iterator<Map.Entry<JobOwner, ArrayDeque<String>>> turn = owners.entrySet().iterator();
        while (turn.hasNext()) {
            Map.Entry<JobOwner, ArrayDeque<String>> e = turn.next();
            JobOwner owner = e.getKey();
            if (executing.getOrDefault(owner, 0) >= maxExecutingPerOwner
                    || owner.anonymous() && executingAnonymous >= maxExecutingAnonymous) {
                continue;
            }
            String jobId = e.getValue().poll();
            turn.remove(); // to the back of the turn order, if it has more
            if (!e.getValue().isEmpty()) {
                owners.put(owner, e.getValue());
            }
            waiting.remove(jobId);
            taken.put(jobId, owner);
            executing.merge(owner, 1, Integer::sum);
            if (owner.anonymous()) {
                executingAnonymous++;
            }
            return Optional.of(jobId);
        }
        return Optional.empty();
    }

    /** A job taken by {@link #take} has ended: its owner may start another. */
    void done(String jobId) {
        lock.lock();
        try {
            JobOwner owner = taken.remove(jobId);
            if (owner == null) {
                return;
            }
            executing.computeIfPresent(owner, (o, n) -> n <= 1 ? null : n - 1);
            if (owner.anonymous()) {
                executingAnonymous--;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
