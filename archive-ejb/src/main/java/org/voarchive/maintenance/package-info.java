/**
 * The archive's scheduled tasks, each run once per cluster (a node's timer tick claims it in
 * archive.cluster_tasks), what each is set to and how its last runs went, for /admin/maintenance.
 */
package org.voarchive.maintenance;
