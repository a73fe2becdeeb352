/**
 * The nodes of a cluster: who is alive, what each may run, the notifications between them. Nodes coordinate
 * through PostgreSQL only (leases in {@code archive.cluster_nodes}, LISTEN/NOTIFY); a single server is a cluster
 * of one.
 */
package org.voarchive.cluster;
