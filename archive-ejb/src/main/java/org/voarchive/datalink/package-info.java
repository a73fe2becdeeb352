/**
 * Datalink: the {links} of archive objects, schemas and tables (stored rows
 * and rows generated from the metadata), loading stored rows (at once, or
 * previewed per ID and then applied as previewed: LoadDiff), the local
 * semantics vocabulary, and the archive's own files the rows point to. Who may
 * use a link is decided once, in {@link org.voarchive.datalink.LinkAccess}:
 * links to data, and the files behind them, at the data access level of their
 * table; citations at its metadata level.
 */
package org.voarchive.datalink;
