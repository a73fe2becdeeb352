package org.voarchive.uws;

import java.time.Instant;

/**
 * A job as the job list shows it (UWS 1.1 ShortJobDescription): read without the job's parameters, results and
 * phase history, which a list of a thousand jobs would otherwise load job by job.
 */
public record ListedJob(String id, ExecutionPhase phase, String runId, String ownerId, Instant creationTime) {

    /** The listed part of a job that is already loaded. */
    public static ListedJob of(Job job) {
        return new ListedJob(job.id(), job.phase(), job.runId(), job.ownerId(), job.creationTime());
    }
}
