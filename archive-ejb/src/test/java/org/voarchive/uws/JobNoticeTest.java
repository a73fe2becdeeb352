package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobNoticeTest {

    @Test
    void aPhaseChangeIsWrittenAndReadBack() {
        JobNotice sent = new JobNotice("3f2a9c00d1e4b5a6c7d8e9f0", ExecutionPhase.COMPLETED, "short");
        assertEquals("3f2a9c00d1e4b5a6c7d8e9f0 COMPLETED short", sent.payload());
        JobNotice heard = JobNotice.parse(sent.payload()).orElseThrow();
        assertEquals(sent, heard);
        assertEquals(Optional.of(ExecutionPhase.COMPLETED), heard.phase());
        assertFalse(heard.isGone());
    }

    @Test
    void everyPhaseSurvivesTheRoundTrip() {
        for (ExecutionPhase phase : ExecutionPhase.values()) {
            JobNotice sent = new JobNotice("abc", phase, "long");
            assertEquals(Optional.of(sent), JobNotice.parse(sent.payload()), phase.name());
        }
    }

    @Test
    void aDestroyedJobIsGone() {
        JobNotice gone = JobNotice.gone("abc", "long");
        assertEquals("abc GONE long", gone.payload());
        JobNotice heard = JobNotice.parse("abc GONE long").orElseThrow();
        assertTrue(heard.isGone());
        assertEquals(Optional.empty(), heard.phase());
        assertEquals("long", heard.queue());
        assertEquals("abc", heard.jobId());
    }

    @Test
    void whatIsNotANoticeIsIgnored() {
        for (String payload : new String[] {null, "", "abc", "abc COMPLETED", "abc COMPLETED short extra",
            "abc completed short", "abc FINISHED short", " COMPLETED short", "abc COMPLETED ", "abc  COMPLETED short"}) {
            assertEquals(Optional.empty(), JobNotice.parse(payload), "'" + payload + "'");
        }
    }

    @Test
    void aSpaceInAnIdOrQueueCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> new JobNotice("a b", ExecutionPhase.QUEUED, "short"));
        assertThrows(IllegalArgumentException.class, () -> JobNotice.gone("abc", "very long"));
        assertThrows(IllegalArgumentException.class, () -> JobNotice.gone("", "short"));
    }
}
