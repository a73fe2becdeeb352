package org.voarchive.uws;

import java.util.EnumSet;
import java.util.Set;

/** The UWS 1.1 execution phases (section 2.1.3), spelt as the standard spells them. */
public enum ExecutionPhase {
    PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, UNKNOWN, HELD, SUSPENDED, ARCHIVED;

    /** Phases a job may still leave by itself or by PHASE=RUN: WAIT blocks only in these. */
    public static final Set<ExecutionPhase> ACTIVE = EnumSet.of(PENDING, QUEUED, EXECUTING);

    /** Phases ABORT may end. */
    public static final Set<ExecutionPhase> ABORTABLE = EnumSet.of(PENDING, QUEUED, EXECUTING, HELD, SUSPENDED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
