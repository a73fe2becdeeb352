package org.voarchive.uws;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a job's phase history, kept for operators (the UWS document shows only the current phase). */
@Embeddable
public class PhaseChange {

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", nullable = false)
    private ExecutionPhase phase;

    @Column(name = "at", nullable = false)
    private Instant at;

    protected PhaseChange() {
        // for JPA
    }

    public PhaseChange(ExecutionPhase phase, Instant at) {
        this.phase = phase;
        this.at = at;
    }

    public ExecutionPhase phase() {
        return phase;
    }

    public Instant at() {
        return at;
    }
}
