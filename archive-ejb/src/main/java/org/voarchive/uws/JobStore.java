package org.voarchive.uws;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The persistent jobs. Every change is its own transaction, so that what it
 * returns is committed: a phase that a client reads is a phase that survives
 * a restart. Changes lock the row, which makes phase transitions atomic
 * between the workers, the HTTP requests and the reaper. The reads that every
 * job makes several times (its document, its owner's counts and quota) run in
 * the caller's transaction if it has one (the job manager has none), else in
 * none (SUPPORTS): they see only committed rows all the same, and save the
 * round trip of a COMMIT and the enlisting of a connection in a transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobStore {

    @PersistenceContext(unitName = "archive")
    EntityManager em;

    public Job create(Job job) {
        em.persist(job);
        em.flush();
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
        return job == null ? Optional.empty() : Optional.ofNullable(change.apply(job));
    }

    /**
     * Moves the job from one of the given phases to another; nothing happens if it is in none of them.
     *
     * @return the job after the move, empty if there is no such job or it was in another phase
     */
    public Optional<Job> transition(String id, Collection<ExecutionPhase> from, ExecutionPhase to) {
        return change(id, job -> {
            if (!from.contains(job.phase())) {
                return null;
            }
            job.moveTo(to, Instant.now());
            return job;
        });
    }

    /**
     * Deletes a job in one statement: its parameters, results, phase history and kept-result record go with it
     * (ON DELETE CASCADE), without loading them first.
     */
    public boolean delete(String id) {
        return em.createNativeQuery("DELETE FROM archive.uws_job WHERE job_id = ?").setParameter(1, id)
            .executeUpdate() > 0;
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
