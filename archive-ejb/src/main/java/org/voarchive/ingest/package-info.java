/**
 * Ingest of a table file into a published table: the UWS job behind /admin/ingest, the command behind
 * deploy/ingest, and the registration of what was loaded into the metadata.
 */
package org.voarchive.ingest;
