package org.voarchive.uws;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.account.StorageQuotas;
import org.voarchive.database.Cancellation;

/**
 * Runs UWS jobs: creates them, moves them through their phases, executes
 * them on per-queue worker threads in the scheduler's fair order, enforces
 * execution durations by cancelling the SQL, and destroys them with their
 * files. Jobs that were executing when the server stopped are ended in ERROR
 * at start-up (their partial results cannot be trusted); queued jobs had not
 * started and are queued again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // the job tables must exist before recovery reads them
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// each store call commits on its own; nothing here holds a transaction open across files or queries
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobManager {

    @Inject
    StorageQuotas quotas;

    private static final Logger LOG = Logger.getLogger(JobManager.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a stopping server gives executing jobs to notice their cancellation. */
    private static final long SHUTDOWN_GRACE_MILLIS = 5000;

    /** What an executing job can be stopped by. */
    private static final class Execution {
        final Cancellation cancellation = new Cancellation();
        volatile boolean overrun;
        volatile boolean shutdown;
        volatile ScheduledFuture<?> repeat;
    }

    /**
     * Cancels an execution's SQL. A cancel request that reaches PostgreSQL before the statement does is lost, so
     * it is repeated until the execution has ended.
     */
    private void stop(Execution e) {
        e.cancellation.cancel();
        synchronized (e) {
            if (e.repeat == null && !timers.isShutdown()) {
                e.repeat = timers.scheduleWithFixedDelay(e.cancellation::cancel, 200, 200, TimeUnit.MILLISECONDS);
            }
        }
    }

    @EJB
    JobStore store;

    @Inject
    UwsSettings settings;

    @Inject
    PhaseEvents events;

    @Inject
    Instance<JobExecutor> executors;

    @Resource
    ManagedThreadFactory threads;

    private JobScheduler scheduler;
    private JobFiles files;
    private ScheduledExecutorService timers;
    private final Map<String, Execution> executing = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        scheduler = new JobScheduler(settings.maxExecutingPerUser(), settings.maxExecutingAnonymous());
        files = new JobFiles(settings.resultsDir());
        timers = Executors.newSingleThreadScheduledExecutor(threads);
        recover();
        for (JobQueueSettings queue : settings.queues()) {
            for (int i = 0; i < queue.concurrency(); i++) {
                Thread worker = threads.newThread(() -> work(queue.name()));
                worker.setName("uws-" + queue.name() + "-" + i);
                worker.start();
                workers.add(worker);
            }
        }
        LOG.info(() -> "UWS job manager started: queues " + settings.queues() + ", results in " + settings.resultsDir());
    }

    private void recover() {
        for (String id : store.inPhase(ExecutionPhase.EXECUTING)) {
            store.change(id, job -> {
                job.fail(ErrorType.TRANSIENT, "the server stopped while the job was executing; run it again", Instant.now());
                return job;
            });
            store.find(id).ifPresent(this::discardResults);
            LOG.warning(() -> "job " + id + " was executing when the server stopped: set to ERROR");
        }
        for (String id : store.inPhase(ExecutionPhase.QUEUED)) {
            store.find(id).ifPresent(job -> scheduler.offer(queueOf(job).name(), JobOwner.of(job), id));
        }
        for (String id : store.inPhase(ExecutionPhase.PENDING)) {
            // the destruction a PENDING job shows follows this start's settings (and jobs stored before them)
            store.change(id, job -> {
                lifetime(job).refresh(job);
                return job;
            });
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        scheduler.close();
        executing.values().forEach(e -> {
            e.shutdown = true;
            stop(e);
        });
        long until = System.currentTimeMillis() + SHUTDOWN_GRACE_MILLIS;
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, until - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.shutdownNow();
    }

    public JobFiles files() {
        return files;
    }

    /**
     * Creates a job, PENDING, or QUEUED when the control says run. The parameters are stored as given (UWS checks
     * them when the job runs); QUEUE picks a queue, RUNID is the client's label. A job that would stay PENDING is
     * refused (403) when its owner has the most PENDING jobs allowed.
     *
     * @param uploads        inline uploads by part name, stored with the job
     * @param maxUploadBytes the most bytes of all the job's uploads together; they count in the owner's quota too
     */
    public Job create(String jobList, JobOwner owner, JobRequest control, Map<String, InputStream> uploads,
                      long maxUploadBytes) throws UwsException, IOException {
        if (control.phase().isPresent() && !control.run()) {
            throw UwsException.badRequest("PHASE=" + control.phase().get() + " cannot be given when creating a job; only RUN");
        }
        List<JobParameter> parameters = control.parameters();
        checkPartNames(uploads);
        if (!control.run()) {
            checkPending(owner);
        }
        String id = newId();
        try {
            long uploadBytes = 0;
            if (!uploads.isEmpty()) { // the quota is read only when there is something to count in it
                UploadBudget budget = uploadBudget(owner, maxUploadBytes, 0);
                for (Map.Entry<String, InputStream> upload : uploads.entrySet()) {
                    files.storeUpload(id, upload.getKey(), upload.getValue(), budget);
                }
                uploadBytes = budget.jobBytes();
            }
            JobQueueSettings queue = settings.queues().get(0);
            Instant now = Instant.now();
            Optional<String> requested = Job.parameter(parameters, "QUEUE");
            if (requested.isPresent() && settings.queue(requested.get()).isPresent()) {
                queue = settings.queue(requested.get()).get();
            }
            Job job = new Job(id, jobList, owner.user(), queue.name(), now, queue.maxExecutionSeconds(),
                now.plus(queue.retention()), parameters);
            job.setClientNetwork(owner.network());
            job.setUploadBytes(uploadBytes);
            Job.parameter(parameters, "RUNID").ifPresent(job::setRunId);
            JobQueueSettings q = queue;
            control.executionDuration().ifPresent(seconds -> job.setExecutionDuration(duration(q, seconds)));
            if (requested.isPresent() && settings.queue(requested.get()).isEmpty()) {
                // refused, but as a job: the client sees why where it looks for results
                job.fail(ErrorType.FATAL, "QUEUE=" + requested.get() + " is not a queue here; the queues are "
                    + settings.queues().stream().map(JobQueueSettings::name).toList(), now);
            } else if (control.run()) {
                queueOrRefuse(job, store.active(owner));
            }
            lifetime(job).request(job, control.destruction().orElse(null)); // after the phase: PENDING ones are cut
            Job created = store.create(job);
            if (created.phase() == ExecutionPhase.QUEUED) {
                scheduler.offer(queue.name(), owner, id);
            }
            return created;
        } catch (UwsException | IOException | RuntimeException e) {
            files.delete(id);
            throw e;
        }
    }

    /**
     * Adds inline uploads to a PENDING job (TAP 1.1: UPLOAD parameters may be posted to a job before it runs),
     * replacing parts of the same names, within the same limits as at creation.
     */
    public void addUploads(String id, Map<String, InputStream> uploads, long maxUploadBytes)
            throws UwsException, IOException {
        checkPartNames(uploads);
        Job job = store.find(id).orElseThrow(() -> UwsException.notFound(id));
        if (job.phase() != ExecutionPhase.PENDING) {
            throw new UwsException(403, "uploads can only be added while the job is PENDING, and it is " + job.phase());
        }
        Map<String, Long> replaced = new java.util.HashMap<>(); // the stored parts the new ones replace
        for (String part : uploads.keySet()) {
            replaced.put(part, files.uploadSize(id, part));
        }
        long kept = job.uploadBytes() - replaced.values().stream().mapToLong(Long::longValue).sum();
        UploadBudget budget = uploadBudget(JobOwner.of(job), maxUploadBytes, kept);
        for (Map.Entry<String, InputStream> upload : uploads.entrySet()) {
            long delta = files.storeUpload(id, upload.getKey(), upload.getValue(), budget) - replaced.get(upload.getKey());
            // each part is counted as soon as it is stored, so the quota never misses bytes on the disk
            store.change(id, j -> {
                j.setUploadBytes(Math.max(0, j.uploadBytes() + delta));
                return j;
            });
        }
    }

    private static void checkPartNames(Map<String, InputStream> uploads) throws UwsException {
        for (String part : uploads.keySet()) {
            if (!JobFiles.isSafe(part)) {
                throw UwsException.badRequest("the upload part name '" + part + "' must be letters, digits, "
                    + "'.', '_' or '-'");
            }
        }
    }

    /** Refuses another PENDING job of an owner who has the most allowed. */
    private void checkPending(JobOwner owner) throws UwsException {
        long pending = store.pending(owner);
        if (pending >= settings.maxPendingPerUser()) {
            throw new UwsException(403, (owner.anonymous() ? "anonymous callers from " + owner.network() + " have "
                : "you have ") + pending + " PENDING jobs, the most allowed (" + settings.maxPendingPerUser()
                + "); run or delete some, create jobs with PHASE=RUN, or wait: PENDING jobs are destroyed "
                + settings.pendingLifetime().toHours() + " hours after their creation");
        }
    }

    /**
     * What a job's uploads may still take: the per-job limit and the owner's quota on stored bytes; anonymous
     * jobs also share one quota for all networks, and the smaller remainder binds.
     */
    private UploadBudget uploadBudget(JobOwner owner, long maxUploadBytes, long jobBytes) {
        if (!owner.anonymous()) {
            // one quota for everything a signed-in user stores: jobs, kept results, personal tables (V30)
            try {
                StorageQuotas.Quota quota = quotas.of(owner.user());
                return new UploadBudget(maxUploadBytes, jobBytes, quota.limit(), quota.used(),
                    "your jobs and personal tables");
            } catch (SQLException e) {
                throw new IllegalStateException("the storage quota of " + owner.user() + " could not be read", e);
            }
        }
        long quota = settings.quotaBytesPerUser();
        JobStore.StoredBytes stored = store.storedBytes(owner);
        long used = stored.owner();
        String holder = "anonymous jobs from " + owner.network();
        long all = stored.anonymous();
        if (settings.quotaBytesAnonymous() - all < quota - used) {
            quota = settings.quotaBytesAnonymous();
            used = all;
            holder = "all anonymous jobs together";
        }
        return new UploadBudget(maxUploadBytes, jobBytes, quota, used, holder);
    }

    /**
     * The bytes a job's owner may still store (their jobs' uploads, results and kept tables, within the quota that
     * binds them), for what the job's executor keeps for it after the job ended.
     */
    public long storageLeft(Job job) {
        UploadBudget stored = uploadBudget(JobOwner.of(job), Long.MAX_VALUE, 0);
        return stored.quota() - stored.quotaBytes();
    }

    private JobLifetime lifetime(Job job) {
        return new JobLifetime(queueOf(job).retention(), settings.pendingLifetime());
    }

    /** Queues a job, or ends it in ERROR when its owner has too many jobs queued or executing. */
    private void queueOrRefuse(Job job, long active) {
        if (active >= settings.maxQueuedPerUser()) {
            job.fail(ErrorType.TRANSIENT, "you have " + settings.maxQueuedPerUser() + " jobs queued or executing, "
                + "the most allowed; run this one when some have finished", Instant.now());
        } else {
            job.moveTo(ExecutionPhase.QUEUED, Instant.now());
        }
    }

    /** A requested execution duration within the queue's limit; 0 (unlimited in UWS) means the limit. */
    private static long duration(JobQueueSettings queue, long seconds) {
        return seconds == 0 ? queue.maxExecutionSeconds() : Math.min(seconds, queue.maxExecutionSeconds());
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Destroys a job: aborts it if it is still running, then removes its record and files. */
    public void destroy(String id) throws UwsException {
        destroy(store.find(id).orElseThrow(() -> UwsException.notFound(id)));
    }

    /**
     * Destroys a job the caller has just read (to check who may), without reading it again: a job read as
     * finished stays finished, and one read as running is aborted under the row's lock, whatever it is by then.
     */
    public void destroy(Job job) throws UwsException {
        String id = job.id();
        if (ExecutionPhase.ABORTABLE.contains(job.phase())) {
            update(id, JobRequest.phaseOnly(JobRequest.PhaseRequest.ABORT));
        }
        discard(job);
        store.delete(id);
        files.delete(id);
        events.changed(id);
    }

    /** A job's results, files and what its executor keeps, removed: it ended without completing. */
    private void discardResults(Job job) {
        files.deleteResults(job.id());
        discard(job);
    }

    /** What the job's executor keeps for it besides files, removed; a failure leaves it to the executor's clean-up. */
    private void discard(Job job) {
        try {
            executor(job.jobList()).discard(job.id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "removing what job " + job.id() + " kept failed; its executor's clean-up removes it later", e);
        }
    }

    /**
     * Applies one request to a job in one transaction, whole or not at all (403 when a part is refused): the
     * parameters and the execution duration only while the job is PENDING (UWS 1.1 section 2.2.3; its name, RUNID
     * alone, in any phase), the destruction time in any phase (the server keeps a job at most its queue's retention from creation, a
     * PENDING one at most the pending lifetime; the job shows what it will do), then PHASE=RUN (a PENDING or HELD
     * job is queued; one queued or executing stays as it is) or PHASE=ABORT (a job that has not finished ends,
     * its SQL cancelled at once). ACTION=DELETE destroys the job.
     */
    public void update(String id, JobRequest request) throws UwsException {
        if (request.delete()) {
            destroy(id);
            return;
        }
        Job current = store.find(id).orElseThrow(() -> UwsException.notFound(id));
        long active = request.run() ? store.active(JobOwner.of(current)) : 0;
        Update done = store.change(id, job -> apply(job, request, active)).orElseThrow(() -> UwsException.notFound(id));
        if (done.refused() != null) {
            throw new UwsException(403, done.refused());
        }
        if (done.queued()) {
            scheduler.offer(queueOf(current).name(), JobOwner.of(current), id);
        }
        if (done.aborted()) {
            scheduler.remove(id);
            Execution e = executing.get(id);
            if (e != null) {
                stop(e);
            }
        }
        events.changed(id);
    }

    /** What {@link #apply} did: refused (with why), or whether it queued or aborted the job. */
    private record Update(String refused, boolean queued, boolean aborted) {
    }

    /** {@link #update}'s changes on the locked job; nothing is changed when a part is refused. */
    private Update apply(Job job, JobRequest request, long active) {
        ExecutionPhase phase = job.phase();
        if (request.changesPending() && phase != ExecutionPhase.PENDING) {
            String what = request.parameters().isEmpty() ? "the execution duration" : "parameters";
            return new Update(what + " can only change while the job is PENDING, and it is " + phase, false, false);
        }
        boolean run = request.run() && (phase == ExecutionPhase.PENDING || phase == ExecutionPhase.HELD);
        if (request.run() && !run && phase != ExecutionPhase.QUEUED && phase != ExecutionPhase.EXECUTING) {
            return new Update("the job is " + phase + " and cannot run again; create a new job", false, false);
        }
        if (!request.parameters().isEmpty()) {
            job.setParameters(request.parameters());
            Job.parameter(request.parameters(), "RUNID").ifPresent(job::setRunId);
        }
        request.executionDuration().ifPresent(seconds -> job.setExecutionDuration(duration(queueOf(job), seconds)));
        request.destruction().ifPresent(requested -> lifetime(job).request(job, requested));
        if (run) {
            queueOrRefuse(job, active);
            lifetime(job).started(job);
        }
        boolean abort = request.phase().filter(JobRequest.PhaseRequest.ABORT::equals).isPresent()
            && ExecutionPhase.ABORTABLE.contains(phase);
        if (abort) {
            job.moveTo(ExecutionPhase.ABORTED, Instant.now());
        }
        return new Update(null, run && job.phase() == ExecutionPhase.QUEUED, abort);
    }

    private JobQueueSettings queueOf(Job job) {
        return settings.queue(job.queue()).orElse(settings.queues().get(0));
    }

    /** Jobs waiting to start, for availability notes and tests. */
    public int waiting() {
        return scheduler.waitingCount();
    }

    private void work(String queue) {
        while (!stopping) {
            try {
                scheduler.take(queue, 10, TimeUnit.SECONDS).ifPresent(this::execute);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "UWS worker of queue " + queue + " failed; it goes on", e);
            }
        }
    }

    private void execute(String id) {
        try (org.voarchive.logging.RequestId.Scope scope = org.voarchive.logging.RequestId.open("job-" + id)) {
            executeJob(id);
        }
    }

    private void executeJob(String id) {
        Execution e = new Execution();
        executing.put(id, e);
        ScheduledFuture<?> limit = null;
        try {
            Optional<Job> started = store.transition(id, Set.of(ExecutionPhase.QUEUED), ExecutionPhase.EXECUTING);
            if (started.isEmpty()) {
                return; // aborted or destroyed while queued
            }
            events.changed(id);
            Job job = started.get();
            Instant deadline = job.startTime().plusSeconds(job.executionDuration());
            limit = timers.schedule(() -> {
                e.overrun = true;
                stop(e);
            }, Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            Outcome outcome = outcome(job, deadline, e);
            store.change(id, j -> {
                if (j.phase() == ExecutionPhase.EXECUTING) {
                    outcome.applyTo(j);
                }
                return j;
            }).filter(j -> j.phase() != ExecutionPhase.COMPLETED).ifPresent(this::discardResults);
        } finally {
            if (limit != null) {
                limit.cancel(false);
            }
            if (e.repeat != null) {
                e.repeat.cancel(false);
            }
            executing.remove(id);
            scheduler.done(id);
            events.changed(id);
        }
    }

    /** How an execution ended, to be recorded if the job is still EXECUTING (not aborted meanwhile). */
    private interface Outcome {
        void applyTo(Job job);
    }

    private Outcome outcome(Job job, Instant deadline, Execution e) {
        JobContext context = null;
        try {
            UploadBudget stored = uploadBudget(JobOwner.of(job), Long.MAX_VALUE, 0);
            long quota = stored.quota();
            long used = stored.quotaBytes();
            if (used >= quota) {
                return j -> j.fail(ErrorType.FATAL, "the stored uploads and results of " + stored.quotaHolder() + " ("
                    + used + " bytes) have reached the quota of " + quota + " bytes; delete jobs you no longer need",
                    Instant.now());
            }
            context = new JobContext(files, job.id(), deadline, e.cancellation, quota - used, quota,
                text -> store.change(job.id(), j -> {
                    j.setProgress(text);
                    return j;
                }));
            List<JobResult> results = executor(job.jobList()).execute(job, context);
            JobContext done = context;
            return j -> {
                results.forEach(j::addResult);
                j.moveTo(ExecutionPhase.COMPLETED, Instant.now());
                done.recordWithOutcome(j);
            };
        } catch (JobFailure f) {
            if (e.shutdown) {
                return j -> j.fail(ErrorType.TRANSIENT, "the server stopped while the job was executing; run it again",
                    Instant.now());
            }
            boolean overrun = e.overrun || !Instant.now().isBefore(deadline.minusSeconds(1));
            String message = overrun ? "the job ran longer than its execution duration of " + job.executionDuration()
                + " s and was stopped" : f.getMessage();
            ErrorType type = overrun ? ErrorType.FATAL : f.type();
            JobContext failed = context;
            return j -> {
                j.fail(type, message, Instant.now());
                if (failed != null) {
                    failed.recordWithOutcome(j);
                }
            };
        } catch (RuntimeException ex) {
            LOG.log(Level.SEVERE, "job " + job.id() + " failed", ex);
            return j -> j.fail(ErrorType.TRANSIENT, "the job failed in the service; the service log has the details",
                Instant.now());
        }
    }

    private JobExecutor executor(String jobList) {
        for (JobExecutor executor : executors) {
            if (executor.jobList().equals(jobList)) {
                return executor;
            }
        }
        throw new IllegalStateException("no executor for job list " + jobList);
    }
}
