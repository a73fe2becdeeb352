package org.voarchive.uws;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The UWS control parameters a creating POST may carry besides the job's own
 * parameters: EXECUTIONDURATION, DESTRUCTION and PHASE=RUN. Applied in the
 * creating transaction, so a job submitted to run is stored QUEUED at once.
 */
public record JobControl(OptionalLong executionDuration, Optional<Instant> destruction, boolean run) {

    public static final JobControl NONE = new JobControl(OptionalLong.empty(), Optional.empty(), false);
}
