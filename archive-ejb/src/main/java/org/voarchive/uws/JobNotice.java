package org.voarchive.uws;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a node tells the others about a job on the {@code archive_job} notification channel
 * ({@link org.voarchive.cluster.Notifications#JOB_CHANNEL}): its new phase, or that it is gone, and its queue
 * (a dispatcher needs the queue, a waiter the job). The payload is {@code "<jobId> <PHASE|GONE> <queue>"}: job ids
 * are hexadecimal and queue names are configuration keys ({@code archive.uws.queue.NAME}), neither has a space.
 *
 * @param phase empty when the job is gone (destroyed)
 */
public record JobNotice(String jobId, Optional<ExecutionPhase> phase, String queue) {

    private static final Logger LOG = Logger.getLogger(JobNotice.class.getName());
    private static final String GONE = "GONE";

    public JobNotice {
        if (jobId.isEmpty() || jobId.contains(" ") || queue.isEmpty() || queue.contains(" ")) {
            throw new IllegalArgumentException("a job id and a queue name without spaces: '" + jobId + "', '" + queue + "'");
        }
    }

    public JobNotice(String jobId, ExecutionPhase phase, String queue) {
        this(jobId, Optional.of(phase), queue);
    }

    /** The job was destroyed. */
    public static JobNotice gone(String jobId, String queue) {
        return new JobNotice(jobId, Optional.empty(), queue);
    }

    /** The notification's payload: {@code pg_notify}'s second argument. */
    public String payload() {
        return jobId + " " + phase.map(Enum::name).orElse(GONE) + " " + queue;
    }

    /**
     * Reads a payload. Empty, with a warning, for one this version does not understand (a node of another version
     * sending to the same channel): its waiters then answer at their timeout, nothing breaks.
     */
    public static Optional<JobNotice> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", -1);
        if (parts.length == 3 && !parts[0].isEmpty() && !parts[2].isEmpty()) {
            if (GONE.equals(parts[1])) {
                return Optional.of(gone(parts[0], parts[2]));
            }
            try {
                return Optional.of(new JobNotice(parts[0], ExecutionPhase.valueOf(parts[1]), parts[2]));
            } catch (IllegalArgumentException e) {
                // not a phase: reported below
            }
        }
        LOG.warning(() -> "ignored a job notification that is not '<job> <PHASE|GONE> <queue>': '" + payload + "'");
        return Optional.empty();
    }

    public boolean isGone() {
        return phase.isEmpty();
    }
}
