package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLifetimeTest {

    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final JobLifetime LIFETIME = new JobLifetime(Duration.ofDays(7), Duration.ofHours(24));

    private static Job pending() {
        return new Job("j", "tap", null, "short", CREATED, 600, CREATED.plus(Duration.ofDays(7)), List.of());
    }

    @Test
    void aPendingJobShowsItsShorterDestructionAndGetsWhatItAskedForWhenItRuns() {
        Job job = pending();
        LIFETIME.request(job, null);
        assertEquals(CREATED.plus(Duration.ofHours(24)), job.destruction(), "the time the server will destroy it");
        LIFETIME.request(job, CREATED.plus(Duration.ofDays(3)));
        assertEquals(CREATED.plus(Duration.ofHours(24)), job.destruction());
        job.moveTo(ExecutionPhase.QUEUED, CREATED.plusSeconds(60));
        LIFETIME.started(job);
        assertEquals(CREATED.plus(Duration.ofDays(3)), job.destruction());
        assertNull(job.requestedDestruction());
    }

    @Test
    void anEarlierRequestIsKeptAndNothingOutlivesTheRetention() {
        Job job = pending();
        LIFETIME.request(job, CREATED.plus(Duration.ofHours(2)));
        assertEquals(CREATED.plus(Duration.ofHours(2)), job.destruction());
        assertNull(job.requestedDestruction());
        job.moveTo(ExecutionPhase.QUEUED, CREATED.plusSeconds(60));
        LIFETIME.started(job);
        assertEquals(CREATED.plus(Duration.ofHours(2)), job.destruction());
        LIFETIME.request(job, CREATED.plus(Duration.ofDays(365)));
        assertEquals(CREATED.plus(Duration.ofDays(7)), job.destruction(), "a queued job: up to the retention");
    }

    @Test
    void refreshCutsAJobStoredBeforeTheRuleAndKeepsItsRequest() {
        Job job = pending(); // as an older release stored it: seven days although PENDING
        LIFETIME.refresh(job);
        assertEquals(CREATED.plus(Duration.ofHours(24)), job.destruction());
        assertEquals(CREATED.plus(Duration.ofDays(7)), job.requestedDestruction());
        new JobLifetime(Duration.ofDays(7), Duration.ofHours(48)).refresh(job);
        assertEquals(CREATED.plus(Duration.ofHours(48)), job.destruction(), "a longer setting gives time back");
    }
}
