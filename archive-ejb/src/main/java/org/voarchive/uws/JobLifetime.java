package org.voarchive.uws;

import java.time.Duration;
import java.time.Instant;

/**
 * When a job is destroyed; its destruction time is what UWS 1.1 says it is, the time the server will destroy
 * it. That is what the client asked for, no later than the queue's retention after creation, and, while the
 * job is PENDING, no later than the pending lifetime after creation: a job nobody runs holds its uploads and
 * its owner's pending slot for hours, not for the retention. What the client asked for is kept while it is
 * cut short and given back when the job leaves PENDING.
 */
record JobLifetime(Duration retention, Duration pending) {

    /** Sets the destruction time for a request; null asks for the longest allowed. */
    void request(Job job, Instant requested) {
        Instant latest = job.creationTime().plus(retention);
        Instant wanted = requested == null || requested.isAfter(latest) ? latest : requested;
        Instant cut = job.creationTime().plus(pending);
        boolean shortened = job.phase() == ExecutionPhase.PENDING && wanted.isAfter(cut);
        job.setRequestedDestruction(shortened ? wanted : null);
        job.setDestruction(shortened ? cut : wanted);
    }

    /** Applies the rules again (after the settings changed, or to a job stored before they existed). */
    void refresh(Job job) {
        request(job, job.requestedDestruction() != null ? job.requestedDestruction() : job.destruction());
    }

    /** The job has left PENDING: it gets back the destruction time it asked for. */
    void started(Job job) {
        if (job.requestedDestruction() != null) {
            job.setDestruction(job.requestedDestruction());
            job.setRequestedDestruction(null);
        }
    }
}
