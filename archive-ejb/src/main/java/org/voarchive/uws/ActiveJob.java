package org.voarchive.uws;

import java.time.Instant;

/**
 * A job waiting in its queue or executing, as the back office's operations page lists it: its owner (a user, or
 * for an anonymous job the network it was created from, as the job limits count it), never its parameters.
 *
 * @param ownerId   the user, or null for an anonymous job
 * @param network   an anonymous job's client network ({@link JobOwner}), or null
 * @param startTime null while it is QUEUED
 * @param node      the name of the node executing it (archive.cluster.node-name), or null while it waits to start
 *                  or to run again after its node died
 */
public record ActiveJob(String id, String jobList, String queue, ExecutionPhase phase, String runId, String ownerId,
                        String network, Instant creationTime, Instant startTime, long executionDuration,
                        String node) {

    /** The name part of a node id ({@code <name>/<incarnation>}, cluster.NodeLeases), or null. */
    static String nodeName(String nodeId) {
        int slash = nodeId == null ? -1 : nodeId.lastIndexOf('/');
        return slash < 0 ? nodeId : nodeId.substring(0, slash);
    }
}
