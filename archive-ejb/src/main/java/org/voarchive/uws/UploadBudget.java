package org.voarchive.uws;

/**
 * The bytes the inline uploads of one job may still take: the service's limit on a job's uploads (all its
 * parts together, those added later included) and what is left of its owner's storage quota, whichever is
 * less. Going over either is a 413 (the request's content is larger than the archive takes) naming the
 * limit, so the client knows whether smaller uploads or deleting old jobs helps.
 */
final class UploadBudget {

    private final long jobLimit;
    private final long quota;
    private final String quotaHolder;
    private long jobBytes;
    private long quotaBytes;

    /**
     * @param jobLimit    the most bytes a job's uploads may have together
     * @param jobBytes    the bytes of the job's uploads already stored (and kept)
     * @param quota       the owner's quota on stored bytes
     * @param quotaBytes  the owner's stored bytes (uploads and results) so far
     * @param quotaHolder whose quota, in words ("your jobs", "the anonymous jobs")
     */
    UploadBudget(long jobLimit, long jobBytes, long quota, long quotaBytes, String quotaHolder) {
        this.jobLimit = jobLimit;
        this.jobBytes = jobBytes;
        this.quota = quota;
        this.quotaBytes = quotaBytes;
        this.quotaHolder = quotaHolder;
    }

    /** Counts {@code n} more bytes of {@code part}, or refuses them. */
    void take(String part, long n) throws UwsException {
        if (jobBytes + n > jobLimit) {
            throw new UwsException(413, "the uploads of a job may have " + jobLimit + " bytes together, and with "
                + part + " this job's have more");
        }
        if (quotaBytes + n > quota) {
            throw new UwsException(413, "the upload " + part + " does not fit in the storage quota of " + quota
                + " bytes for " + quotaHolder + " (stored uploads and results together); delete jobs you no longer need");
        }
        jobBytes += n;
        quotaBytes += n;
    }

    long quota() {
        return quota;
    }

    /** The owner's stored bytes, with what was taken. */
    long quotaBytes() {
        return quotaBytes;
    }

    String quotaHolder() {
        return quotaHolder;
    }

    /** The job's upload bytes after what was taken. */
    long jobBytes() {
        return jobBytes;
    }
}
