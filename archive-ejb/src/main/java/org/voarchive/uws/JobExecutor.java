package org.voarchive.uws;

import java.util.List;

/**
 * What a service's jobs do (TAP: run the query). The job manager calls it on
 * a queue worker with the job in EXECUTING; it reads the job's parameters
 * (checking them is its business: UWS accepts any at creation) and writes its
 * results through the context, which enforces the quota and carries the
 * cancellation used by ABORT and the execution-duration limit.
 *
 * <p>An execution may be run again after its node died (a new attempt on another node, or on the same node after
 * its restart): it must be read-only, or write in one transaction that ends with
 * {@link JobContext#recordEffect} (committed with the work, and only while the job is still the attempt's), and
 * begin with {@link JobContext#recordedEffect}: a new attempt whose predecessor committed then completes with the
 * recorded result instead of doing the work twice. What an earlier attempt kept is {@link #discard}ed before the
 * job runs again.
 */
public interface JobExecutor {

    /** The job list it serves, as stored in {@link Job#jobList()}. */
    String jobList();

    /** @return the results written, in the order the job document lists them */
    List<JobResult> execute(Job job, JobContext context) throws JobFailure;

    /**
     * Removes what the executor keeps for a job besides its files (TAP: the result kept as a table): called when
     * the job is destroyed, and when an execution ends without the job completing. It must not throw: what it
     * cannot remove now is its own clean-up's to find later. Nothing by default.
     */
    default void discard(String jobId) {
    }
}
