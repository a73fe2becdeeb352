package org.voarchive.uws;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A UWS job as stored: everything the job document shows, plus the queue it
 * runs in and its phase history. Phase changes go through
 * {@link #moveTo(ExecutionPhase, Instant)} so that the history and the
 * start/end times cannot disagree with the phase.
 */
@Entity
@Table(name = "uws_job", schema = "archive")
@NamedQuery(name = Job.EXPIRED, query = "SELECT j.id FROM Job j WHERE j.destruction <= :now"
    + " OR (j.phase = :pending AND j.creationTime <= :pendingSince)"
    + " ORDER BY j.destruction")
@NamedQuery(name = Job.IN_PHASE, query = "SELECT j.id FROM Job j WHERE j.phase = :phase ORDER BY j.creationTime")
public class Job {

    public static final String EXPIRED = "Job.expired";
    public static final String IN_PHASE = "Job.inPhase";

    @Id
    @Column(name = "job_id")
    private String id;

    /** The service whose job list holds the job, e.g. "tap". */
    @Column(name = "job_list", nullable = false)
    private String jobList;

    @Column(name = "run_id")
    private String runId;

    /** The authenticated creator; null for anonymous jobs. */
    @Column(name = "owner_id")
    private String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", nullable = false)
    private ExecutionPhase phase = ExecutionPhase.PENDING;

    @Column(name = "queue", nullable = false)
    private String queue;

    @Column(name = "creation_time", nullable = false)
    private Instant creationTime;

    @Column(name = "start_time")
    private Instant startTime;

    @Column(name = "end_time")
    private Instant endTime;

    /** Seconds; always positive here, as every queue has a limit. */
    @Column(name = "execution_duration", nullable = false)
    private long executionDuration;

    @Column(name = "destruction", nullable = false)
    private Instant destruction;

    @Enumerated(EnumType.STRING)
    @Column(name = "error_type")
    private ErrorType errorType;

    @Column(name = "error_message")
    private String errorMessage;

    /** What the job has done so far, in words; shown in the job document's jobInfo. */
    @Column(name = "progress")
    private String progress;

    /** Bytes of result files, for the per-user quota. */
    @Column(name = "result_bytes", nullable = false)
    private long resultBytes;

    /** Bytes of the inline uploads stored with the job: they count in the quota with the results. */
    @Column(name = "upload_bytes", nullable = false)
    private long uploadBytes;

    /**
     * Bytes of database tables its executor keeps for the job (TAP: the result kept as a table, with the indexes
     * sorting builds): they count in the quota with the files, and go with the job.
     */
    @Column(name = "table_bytes", nullable = false)
    private long tableBytes;

    /**
     * The network an anonymous job came from (an IPv4 address or an IPv6 /64), which its limits count
     * against; null for an owned job, and for anonymous jobs older than this column.
     */
    @Column(name = "client_network")
    private String clientNetwork;

    /** The destruction time the client asked for, when a PENDING job's was cut short; given back when it runs. */
    @Column(name = "requested_destruction")
    private Instant requestedDestruction;

    /**
     * The node (a {@code cluster_nodes.node_id}: name and incarnation) executing the job; null while it waits, and
     * for an EXECUTING job whose node died: it is to run again on any node.
     */
    @Column(name = "executed_by")
    private String executedBy;

    /** How many times it was claimed to execute; an outcome is recorded only by the node of the latest attempt. */
    @Column(name = "attempt", nullable = false)
    private int attempt;

    /** When the latest attempt started: its execution duration counts from here ({@link #startTime} is the first). */
    @Column(name = "attempt_start")
    private Instant attemptStart;

    /** When it was last queued: an owner's jobs start in this order. */
    @Column(name = "queued_at")
    private Instant queuedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "uws_job_parameter", schema = "archive", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<JobParameter> parameters = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "uws_job_result", schema = "archive", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<JobResult> results = new ArrayList<>();

    // read by no request: loaded only when a phase change appends to it, not with every job document
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "uws_job_phase", schema = "archive", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<PhaseChange> history = new ArrayList<>();

    protected Job() {
        // for JPA
    }

    public Job(String id, String jobList, String ownerId, String queue, Instant creationTime, long executionDuration,
               Instant destruction, List<JobParameter> parameters) {
        this.id = id;
        this.jobList = jobList;
        this.ownerId = ownerId;
        this.queue = queue;
        this.creationTime = creationTime;
        this.executionDuration = executionDuration;
        this.destruction = destruction;
        this.parameters = new ArrayList<>(parameters);
        this.history.add(new PhaseChange(ExecutionPhase.PENDING, creationTime));
    }

    /** Sets the phase, records it, and stamps queued (QUEUED), start (EXECUTING) or end (any final phase) time. */
    public void moveTo(ExecutionPhase next, Instant at) {
        phase = next;
        history.add(new PhaseChange(next, at));
        if (next == ExecutionPhase.QUEUED) {
            queuedAt = at;
        } else if (next == ExecutionPhase.EXECUTING) {
            startTime = at;
        } else if (!next.isActive() && next != ExecutionPhase.HELD && next != ExecutionPhase.SUSPENDED) {
            endTime = at;
        }
    }

    /**
     * A node takes the job to execute it: a QUEUED job starts (EXECUTING, its start time stamped); a job taken
     * over from a dead node is EXECUTING already and keeps its phase and start time, as the client saw them.
     * Either way this is a new attempt, whose duration counts from now.
     */
    public void claim(String nodeId, Instant at) {
        if (phase == ExecutionPhase.QUEUED) {
            moveTo(ExecutionPhase.EXECUTING, at);
        } else if (phase != ExecutionPhase.EXECUTING || executedBy != null) {
            throw new IllegalStateException("job " + id + " is " + phase + (executedBy == null ? "" : " on "
                + executedBy) + " and cannot be claimed");
        }
        executedBy = nodeId;
        attempt++;
        attemptStart = at;
    }

    /**
     * The node of the current attempt stopped (died, or gave the job back as it shut down): the job stays
     * EXECUTING for the client and runs again, as a new attempt, on whichever node claims it next.
     */
    public void abandon(String why) {
        executedBy = null;
        progress = why;
    }

    /** Whether the attempt's node may still record anything on the job: it is EXECUTING there, in that attempt. */
    public boolean executing(String nodeId, int attempt) {
        return phase == ExecutionPhase.EXECUTING && nodeId.equals(executedBy) && this.attempt == attempt;
    }

    /** Ends the job in ERROR with the summary UWS shows at /error. */
    public void fail(ErrorType type, String message, Instant at) {
        errorType = type;
        errorMessage = message;
        moveTo(ExecutionPhase.ERROR, at);
    }

    public void addResult(JobResult result) {
        results.add(result);
        resultBytes += result.size();
    }

    public String id() {
        return id;
    }

    public String jobList() {
        return jobList;
    }

    public String runId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String ownerId() {
        return ownerId;
    }

    public ExecutionPhase phase() {
        return phase;
    }

    public String queue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public long executionDuration() {
        return executionDuration;
    }

    public void setExecutionDuration(long seconds) {
        this.executionDuration = seconds;
    }

    public String executedBy() {
        return executedBy;
    }

    public int attempt() {
        return attempt;
    }

    public Instant attemptStart() {
        return attemptStart;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant destruction() {
        return destruction;
    }

    public void setDestruction(Instant destruction) {
        this.destruction = destruction;
    }

    /** The error summary, present exactly when the job is in ERROR. */
    public Optional<ErrorType> errorType() {
        return Optional.ofNullable(errorType);
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String progress() {
        return progress;
    }

    public void setProgress(String progress) {
        this.progress = progress;
    }

    public long resultBytes() {
        return resultBytes;
    }

    public long uploadBytes() {
        return uploadBytes;
    }

    public void setUploadBytes(long uploadBytes) {
        this.uploadBytes = uploadBytes;
    }

    public long tableBytes() {
        return tableBytes;
    }

    public void setTableBytes(long tableBytes) {
        this.tableBytes = tableBytes;
    }

    public String clientNetwork() {
        return clientNetwork;
    }

    public void setClientNetwork(String clientNetwork) {
        this.clientNetwork = clientNetwork;
    }

    public Instant requestedDestruction() {
        return requestedDestruction;
    }

    public void setRequestedDestruction(Instant requestedDestruction) {
        this.requestedDestruction = requestedDestruction;
    }

    public List<JobParameter> parameters() {
        return List.copyOf(parameters);
    }

    /** The first value of a parameter, by name as DALI compares names (case-insensitive). */
    public static Optional<String> parameter(List<JobParameter> parameters, String name) {
        return parameters.stream().filter(p -> p.name().equalsIgnoreCase(name)).map(JobParameter::value).findFirst();
    }

    public Optional<String> parameter(String name) {
        return parameter(parameters, name);
    }

    /** Replaces parameters by name (case-insensitive, as DALI names are) and appends new ones. */
    public void setParameters(List<JobParameter> changed) {
        for (JobParameter p : changed) {
            parameters.removeIf(old -> old.name().equalsIgnoreCase(p.name()));
        }
        parameters.addAll(changed);
    }

    public List<JobResult> results() {
        return List.copyOf(results);
    }

    public List<PhaseChange> history() {
        return List.copyOf(history);
    }
}
