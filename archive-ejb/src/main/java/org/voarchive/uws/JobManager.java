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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.account.StorageQuotas;
import org.voarchive.cluster.NodeLeases;
import org.voarchive.cluster.Notifications;
import org.voarchive.database.Cancellation;

/**
 * Runs UWS jobs: creates them, moves them through their phases, executes
 * them, enforces execution durations by cancelling the SQL, and destroys them with their
 * files. The queue is the job table itself, shared by every node of a cluster: per queue, a dispatcher thread
 * claims jobs ({@link JobStore#claim}: owners take turns, the executing limits hold across nodes) as this node has
 * free workers ({@code archive.uws.queue.NAME.concurrency} is per node), woken by this node's jobs ending and by
 * the notifications of the others. The jobs of a node that died (its lease ran out, {@link NodeLeases}) are taken
 * over on any live node's heartbeat and run again, as a new attempt: the client sees a longer execution. A
 * restarted node takes over its previous incarnation's at once; a stopping node gives its executions back (when
 * the container ends the bean while the database pools still work: Payara Micro's SIGTERM tears the pools down
 * first, and then its jobs are taken over after the lease, as a dead node's).
 * Outcomes are fenced: an attempt records anything only while the job's row still names its node and attempt.
 */
@Singleton
@Startup
// the job tables must exist before recovery reads them, and the node's lease before it claims
@DependsOn({"SchemaMigrations", "NodeLeases"})
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

    /** What the progress of a job says while it waits to run again. */
    private static final String RUNNING_AGAIN = "running again: the node that ran it stopped";

    /** An attempt executing on this node, and what it can be stopped by. */
    private static final class Execution {
        final JobStore.Attempt attempt;
        final Cancellation cancellation = new Cancellation();
        volatile boolean overrun;
        /** The node stops: the job is given back to run again, nothing is recorded. */
        volatile boolean shutdown;
        /** The node lost its lease: another node runs the job again, nothing is recorded. */
        volatile boolean leaseLost;
        private ScheduledFuture<?> repeat;
        private boolean ended;

        Execution(JobStore.Attempt attempt) {
            this.attempt = attempt;
        }

        /** Whether what it did may not be recorded: the job is another attempt's, or nobody's until it is claimed. */
        boolean givenUp() {
            return shutdown || leaseLost;
        }
    }

    /**
     * Cancels an execution's SQL. A cancel request that reaches PostgreSQL before the statement does is lost, so
     * it is repeated until the execution has ended.
     */
    private void stop(Execution e) {
        e.cancellation.cancel();
        synchronized (e) {
            if (e.repeat == null && !e.ended && !timers.isShutdown()) {
                e.repeat = timers.scheduleWithFixedDelay(e.cancellation::cancel, 200, 200, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The execution ended: no more cancel requests for it. */
    private static void ended(Execution e) {
        synchronized (e) {
            e.ended = true;
            if (e.repeat != null) {
                e.repeat.cancel(false);
            }
        }
    }

    @EJB
    JobStore store;

    @Inject
    UwsSettings settings;

    @Inject
    Instance<JobExecutor> executors;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    NodeLeases leases;

    @Inject
    Notifications notifications;

    private final JobSignals signals = new JobSignals();
    private JobFiles files;
    private ScheduledExecutorService timers;
    /** This node's executions by job id; a claimed job is here before a worker has it. */
    private final Map<String, Execution> executing = new ConcurrentHashMap<>();
    /**
     * Held (shared) by a dispatcher from its claim until the claimed jobs are in {@link #executing}, and
     * (exclusively) by the heartbeat while it compares that map with the database: a job claimed a moment ago is
     * never taken for one that no execution of this node holds.
     */
    private final ReentrantReadWriteLock claiming = new ReentrantReadWriteLock();
    /** Per queue: whether its last claim found nothing (a slot freed anywhere may let it find something now). */
    private final Map<String, Boolean> starved = new ConcurrentHashMap<>();
    private final List<Thread> dispatchers = new ArrayList<>();
    private final List<ExecutorService> workers = new ArrayList<>();
    private volatile boolean stopping;
    private long prunedAt;

    @PostConstruct
    void start() {
        files = new JobFiles(settings.resultsDir());
        timers = Executors.newSingleThreadScheduledExecutor(threads);
        recover();
        notifications.subscribe(Notifications.JOB_CHANNEL, this::heard);
        notifications.subscribe(Notifications.QUEUE_CHANNEL, queue -> signals.signal(queue.trim()));
        notifications.whenMissed(signals::signalAll);
        leases.onLeaseLost(this::leaseLost);
        leases.onHeartbeat(this::heartbeat);
        takeOverAbandoned(); // a restart's previous incarnation first: its jobs were executing before anything queued now
        for (JobQueueSettings queue : settings.queues()) {
            signals.add(queue.name());
            Semaphore free = new Semaphore(queue.concurrency());
            ExecutorService pool = Executors.newFixedThreadPool(queue.concurrency(), threads);
            workers.add(pool);
            Thread dispatcher = threads.newThread(() -> dispatch(queue.name(), free, pool));
            dispatcher.setName("uws-" + queue.name() + "-dispatcher");
            dispatcher.start();
            dispatchers.add(dispatcher);
        }
        LOG.info(() -> "UWS job manager started on node " + leases.nodeId() + ": queues " + settings.queues()
            + ", results in " + settings.resultsDir());
    }

    private void recover() {
        // The queue is the table: QUEUED jobs wait there, EXECUTING ones are taken over when their node is dead.
        // Those of a queue no longer configured (or spelt otherwise) go to the queue that serves them now, or no
        // dispatcher would ever claim them.
        for (ExecutionPhase phase : List.of(ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING)) {
            for (String id : store.inPhase(phase)) {
                store.find(id).filter(job -> !queueOf(job).name().equals(job.queue())).ifPresent(job ->
                    store.change(id, j -> {
                        j.setQueue(queueOf(j).name());
                        return j;
                    }));
            }
        }
        for (String id : store.inPhase(ExecutionPhase.PENDING)) {
            // the destruction a PENDING job shows follows this start's settings (and jobs stored before them)
            store.change(id, job -> {
                lifetime(job).refresh(job);
                return job;
            });
        }
    }

    /**
     * An orderly stop: no more claims, every execution is cancelled and given back (it stays EXECUTING and runs
     * again at once on another node, or here after the restart), not ended in ERROR.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        signals.close();
        long until = System.currentTimeMillis() + SHUTDOWN_GRACE_MILLIS;
        try {
            for (Thread dispatcher : dispatchers) {
                dispatcher.interrupt(); // waiting for a worker or a signal; a claim under way ends first
                dispatcher.join(Math.max(1, until - System.currentTimeMillis()));
            }
            // no more claims: every execution there is now is given back
            List<Execution> given = List.copyOf(executing.values());
            given.forEach(e -> {
                e.shutdown = true;
                stop(e);
            });
            for (ExecutorService pool : workers) {
                pool.shutdown();
                pool.awaitTermination(Math.max(1, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
            for (Execution e : given) {
                giveUp(e.attempt, "this node stops", false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ExecutorService::shutdownNow);
        timers.shutdownNow();
        leases.leave();
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
                queuedHere(created.queue());
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
    }

    /** An attempt's results, files and what its executor keeps, removed: it ended without completing. */
    private void discardResults(JobStore.Attempt attempt) {
        files.deleteAttempt(attempt.jobId(), attempt.attempt());
        discard(attempt.jobId(), attempt.jobList());
    }

    /** What the job's executor keeps for it besides files, removed; a failure leaves it to the executor's clean-up. */
    private void discard(Job job) {
        discard(job.id(), job.jobList());
    }

    private void discard(String id, String jobList) {
        try {
            executor(jobList).discard(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "removing what job " + id + " kept failed; its executor's clean-up removes it later", e);
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
            queuedHere(current.queue());
        }
        if (done.aborted()) {
            // executing here: stopped at once; on another node: that node hears the phase change
            Execution e = executing.get(id);
            if (e != null) {
                stop(e);
            }
        }
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

    /**
     * A job was queued by a request to this node. The notification of the change wakes the dispatchers of every
     * node, this one's too; while notifications are down, this node's dispatcher is woken here at least.
     */
    private void queuedHere(String queue) {
        if (!notifications.listening()) {
            signals.signal(queue);
        }
    }

    /**
     * A job's phase changed somewhere in the cluster (payload {@code <job> <PHASE|GONE> <queue>}): a job queued
     * is work for the queue's dispatcher; a job that ended frees its owner's slot, which a dispatcher whose last
     * claim found nothing may now use; a job executing here that left EXECUTING elsewhere (ABORT, destruction
     * through another node) is stopped. Runs on the listener's thread: no database call here.
     */
    private void heard(String payload) {
        JobNotice.parse(payload).ifPresent(notice -> {
            if (notice.phase().filter(ExecutionPhase.QUEUED::equals).isPresent()) {
                signals.signal(notice.queue());
            } else if (notice.phase().filter(ExecutionPhase.EXECUTING::equals).isEmpty()) {
                Execution e = executing.get(notice.jobId());
                if (e != null) {
                    stop(e);
                }
                starved.forEach((queue, empty) -> {
                    if (empty) {
                        signals.signal(queue);
                    }
                });
            }
        });
    }

    /** How long a dispatcher waits between claims that found nothing, unless signalled. */
    private Duration poll() {
        return notifications.listening() ? settings.dispatchPoll() : FALLBACK_POLL;
    }

    /** The dispatcher's idle re-check while notifications are down. */
    private static final Duration FALLBACK_POLL = Duration.ofSeconds(1);
    /** Jobs claimed in one transaction at most, so that a burst does not hold the claim lock once per job. */
    private static final int CLAIM_BATCH = 4;

    /**
     * A queue's dispatcher: as long as a worker of this node is free, claims jobs and hands them to the workers;
     * when the claim finds nothing, waits for a signal or the poll interval.
     */
    private void dispatch(String queue, Semaphore free, ExecutorService pool) {
        while (!stopping) {
            int permits = 0;
            try {
                free.acquire();
                permits = 1;
                while (permits < CLAIM_BATCH && free.tryAcquire()) {
                    permits++;
                }
                List<Execution> claimed = claim(queue, permits);
                free.release(permits - claimed.size());
                permits = 0;
                starved.put(queue, claimed.isEmpty());
                for (Execution e : claimed) {
                    pool.execute(() -> {
                        try {
                            execute(e);
                        } finally {
                            free.release();
                            signals.signal(queue);
                        }
                    });
                }
                if (claimed.isEmpty()) {
                    signals.await(queue, poll());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                free.release(permits);
                if (!stopping) {
                    LOG.log(Level.SEVERE, "UWS dispatcher of queue " + queue + " failed; it goes on", e);
                    sleepAfterFailure();
                }
            }
        }
    }

    private List<Execution> claim(String queue, int max) {
        String node = leases.nodeId();
        claiming.readLock().lock();
        try {
            List<Execution> claimed = new ArrayList<>();
            for (Job job : store.claim(queue, node, settings.maxExecutingPerUser(), settings.maxExecutingAnonymous(), max)) {
                Execution e = new Execution(new JobStore.Attempt(job.id(), job.jobList(), job.queue(), node, job.attempt()));
                executing.put(job.id(), e);
                claimed.add(e);
            }
            return claimed;
        } finally {
            claiming.readLock().unlock();
        }
    }

    private void sleepAfterFailure() {
        try {
            Thread.sleep(1000); // the database is likely gone: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(Execution e) {
        try (org.voarchive.logging.RequestId.Scope scope = org.voarchive.logging.RequestId.open("job-" + e.attempt.jobId())) {
            executeJob(e);
        } finally {
            ended(e);
            executing.remove(e.attempt.jobId(), e);
        }
    }

    private void executeJob(Execution e) {
        JobStore.Attempt attempt = e.attempt;
        String id = attempt.jobId();
        ScheduledFuture<?> limit = null;
        try {
            Optional<Job> started = store.find(id).filter(j -> j.executing(attempt.node(), attempt.attempt()));
            if (started.isEmpty() || e.givenUp()) {
                return; // aborted or destroyed since the claim, or the node stops
            }
            Job job = started.get();
            if (attempt.attempt() > 1) {
                // what the earlier attempts left (their nodes died or stopped): gone before this one makes its own
                for (int earlier = 1; earlier < attempt.attempt(); earlier++) {
                    files.deleteAttempt(id, earlier);
                }
                discard(id, attempt.jobList());
            }
            // a job run again gets its whole execution duration
            Instant deadline = job.attemptStart().plusSeconds(job.executionDuration());
            limit = timers.schedule(() -> {
                e.overrun = true;
                stop(e);
            }, Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            Outcome outcome = outcome(job, deadline, e);
            if (e.givenUp()) {
                // another attempt will run (another node's, or this one's after the restart): its files only go
                files.deleteAttempt(id, attempt.attempt());
                return;
            }
            Optional<Job> recorded = store.change(id, j -> {
                if (!j.executing(attempt.node(), attempt.attempt())) {
                    return null; // aborted meanwhile, or taken over: not this attempt's to record
                }
                outcome.applyTo(j);
                return j;
            });
            if (recorded.isEmpty()) {
                files.deleteAttempt(id, attempt.attempt()); // never the executor's discard: it may be the next attempt's
            } else if (recorded.get().phase() != ExecutionPhase.COMPLETED) {
                discardResults(attempt);
            }
        } finally {
            if (limit != null) {
                limit.cancel(false);
            }
        }
    }

    /**
     * On every heartbeat of this node: runs the jobs of dead nodes again, and compares this node's executions
     * with what the database says (design #23 §4.4 steps 2-4).
     */
    private void heartbeat() {
        if (stopping) {
            return;
        }
        takeOverAbandoned();
        String node = leases.nodeId();
        List<JobStore.Attempt> recorded;
        Map<String, Execution> local;
        claiming.writeLock().lock();
        try {
            local = Map.copyOf(executing);
            recorded = store.executingOn(node);
        } finally {
            claiming.writeLock().unlock();
        }
        // executions the database no longer wants here (a lost ABORT notification, a destruction): stopped
        for (Execution e : local.values()) {
            boolean wanted = recorded.stream().anyMatch(a -> a.jobId().equals(e.attempt.jobId())
                && a.attempt() == e.attempt.attempt());
            if (!wanted && e.attempt.node().equals(node)) {
                stop(e);
            }
        }
        // claimed by this incarnation but in no execution of it (a worker failed before it started): run again
        for (JobStore.Attempt a : recorded) {
            Execution e = local.get(a.jobId());
            if (e == null || e.attempt.attempt() != a.attempt()) {
                giveUp(a, "its execution on node " + leases.nodeName() + " did not start", false);
            }
        }
        long now = System.nanoTime();
        if (now - prunedAt > TimeUnit.HOURS.toNanos(1)) {
            prunedAt = now;
            store.prune();
        }
    }

    /** Every job executing on a dead node: given up there, to run again as a new attempt. */
    private void takeOverAbandoned() {
        for (JobStore.Attempt a : store.abandoned()) {
            if (giveUp(a, "its node " + ActiveJob.nodeName(a.node()) + " is dead", true)) {
                LOG.warning(() -> "job " + a.jobId() + " was executing on " + a.node() + ", which is dead: it runs again");
            }
        }
    }

    /**
     * Gives an attempt up so that the job runs again: the job is released to every node's dispatcher if it is
     * still that attempt's (several nodes may try at once: one releases it). Nothing is deleted here: a node that
     * read the attempt as dead a while ago could otherwise delete what a newer attempt made; the node that claims
     * the next attempt cleans up the earlier ones before it runs ({@link #executeJob}).
     */
    private boolean giveUp(JobStore.Attempt a, String why, boolean nodeDied) {
        try {
            return store.abandon(a, RUNNING_AGAIN, nodeDied);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + a.jobId() + " could not be given up (" + why + "); tried again later", e);
            return false;
        }
    }

    /** This node lost its lease: the others run its jobs again; its executions stop and record nothing. */
    private void leaseLost(String oldNode) {
        for (Execution e : executing.values()) {
            if (e.attempt.node().equals(oldNode)) {
                e.leaseLost = true;
                stop(e);
            }
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
            // a job run again started within the quota, and may have done its work already (JobContext#recordEffect)
            if (used >= quota && job.attempt() <= 1) {
                return j -> j.fail(ErrorType.FATAL, "the stored uploads and results of " + stored.quotaHolder() + " ("
                    + used + " bytes) have reached the quota of " + quota + " bytes; delete jobs you no longer need",
                    Instant.now());
            }
            context = new JobContext(files, job.id(), job.attempt(), e.attempt.node(), deadline, e.cancellation,
                quota - used, quota,
                text -> store.change(job.id(), j -> {
                    if (j.executing(e.attempt.node(), e.attempt.attempt())) {
                        j.setProgress(text);
                    }
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
