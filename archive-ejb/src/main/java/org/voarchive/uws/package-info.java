/**
 * UWS 1.1 for any service with jobs: the job store, one request applied to a job in one transaction, the
 * queues in the job table shared by every node of a cluster (claims in which owners take turns, limits that hold
 * across nodes), execution-duration limits, destruction, uploads within quotas, and jobs that run again when
 * their node died or stopped.
 */
package org.voarchive.uws;
