package org.voarchive.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The due-time rule of the tasks run once per cluster: every node's timer ticks every interval at its own phase
 * (and may fire a few ms early); a tick runs the task if it is due ({@code next_due <= now}, the claim's
 * condition); a run makes it due again at {@link MaintenanceTasks#nextDue}.
 */
class MaintenanceTasksTest {

    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void aTaskIsDueAgainAfterNineTenthsOfItsInterval() {
        assertEquals(T0.plusMillis(1800), MaintenanceTasks.nextDue(T0, 2));
        assertEquals(T0.plusSeconds(3240), MaintenanceTasks.nextDue(T0, 3600));
        assertEquals(T0.plusSeconds(77_760), MaintenanceTasks.nextDue(T0, 86_400));
    }

    @Test
    void nodesTickingAtAnyPhaseRunATaskOncePerIntervalNeverCloserThanNineTenths() {
        Random random = new Random(23);
        long interval = 2;
        long intervalMillis = interval * 1000;
        for (int nodes = 1; nodes <= 4; nodes++) {
            for (int round = 0; round < 200; round++) {
                List<Instant> runs = simulate(random, nodes, interval, Duration.ofSeconds(600), 20);
                for (int i = 1; i < runs.size(); i++) {
                    long gap = Duration.between(runs.get(i - 1), runs.get(i)).toMillis();
                    assertTrue(gap >= intervalMillis * 9 / 10, nodes + " nodes: runs " + gap + " ms apart");
                    // at most an interval (the node that ran ticks again then), give or take an early firing
                    assertTrue(gap <= intervalMillis + 20, nodes + " nodes: a round skipped, " + gap + " ms apart");
                }
                // ClusterTasksIT's bound: in 20 s of a 2 s task, at most 20/2 + 1 runs
                for (Instant from : runs) {
                    Instant to = from.plusSeconds(20);
                    long inWindow = runs.stream().filter(r -> !r.isBefore(from) && r.isBefore(to)).count();
                    assertTrue(inWindow <= 11, inWindow + " runs in 20 s with " + nodes + " nodes");
                }
            }
        }
    }

    @Test
    void withAWholeIntervalInsteadTicksFiringEarlyWouldSkipRounds() {
        // why 0.9: one node whose timer fires 1 ms early every time; due after a whole interval, every other tick
        // would find the task not yet due
        Instant due = Instant.MIN;
        int ran = 0;
        for (int tick = 1; tick <= 10; tick++) {
            Instant now = T0.plusMillis(tick * 2000L - (tick % 2));
            if (!now.isBefore(due)) {
                ran++;
                due = now.plusSeconds(2);
            }
        }
        assertTrue(ran < 10, "the mistake this rule avoids: " + ran);
        due = Instant.MIN;
        ran = 0;
        for (int tick = 1; tick <= 10; tick++) {
            Instant now = T0.plusMillis(tick * 2000L - (tick % 2));
            if (!now.isBefore(due)) {
                ran++;
                due = MaintenanceTasks.nextDue(now, 2);
            }
        }
        assertEquals(10, ran);
    }

    /** The start times of the runs when {@code nodes} timers tick at random phases, each firing up to 20 ms early. */
    private static List<Instant> simulate(Random random, int nodes, long interval, Duration length, int earlyMillis) {
        long intervalMillis = interval * 1000;
        long[] phase = new long[nodes];
        for (int n = 0; n < nodes; n++) {
            phase[n] = random.nextInt((int) intervalMillis);
        }
        List<long[]> ticks = new ArrayList<>(); // {time, node}
        for (int n = 0; n < nodes; n++) {
            for (long t = phase[n]; t < length.toMillis(); t += intervalMillis) {
                ticks.add(new long[] {t - random.nextInt(earlyMillis + 1), n});
            }
        }
        ticks.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Instant> runs = new ArrayList<>();
        Instant due = Instant.MIN; // '-infinity'
        for (long[] tick : ticks) {
            Instant now = T0.plusMillis(tick[0]);
            if (!now.isBefore(due)) { // next_due <= clock_timestamp()
                runs.add(now);
                due = MaintenanceTasks.nextDue(now, interval);
            }
        }
        return runs;
    }
}
