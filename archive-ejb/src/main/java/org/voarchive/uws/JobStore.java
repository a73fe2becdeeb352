package org.voarchive.uws;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.voarchive.cluster.ClusterSettings;
import org.voarchive.cluster.Notifications;

/**
 * The persistent jobs, and the queue of every node of a cluster. Every change is its own transaction, so that what
 * it returns is committed: a phase that a client reads is a phase that survives
 * a restart. Changes lock the row, which makes phase transitions atomic
 * between the workers, the HTTP requests and the reaper, on any node. A change of phase notifies every node
 * ({@link Notifications#JOB_CHANNEL}, a {@link JobNotice}) in its own transaction, so the
 * notification arrives exactly when the change is visible, and never for a change rolled back. The reads that every
 * job makes several times (its document, its owner's counts and quota) run in
 * the caller's transaction if it has one (the job manager has none), else in
 * none (SUPPORTS): they see only committed rows all the same, and save the
 * round trip of a COMMIT and the enlisting of a connection in a transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobStore {

    /** Attempts of one job at most: its nodes died under the earlier ones (a take-over gives it the next). */
    static final int MAX_ATTEMPTS = 3;

    @PersistenceContext(unitName = "archive")
    EntityManager em;

    public Job create(Job job) {
        em.persist(job);
        em.flush();
        if (job.phase() != ExecutionPhase.PENDING) {
            notifyPhase(job);
        }
        return job;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Job> find(String id) {
        return Optional.ofNullable(em.find(Job.class, id));
    }

    /**
     * Applies a change to the locked job and commits it.
     *
     * @return the change's answer, empty if there is no such job
     */
    public <T> Optional<T> change(String id, Function<Job, T> change) {
        Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            return Optional.empty();
        }
        ExecutionPhase before = job.phase();
        T answer = change.apply(job);
        if (job.phase() != before) {
            notifyPhase(job);
        }
        return Optional.ofNullable(answer);
    }

    /**
     * Deletes a job in one statement: its parameters, results, phase history and kept-result record go with it
     * (ON DELETE CASCADE), without loading them first.
     */
    @SuppressWarnings("unchecked")
    public boolean delete(String id) {
        List<String> queues = em.createNativeQuery("DELETE FROM archive.uws_job WHERE job_id = ? RETURNING queue")
            .setParameter(1, id).getResultList();
        queues.forEach(queue -> send(Notifications.JOB_CHANNEL, JobNotice.gone(id, queue).payload()));
        return !queues.isEmpty();
    }

    private void notifyPhase(Job job) {
        send(Notifications.JOB_CHANNEL, new JobNotice(job.id(), job.phase(), job.queue()).payload());
    }

    // delivered at commit, to every node listening (PostgreSQL's NOTIFY)
    private void send(String channel, String payload) {
        em.createNativeQuery("SELECT pg_notify(?, ?)").setParameter(1, channel).setParameter(2, payload)
            .getSingleResult();
    }

    /**
     * Claims up to {@code max} jobs of a queue for a node to execute, in one transaction: jobs to run again (their
     * node died) first, then owners take turns (the one served longest ago, or never, first: {@code
     * archive.uws_turns}), each owner's jobs in the order they were queued; an owner is never above
     * {@code maxPerOwner} jobs executing, all anonymous owners together never above {@code maxAnonymous}, across
     * all queues and nodes. The advisory lock makes the count and the claim one step across the cluster (two nodes
     * would both see an owner at 3 of 4 and both claim); SKIP LOCKED keeps the claim from waiting behind a
     * client's change of a job. A claimed QUEUED job starts (EXECUTING, its start time stamped); a job taken over
     * keeps its phase and start time; both are a new attempt of the node.
     *
     * @return the jobs claimed, at most max
     */
    public List<Job> claim(String queue, String nodeId, int maxPerOwner, int maxAnonymous, int max) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?)").setParameter(1, ClusterSettings.CLAIM_LOCK)
            .getSingleResult();
        List<Job> claimed = new ArrayList<>();
        // a node past its lease that has not noticed yet claims nothing: the others may be taking its jobs over
        if (em.createNativeQuery("SELECT node_id FROM archive.cluster_nodes WHERE node_id = ?"
                + " AND heartbeat_at > clock_timestamp() - make_interval(secs => lease_seconds)")
                .setParameter(1, nodeId).getResultList().isEmpty()) {
            return claimed;
        }
        while (claimed.size() < max) {
            @SuppressWarnings("unchecked")
            List<String> next = em.createNativeQuery(CLAIM).setParameter(1, queue).setParameter(2, maxPerOwner)
                .setParameter(3, maxAnonymous).getResultList();
            if (next.isEmpty()) {
                break;
            }
            Job job = em.find(Job.class, next.get(0)); // locked by the claim's FOR UPDATE
            boolean start = job.phase() == ExecutionPhase.QUEUED;
            job.claim(nodeId, Instant.now());
            em.flush(); // the next round's count sees it
            em.createNativeQuery("INSERT INTO archive.uws_turns (queue, owner_key, served_at)"
                    + " SELECT queue, owner_key, clock_timestamp() FROM archive.uws_job WHERE job_id = ?"
                    + " ON CONFLICT (queue, owner_key) DO UPDATE SET served_at = EXCLUDED.served_at")
                .setParameter(1, job.id()).executeUpdate();
            if (start) {
                notifyPhase(job);
            }
            claimed.add(job);
        }
        return claimed;
    }

    // design #23 §4.2; clock_timestamp() for served_at, so that the owners served within one claim keep an order
    private static final String CLAIM = """
        WITH running AS (
                SELECT owner_key, count(*) AS n, bool_or(owner_id IS NULL) AS anonymous
                  FROM archive.uws_job WHERE phase = 'EXECUTING' AND executed_by IS NOT NULL GROUP BY owner_key),
             anonymous AS (SELECT COALESCE(sum(n), 0) AS n FROM running WHERE anonymous)
        SELECT j.job_id
          FROM archive.uws_job j
          LEFT JOIN running r ON r.owner_key = j.owner_key
          LEFT JOIN archive.uws_turns t ON t.queue = j.queue AND t.owner_key = j.owner_key
         WHERE j.queue = ?
           AND (j.phase = 'QUEUED' OR (j.phase = 'EXECUTING' AND j.executed_by IS NULL))
           AND COALESCE(r.n, 0) < ?
           AND (j.owner_id IS NOT NULL OR (SELECT n FROM anonymous) < ?)
         ORDER BY j.phase = 'EXECUTING' DESC, t.served_at NULLS FIRST, j.queued_at, j.job_id
         LIMIT 1
           FOR UPDATE OF j SKIP LOCKED""";

    /**
     * An attempt to execute a job, as the database records it.
     *
     * @param node the node id executing it
     */
    public record Attempt(String jobId, String jobList, String queue, String node, int attempt) {
    }

    /** Jobs EXECUTING on a node that is dead: its lease ran out, or it is gone from archive.cluster_nodes. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Attempt> abandoned() {
        return attempts("""
            SELECT job_id, job_list, queue, executed_by, attempt FROM archive.uws_job j
             WHERE phase = 'EXECUTING' AND executed_by IS NOT NULL AND NOT EXISTS (
                   SELECT FROM archive.cluster_nodes n WHERE n.node_id = j.executed_by
                      AND n.heartbeat_at > clock_timestamp() - make_interval(secs => n.lease_seconds))""", null);
    }

    /** Jobs EXECUTING on the node, as the database says. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Attempt> executingOn(String nodeId) {
        return attempts("SELECT job_id, job_list, queue, executed_by, attempt FROM archive.uws_job"
            + " WHERE phase = 'EXECUTING' AND executed_by = ?", nodeId);
    }

    private List<Attempt> attempts(String sql, String nodeId) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        if (nodeId != null) {
            q.setParameter(1, nodeId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Attempt((String) r[0], (String) r[1], (String) r[2], (String) r[3],
            ((Number) r[4]).intValue())).toList();
    }

    /**
     * Gives a job up to run again on any node, if the attempt is still the one recorded (the check and the change
     * under the row's lock make it happen once when several nodes try): it stays EXECUTING for the client, and
     * the dispatchers of every node hear that it is claimable ({@link Notifications#QUEUE_CHANNEL}).
     *
     * @param nodeDied the attempt's node died (not an orderly stop): the job's last attempt ends it in ERROR instead
     * @return whether it was given up now
     */
    public boolean abandon(Attempt attempt, String why, boolean nodeDied) {
        boolean abandoned = change(attempt.jobId(), job -> {
            if (!job.executing(attempt.node(), attempt.attempt())) {
                return false;
            }
            if (nodeDied && job.attempt() >= MAX_ATTEMPTS) {
                // a job whose execution brings its node down (memory, a crash) would take every node down in turn
                job.fail(ErrorType.FATAL, "the archive's node stopped " + job.attempt() + " times while executing this"
                    + " job; it is not run again (ask the archive's operators if it should work)", Instant.now());
                return false;
            }
            job.abandon(why);
            return true;
        }).orElse(false);
        if (abandoned) {
            send(Notifications.QUEUE_CHANNEL, attempt.queue());
        }
        return abandoned;
    }

    /**
     * Removes what the cluster no longer needs: rows of nodes dead for ten leases that hold no job, and turns
     * not taken for a day (an owner back after that is "never served" again, which puts it first).
     */
    public void prune() {
        em.createNativeQuery("""
            DELETE FROM archive.cluster_nodes n
             WHERE n.heartbeat_at < clock_timestamp() - make_interval(secs => 10 * n.lease_seconds)
               AND NOT EXISTS (SELECT FROM archive.uws_job j WHERE j.executed_by = n.node_id AND j.phase = 'EXECUTING')""")
            .executeUpdate();
        em.createNativeQuery("DELETE FROM archive.uws_turns WHERE served_at < now() - interval '1 day'").executeUpdate();
    }

    /**
     * The job list of one owner (null: anonymous jobs), newest first, as UWS 1.1 section 2.2.2.1 filters it. Only
     * the columns a jobref shows are read: loading whole jobs would also load each one's parameters, results and
     * phase history, three queries a job (a thousand jobs took 0.3 to 0.4 s; this takes a few milliseconds).
     *
     * @param phases empty for every phase but ARCHIVED
     * @param after  jobs created after this instant only, or null
     * @param last   the most recent this many only
     */
    public List<ListedJob> list(String jobList, String owner, Collection<ExecutionPhase> phases, Instant after, int last) {
        String jpql = "SELECT j.id, j.phase, j.runId, j.ownerId, j.creationTime FROM Job j WHERE j.jobList = :list AND "
            + (owner == null ? "j.ownerId IS NULL" : "j.ownerId = :owner")
            + (phases.isEmpty() ? " AND j.phase <> :archived" : " AND j.phase IN :phases")
            + (after == null ? "" : " AND j.creationTime > :after")
            + " ORDER BY j.creationTime DESC, j.id";
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class).setParameter("list", jobList).setMaxResults(last);
        if (owner != null) {
            q.setParameter("owner", owner);
        }
        if (phases.isEmpty()) {
            q.setParameter("archived", ExecutionPhase.ARCHIVED);
        } else {
            q.setParameter("phases", phases);
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return q.getResultList().stream().map(row -> new ListedJob((String) row[0], (ExecutionPhase) row[1],
            (String) row[2], (String) row[3], (Instant) row[4])).toList();
    }

    /** Every QUEUED and EXECUTING job of every list and owner, by queue, oldest first. */
    public List<ActiveJob> active() {
        return em.createQuery("SELECT j.id, j.jobList, j.queue, j.phase, j.runId, j.ownerId, j.clientNetwork,"
                + " j.creationTime, j.startTime, j.executionDuration, j.executedBy FROM Job j WHERE j.phase IN :phases"
                + " ORDER BY j.queue, j.creationTime, j.id", Object[].class)
            .setParameter("phases", List.of(ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING))
            .getResultList().stream().map(row -> new ActiveJob((String) row[0], (String) row[1], (String) row[2],
                (ExecutionPhase) row[3], (String) row[4], (String) row[5], (String) row[6], (Instant) row[7],
                (Instant) row[8], ((Number) row[9]).longValue(), ActiveJob.nodeName((String) row[10]))).toList();
    }

    /**
     * Ids of jobs whose destruction time has come, and of PENDING jobs created before {@code pendingSince}
     * (their destruction is that, but an older row or a shorter setting may say later), soonest first.
     */
    public List<String> expired(Instant now, Instant pendingSince, int max) {
        return em.createNamedQuery(Job.EXPIRED, String.class).setParameter("now", now)
            .setParameter("pending", ExecutionPhase.PENDING).setParameter("pendingSince", pendingSince)
            .setMaxResults(max).getResultList();
    }

    /** Which of the ids are jobs. */
    public List<String> existing(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("SELECT j.id FROM Job j WHERE j.id IN :ids", String.class)
            .setParameter("ids", ids).getResultList();
    }

    public List<String> inPhase(ExecutionPhase phase) {
        return em.createNamedQuery(Job.IN_PHASE, String.class).setParameter("phase", phase).getResultList();
    }

    /**
     * Bytes of stored uploads, results and tables kept for the anonymous jobs of an owner's network and for all
     * anonymous jobs together, in one query: every job's start and every upload asks. A signed-in owner's are
     * {@code account.StorageQuotas}' (archive.storage_usage: their jobs and personal tables together).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredBytes storedBytes(JobOwner owner) {
        if (!owner.anonymous()) {
            throw new IllegalArgumentException("a signed-in owner's stored bytes are StorageQuotas'");
        }
        String bytes = "j.resultBytes + j.uploadBytes + j.tableBytes";
        String network = owner.network() == null ? "j.clientNetwork IS NULL" : "j.clientNetwork = :network";
        Object[] row = (Object[]) owned(em.createQuery("SELECT COALESCE(SUM(CASE WHEN " + network + " THEN " + bytes
            + " ELSE 0 END), 0), COALESCE(SUM(" + bytes + "), 0) FROM Job j WHERE j.ownerId IS NULL"), owner)
            .getSingleResult();
        return new StoredBytes(sum(row[0]), sum(row[1]));
    }

    /**
     * What {@link #storedBytes} found.
     *
     * @param owner     the bytes of the anonymous jobs of the owner's network
     * @param anonymous all anonymous jobs' bytes together
     */
    public record StoredBytes(long owner, long anonymous) {
    }

    // SUM of a bigint is numeric in PostgreSQL
    private static long sum(Object value) {
        return ((Number) value).longValue();
    }

    /** Jobs of an owner waiting or running. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long active(JobOwner owner) {
        return count(owner, List.of(ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING));
    }

    /** Jobs of an owner not yet started. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long pending(JobOwner owner) {
        return count(owner, List.of(ExecutionPhase.PENDING));
    }

    private long count(JobOwner owner, Collection<ExecutionPhase> phases) {
        return ((Number) owned(em.createQuery("SELECT COUNT(j) FROM Job j WHERE j.phase IN :phases AND "
            + ownerIs(owner)), owner).setParameter("phases", phases).getSingleResult()).longValue();
    }

    /** The condition on a job of the owner: a user's jobs, or the anonymous jobs of one network. */
    private static String ownerIs(JobOwner owner) {
        if (!owner.anonymous()) {
            return "j.ownerId = :owner";
        }
        return "j.ownerId IS NULL AND " + (owner.network() == null ? "j.clientNetwork IS NULL" : "j.clientNetwork = :network");
    }

    private static jakarta.persistence.Query owned(jakarta.persistence.Query q, JobOwner owner) {
        if (!owner.anonymous()) {
            q.setParameter("owner", owner.user());
        } else if (owner.network() != null) {
            q.setParameter("network", owner.network());
        }
        return q;
    }
}
