package org.voarchive.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The operator's settings of this node in its cluster (keys archive.cluster.*, environment ARCHIVE_CLUSTER_*), the
 * one place each is read. Every node of a cluster must share every other archive.* setting.
 */
@ApplicationScoped
public class ClusterSettings {

    /**
     * The transaction-scoped advisory lock a node holds while it claims jobs (uws.JobStore#claim), so that the
     * count of an owner's executing jobs and the claim are one step across the cluster. Any fixed number no other
     * part of the archive uses; this one spells "uwsclaim" in ASCII.
     */
    public static final long CLAIM_LOCK = 0x757773636c61696dL;

    @Inject
    Config config;

    /** Unique per node and stable across its restarts: a restart takes over its previous incarnation's jobs at once. */
    public String nodeName() {
        return config.getOptionalValue("archive.cluster.node-name", String.class).map(String::trim)
            .filter(s -> !s.isEmpty()).orElseGet(ClusterSettings::hostName);
    }

    /** How often the node renews its lease and looks for the jobs of dead nodes. */
    public Duration heartbeat() {
        return Duration.ofSeconds(positive("archive.cluster.heartbeat-seconds", 2));
    }

    /** The silence after which a node is dead and its jobs run again elsewhere; several heartbeats. */
    public Duration lease() {
        return Duration.ofSeconds(positive("archive.cluster.lease-seconds", 10));
    }

    private int positive(String key, int defaultValue) {
        int value = config.getOptionalValue(key, Integer.class).orElse(defaultValue);
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be a positive number of seconds, not " + value);
        }
        return value;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // the name the kernel has, as the environment of a container usually says it
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "archive" : name;
        }
    }
}
