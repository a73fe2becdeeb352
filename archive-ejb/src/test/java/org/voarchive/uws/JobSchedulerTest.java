package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    private static final JobOwner ANONYMOUS = JobOwner.of(null, "192.0.2.1");

    private static JobOwner user(String name) {
        return JobOwner.of(name, "192.0.2.9");
    }

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
        JobScheduler s = new JobScheduler(10, 100);
        for (int i = 1; i <= 4; i++) {
            s.offer("short", user("alice"), "a" + i);
        }
        s.offer("short", user("bob"), "b1");
        s.offer("short", ANONYMOUS, "n1");
        s.offer("short", user("bob"), "b2");
        assertEquals(List.of("a1", "b1", "n1", "a2", "b2", "a3", "a4"), drain(s, "short", true));
    }

    @Test
    void anOwnerNeverExecutesMoreThanTheLimitAcrossQueues() throws Exception {
        JobScheduler s = new JobScheduler(2, 100);
        s.offer("short", user("alice"), "a1");
        s.offer("long", user("alice"), "a2");
        s.offer("short", user("alice"), "a3");
        s.offer("short", user("bob"), "b1");
        assertEquals(Optional.of("a1"), s.take("short", 0, TimeUnit.MILLISECONDS));
        assertEquals(List.of("a2"), drain(s, "long", false));
        assertEquals(List.of("b1"), drain(s, "short", false), "alice has two executing: a3 waits, bob's job goes by");
        s.done("a1");
        assertEquals(List.of("a3"), drain(s, "short", false));
    }

    @Test
    void removedJobsNeverStartAndOffersAreIdempotent() throws Exception {
        JobScheduler s = new JobScheduler(4, 100);
        s.offer("short", user("alice"), "a1");
        s.offer("short", user("alice"), "a1");
        s.offer("short", user("alice"), "a2");
        assertTrue(s.remove("a1"));
        assertEquals(1, s.waitingCount());
        assertEquals(List.of("a2"), drain(s, "short", true));
    }

    @Test
    void aWaitingWorkerWakesForANewJobAndForClose() throws Exception {
        JobScheduler s = new JobScheduler(4, 100);
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
        s.offer("short", user("alice"), "a1");
        Thread.sleep(100);
        s.close();
        worker.join(5000);
        assertEquals(List.of(Optional.of("a1"), Optional.empty()), got);
    }

    @Test
    void anonymousNetworksTakeTurnsEachWithItsOwnLimit() throws Exception {
        JobScheduler s = new JobScheduler(2, 100);
        JobOwner greedy = JobOwner.of(null, "192.0.2.1");
        JobOwner other = JobOwner.of(null, "192.0.2.2");
        for (int i = 1; i <= 5; i++) {
            s.offer("short", greedy, "g" + i);
        }
        s.offer("short", other, "o1");
        assertEquals(List.of("g1", "o1", "g2"), drain(s, "short", false),
            "the greedy network has two executing and waits; the other network's job went by");
    }

    @Test
    void anonymousJobsTogetherStayWithinTheirLimitAndUsersGoBy() throws Exception {
        JobScheduler s = new JobScheduler(2, 3);
        for (int n = 1; n <= 4; n++) {
            s.offer("short", JobOwner.of(null, "192.0.2." + n), "n" + n);
        }
        s.offer("short", user("alice"), "a1");
        assertEquals(List.of("n1", "n2", "n3", "a1"), drain(s, "short", false),
            "three anonymous jobs at once at most; alice's job starts anyway");
        s.done("n2");
        assertEquals(List.of("n4"), drain(s, "short", false));
    }
}
