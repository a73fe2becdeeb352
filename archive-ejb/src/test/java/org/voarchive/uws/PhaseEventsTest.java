package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notifications wake a WAIT: news to the waiter, not the phase it already read. */
class PhaseEventsTest {

    @Test
    void aNotificationOfAnotherPhaseWakesTheWaiter() {
        PhaseEvents.Wait wait = new PhaseEvents.Wait();
        wait.saw(ExecutionPhase.EXECUTING);
        wait.heard(Optional.of(ExecutionPhase.COMPLETED));
        assertTrue(wait.change().isDone());
    }

    @Test
    void aLateNotificationOfThePhaseItReadDoesNot() {
        // QUEUED -> EXECUTING committed before the waiter's read, heard after it: nothing new
        PhaseEvents.Wait wait = new PhaseEvents.Wait();
        wait.saw(ExecutionPhase.EXECUTING);
        wait.heard(Optional.of(ExecutionPhase.EXECUTING));
        assertFalse(wait.change().isDone());
        wait.heard(Optional.of(ExecutionPhase.ABORTED));
        assertTrue(wait.change().isDone());
    }

    @Test
    void whatIsHeardBetweenRegisteringAndReadingCountsOnceTheReadIsKnown() {
        PhaseEvents.Wait stale = new PhaseEvents.Wait();
        stale.heard(Optional.of(ExecutionPhase.EXECUTING));
        assertFalse(stale.change().isDone(), "not before the waiter says what it read");
        stale.saw(ExecutionPhase.EXECUTING);
        assertFalse(stale.change().isDone(), "the read already showed that change");

        PhaseEvents.Wait news = new PhaseEvents.Wait();
        news.heard(Optional.of(ExecutionPhase.COMPLETED));
        news.saw(ExecutionPhase.EXECUTING); // read before the commit that the notification tells of
        assertTrue(news.change().isDone());
    }

    @Test
    void aDestroyedJobOrAnUnknownChangeAlwaysWakes() {
        PhaseEvents.Wait wait = new PhaseEvents.Wait();
        wait.saw(ExecutionPhase.PENDING);
        wait.heard(Optional.empty());
        assertTrue(wait.change().isDone());
    }
}
