package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    private static List<String> drain(JobScheduler s, String queue, boolean finishEach) throws InterruptedException {
        List<String> order = new ArrayList<>();
        for (Optional<String> next; (next = s.take(queue, 0, TimeUnit.MILLISECONDS)).isPresent(); ) {
            order.add(next.get());
            if (finishEach) {
                s.done(next.get());
            }
        }
        return order;
    }

    @Test
    void ownersTakeTurnsAndEachOwnersJobsKeepTheirOrder() throws Exception {
        JobScheduler s = new JobScheduler(10);
        for (int i = 1; i <= 4; i++) {
            s.offer("short", "alice", "a" + i);
        }
        s.offer("short", "bob", "b1");
        s.offer("short", null, "n1");
        s.offer("short", "bob", "b2");
        assertEquals(List.of("a1", "b1", "n1", "a2", "b2", "a3", "a4"), drain(s, "short", true));
    }

    @Test
    void anOwnerNeverExecutesMoreThanTheLimitAcrossQueues() throws Exception {
        JobScheduler s = new JobScheduler(2);
        s.offer("short", "alice", "a1");
        s.offer("long", "alice", "a2");
        s.offer("short", "alice", "a3");
        s.offer("short", "bob", "b1");
        assertEquals(Optional.of("a1"), s.take("short", 0, TimeUnit.MILLISECONDS));
        assertEquals(List.of("a2"), drain(s, "long", false));
        assertEquals(List.of("b1"), drain(s, "short", false), "alice has two executing: a3 waits, bob's job goes by");
        s.done("a1");
        assertEquals(List.of("a3"), drain(s, "short", false));
    }

    @Test
    void removedJobsNeverStartAndOffersAreIdempotent() throws Exception {
        JobScheduler s = new JobScheduler(4);
        s.offer("short", "alice", "a1");
        s.offer("short", "alice", "a1");
        s.offer("short", "alice", "a2");
        assertTrue(s.remove("a1"));
        assertEquals(1, s.waitingCount());
        assertEquals(List.of("a2"), drain(s, "short", true));
    }

    @Test
    void aWaitingWorkerWakesForANewJobAndForClose() throws Exception {
        JobScheduler s = new JobScheduler(4);
        List<Optional<String>> got = new ArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                got.add(s.take("short", 10, TimeUnit.SECONDS));
                got.add(s.take("short", 10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        Thread.sleep(100);
        s.offer("short", "alice", "a1");
        Thread.sleep(100);
        s.close();
        worker.join(5000);
        assertEquals(List.of(Optional.of("a1"), Optional.empty()), got);
    }
}
