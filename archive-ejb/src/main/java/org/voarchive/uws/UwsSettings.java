package org.voarchive.uws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's settings for UWS jobs (keys archive.uws.*, environment
 * ARCHIVE_UWS_*), with their defaults written here, the one place each is read.
 * Queues are listed in archive.uws.queues; each has keys
 * archive.uws.queue.NAME.concurrency, .execution-duration (seconds) and
 * .retention-days. Query pool (32 connections) = sync requests + the sum of
 * queue concurrencies: keep the latter well below it. In a cluster, the concurrencies are per node (each node's
 * pool), the executing limits per user and for anonymous jobs hold across all nodes.
 */
@ApplicationScoped
public class UwsSettings {

    /** Who may see jobs created without authentication. */
    public enum AnonymousJobs {
        /** Anyone who knows the (unguessable) job id; the list of an anonymous caller is empty. */
        BY_ID,
        /** As BY_ID, and anonymous callers see all anonymous jobs in the list. */
        LISTED,
        /** Only authenticated callers may create jobs. */
        REFUSED
    }

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "archive.uws.results-dir", defaultValue = "/var/lib/voarchive/jobs")
    String resultsDir;

    @Inject
    @ConfigProperty(name = "archive.uws.queues", defaultValue = "short,long")
    List<String> queueNames;

    @Inject
    @ConfigProperty(name = "archive.uws.wait.max-seconds", defaultValue = "60")
    int maxWaitSeconds;

    @Inject
    @ConfigProperty(name = "archive.uws.user.max-executing", defaultValue = "4")
    int maxExecutingPerUser;

    @Inject
    @ConfigProperty(name = "archive.uws.user.max-queued", defaultValue = "1000")
    int maxQueuedPerUser;

    @Inject
    @ConfigProperty(name = "archive.uws.user.quota-bytes", defaultValue = "10737418240")
    long quotaBytesPerUser;

    @Inject
    @ConfigProperty(name = "archive.uws.user.max-pending", defaultValue = "100")
    int maxPendingPerUser;

    @Inject
    @ConfigProperty(name = "archive.uws.anonymous.max-executing", defaultValue = "8")
    int maxExecutingAnonymous;

    @Inject
    @ConfigProperty(name = "archive.uws.anonymous.quota-bytes", defaultValue = "53687091200")
    long quotaBytesAnonymous;

    @Inject
    @ConfigProperty(name = "archive.uws.pending-destruction-hours", defaultValue = "24")
    int pendingDestructionHours;

    @Inject
    @ConfigProperty(name = "archive.uws.joblist.max", defaultValue = "1000")
    int maxListed;

    @Inject
    @ConfigProperty(name = "archive.uws.anonymous-jobs", defaultValue = "by_id")
    String anonymousJobs;

    @Inject
    @ConfigProperty(name = "archive.uws.reaper-interval-seconds", defaultValue = "60")
    int reaperIntervalSeconds;

    @Inject
    @ConfigProperty(name = "archive.uws.dispatch-poll-seconds", defaultValue = "5")
    int dispatchPollSeconds;

    /** Where each job's directory (results, inline uploads) lives; shared by all nodes of a cluster. */
    public Path resultsDir() {
        return Path.of(resultsDir);
    }

    private List<JobQueueSettings> queues;

    /** The queues in order; the first is where jobs go unless they ask for another. */
    public synchronized List<JobQueueSettings> queues() {
        if (queues == null) {
            queues = readQueues(); // once, as the other keys are read once
        }
        return queues;
    }

    private List<JobQueueSettings> readQueues() {
        List<JobQueueSettings> queues = new ArrayList<>();
        for (String raw : queueNames) {
            String name = raw.trim();
            boolean first = queues.isEmpty();
            queues.add(new JobQueueSettings(name,
                queueValue(name, "concurrency", first ? 8 : 4),
                queueValue(name, "execution-duration", first ? 600 : 28800),
                Duration.ofDays(queueValue(name, "retention-days", first ? 7 : 30))));
        }
        return List.copyOf(queues);
    }

    private int queueValue(String queue, String key, int defaultValue) {
        return config.getOptionalValue("archive.uws.queue." + queue + "." + key, Integer.class).orElse(defaultValue);
    }

    public Optional<JobQueueSettings> queue(String name) {
        return queues().stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The cap on WAIT, and what WAIT=-1 means. */
    public int maxWaitSeconds() {
        return maxWaitSeconds;
    }

    /** Jobs of one owner ({@link JobOwner}) executing at once, across queues; more wait their turn. */
    public int maxExecutingPerUser() {
        return maxExecutingPerUser;
    }

    /** Jobs of one owner queued or executing; a run request beyond this ends the job in ERROR. */
    public int maxQueuedPerUser() {
        return maxQueuedPerUser;
    }

    /** PENDING jobs of one owner; creating another is refused. */
    public int maxPendingPerUser() {
        return maxPendingPerUser;
    }

    /**
     * Anonymous jobs executing at once, all networks together: each network has the per-owner limit, and this
     * keeps many networks from taking every slot of the queues from the authenticated users.
     */
    public int maxExecutingAnonymous() {
        return maxExecutingAnonymous;
    }

    /** Bytes of stored uploads and results per owner (for anonymous callers: per network). */
    public long quotaBytesPerUser() {
        return quotaBytesPerUser;
    }

    /** Bytes of stored uploads and results of all anonymous jobs together, so that many networks cannot fill the disk. */
    public long quotaBytesAnonymous() {
        return quotaBytesAnonymous;
    }

    /** How long a job may stay PENDING: it is destroyed then, whatever destruction time it asked for. */
    public Duration pendingLifetime() {
        return Duration.ofHours(pendingDestructionHours);
    }

    /** Jobs in one job list response at most (the most recent). */
    public int maxListed() {
        return maxListed;
    }

    public AnonymousJobs anonymousJobs() {
        return AnonymousJobs.valueOf(anonymousJobs.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /**
     * How often an idle queue's dispatcher looks for work unasked: notifications wake it sooner (a job queued, a
     * slot freed anywhere); this catches what a lost notification would leave waiting.
     */
    public Duration dispatchPoll() {
        return Duration.ofSeconds(Math.max(1, dispatchPollSeconds));
    }

    public int reaperIntervalSeconds() {
        return reaperIntervalSeconds;
    }
}
