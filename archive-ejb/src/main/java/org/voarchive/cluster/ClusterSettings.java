package org.voarchive.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Placeholder until WP1's so-signatures (taken from there at the merge). */
@ApplicationScoped
public class ClusterSettings {

    @Inject
    @ConfigProperty(name = "archive.cluster.node-name", defaultValue = "node")
    String nodeName;

    @Inject
    @ConfigProperty(name = "archive.cluster.heartbeat-seconds", defaultValue = "2")
    int heartbeatSeconds;

    public String nodeName() {
        return nodeName;
    }

    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }
}
