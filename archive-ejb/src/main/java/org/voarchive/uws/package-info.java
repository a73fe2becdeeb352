/**
 * UWS 1.1 for any service with jobs: the job store, one request applied to a job in one transaction, the
 * queues and their fair scheduler, execution-duration limits, destruction, uploads within quotas, and recovery
 * after a restart.
 */
package org.voarchive.uws;
