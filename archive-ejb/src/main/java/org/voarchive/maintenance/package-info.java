/**
 * What each timer of the archive is set to and how its last run went, for /admin/maintenance.
 */
package org.voarchive.maintenance;
