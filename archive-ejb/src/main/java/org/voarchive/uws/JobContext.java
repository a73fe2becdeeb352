package org.voarchive.uws;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.voarchive.database.Cancellation;

/**
 * What an executing job may use: its directory (inline uploads, result
 * files), the time left, the cancellation that ABORT and the time limit
 * trigger, and result streams that stop at the owner's storage quota, which
 * the tables the executor keeps for the job share ({@link #tableFits}).
 */
public final class JobContext {

    private final JobFiles files;
    private final String jobId;
    /** The attempt to execute the job this context serves: its files go to that attempt's directory. */
    private final int attempt;
    /** The node executing the attempt (cluster.NodeLeases#nodeId). */
    private final String node;
    private final Instant deadline;
    private final Cancellation cancellation;
    private final long quotaLeft;
    private final long quota;
    private final Consumer<String> progressSink;
    private long lastProgress;
    /** The last word of progress, recorded with the job's final phase ({@link #recordWithOutcome}). */
    private String finalProgress;
    /** The bytes of the tables kept for the job, recorded with its final phase. */
    private long tableBytes;
    /** Of {@link #quotaLeft}: what the results written and the tables kept so far take. */
    private long used;

    JobContext(JobFiles files, String jobId, int attempt, Instant deadline, Cancellation cancellation, long quotaLeft,
               long quota) {
        this(files, jobId, attempt, "test/0", deadline, cancellation, quotaLeft, quota, text -> { });
    }

    /**
     * @param progressSink records the job's progress while it executes (the last word is recorded with the
     *                     outcome instead)
     */
    JobContext(JobFiles files, String jobId, int attempt, String node, Instant deadline, Cancellation cancellation,
               long quotaLeft, long quota, Consumer<String> progressSink) {
        this.node = node;
        this.progressSink = progressSink;
        this.files = files;
        this.jobId = jobId;
        this.attempt = attempt;
        this.deadline = deadline;
        this.cancellation = cancellation;
        this.quotaLeft = quotaLeft;
        this.quota = quota;
    }

    /**
     * What an earlier attempt of this job recorded as its effect ({@link #recordEffect}): present when that attempt
     * committed its work and its node died before the job's outcome was recorded. The executor then completes with
     * it instead of doing the work again. Only an attempt after the first can find one.
     */
    public Optional<String> recordedEffect(Connection c) throws SQLException {
        if (attempt <= 1) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT result FROM archive.uws_job_effects WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString("result")) : Optional.empty();
            }
        }
    }

    /**
     * Records the work's effect in the transaction of the work, just before its commit, so that the two commit
     * together or not at all: a later attempt of the job (its node died before the outcome was recorded) finds it
     * instead of doing the work twice. Only while the job is still this attempt's (EXECUTING on this node, this
     * attempt): the job's row is locked until the commit, so an ABORT or a take-over comes before or after, never
     * in between.
     *
     * @throws SQLException when the job is no longer this attempt's (aborted, destroyed, taken over): the caller
     *                      rolls its work back
     */
    public void recordEffect(Connection c, String result) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.uws_job_effects (job_id, attempt, result)
                SELECT job_id, attempt, ? FROM archive.uws_job
                 WHERE job_id = ? AND phase = 'EXECUTING' AND executed_by = ? AND attempt = ? FOR NO KEY UPDATE""")) {
            s.setString(1, result);
            s.setString(2, jobId);
            s.setString(3, node);
            s.setInt(4, attempt);
            if (s.executeUpdate() == 0) {
                throw new SQLException("job " + jobId + " is no longer executing as attempt " + attempt + " on " + node
                    + " (aborted, destroyed or run again elsewhere): its work is rolled back");
            }
        }
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** Whole seconds until the execution duration runs out, at least 1. */
    public int remainingSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.between(Instant.now(), deadline).toSeconds()));
    }

    /** An inline upload stored with the job when it was created. */
    public Optional<InputStream> upload(String part) throws IOException {
        Optional<Path> file = files.upload(jobId, part);
        return file.isPresent() ? Optional.of(Files.newInputStream(file.get())) : Optional.empty();
    }

    /** The file of an inline upload stored with the job, for readers that need a file (or to read it twice). */
    public Optional<Path> uploadFile(String part) {
        return files.upload(jobId, part);
    }

    /**
     * Records what the job has done so far (at most once a second). The last word is always kept: it is written
     * with the job's final phase, in the same transaction, rather than in one of its own a moment before.
     */
    public void progress(String text, boolean last) {
        if (last) {
            finalProgress = text;
            return;
        }
        long now = System.nanoTime();
        if (now - lastProgress > 1_000_000_000L) {
            lastProgress = now;
            progressSink.accept(text);
        }
    }

    /** Whether a table of this many bytes fits in what the owner's quota leaves after the results written so far. */
    public boolean tableFits(long bytes) {
        return used + bytes <= quotaLeft;
    }

    /**
     * Counts the bytes of a table the executor keeps for the job. They are recorded with the job's final phase
     * ({@link #recordWithOutcome}) and count in the owner's quota from then on: in the moment between, the owner's
     * other jobs starting may not see them, which a quota checked at each start can bear.
     */
    public void tableKept(long bytes) {
        used += bytes;
        tableBytes += bytes;
    }

    /**
     * Writes on the job, as its outcome is recorded, the last word of progress and, if it completed, the bytes
     * of the tables kept for it (a job that did not complete has its tables discarded).
     */
    void recordWithOutcome(Job job) {
        if (finalProgress != null) {
            job.setProgress(finalProgress);
        }
        if (job.phase() == ExecutionPhase.COMPLETED) {
            job.setTableBytes(tableBytes);
        }
    }

    /**
     * A file of the job's own beside its results that is none of them (what the executor keeps for the job, such as
     * the rows of a table it makes later): written without the quota's stream, so the executor counts its bytes
     * itself ({@link #tableFits}, {@link #tableKept}); it goes with the job's results.
     */
    public Path file(String fileName) throws IOException {
        return files.createResult(jobId, attempt, fileName);
    }

    /** Opens a result file for writing; writing past the owner's quota fails with {@link QuotaExceeded}. */
    public QuotaStream createResult(String fileName) throws IOException {
        return new QuotaStream(Files.newOutputStream(files.createResult(jobId, attempt, fileName)));
    }

    /** The storage quota on results was reached while writing. */
    public static final class QuotaExceeded extends IOException {
        QuotaExceeded(String message) {
            super(message);
        }
    }

    /** Counts the bytes written and refuses those beyond the quota. */
    public final class QuotaStream extends FilterOutputStream {

        private long written;

        QuotaStream(OutputStream out) {
            super(out);
        }

        public long written() {
            return written;
        }

        @Override
        public void write(int b) throws IOException {
            reserve(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            reserve(len);
            out.write(b, off, len);
        }

        private void reserve(long n) throws QuotaExceeded {
            if (used + n > quotaLeft) {
                throw new QuotaExceeded("the result would exceed the storage quota of " + quota
                    + " bytes for your jobs' stored uploads and results; delete jobs you no longer need, or ask for fewer rows");
            }
            used += n;
            written += n;
        }
    }
}
