package org.voarchive.datalink;

import java.util.Set;
import org.voarchive.metadata.PublishedMetadata;

/**
 * Who may use a stored link (archive.datalinks). A row that belongs to a table
 * (table_name) gives access to that table's data (its scans, previews,
 * calibration frames, cutout services ...), so it follows the table's DATA
 * access level: a caller who may not query the table's rows gets neither the
 * row nor the file it points to. Only the rows that cite the object (its DOI,
 * a documentation page elsewhere) follow the METADATA level, as the table's
 * own DOI and landing page do: they say that the object exists, which the
 * table's visible metadata says already, and give nothing of its data.
 * Unknown or custom semantics count as data: the safe default.
 *
 * <p>A row without table_name is public: the operator loaded it as such.
 */
final class LinkAccess {

    /** Semantics (as stored) of the rows that cite an object rather than give its data. */
    static final Set<String> CITATIONS = Set.of("#doi", "#documentation");

    private LinkAccess() {
    }

    /**
     * A row that stays at the metadata level: a citation whose URL is not one of the archive's files (a file
     * is data, whatever the row calls it, and is served at the data level only).
     */
    static boolean citation(String semantics, String accessUrl) {
        return CITATIONS.contains(semantics) && accessUrl != null && !ArchiveFiles.isArchiveFile(accessUrl);
    }

    /**
     * @param table     the row's table_name, or null
     * @param semantics as stored ({@code #term} or a full URI)
     * @param metadata  what the caller may see
     * @return whether {links} shows the row to the caller
     */
    static boolean shown(String table, String semantics, String accessUrl, PublishedMetadata metadata) {
        if (table == null) {
            return true;
        }
        return metadata.table(table).map(t -> t.queryable() || citation(semantics, accessUrl)).orElse(false);
    }

    /** Whether a row of {@code table} (null: of no table) gives the caller the data it points to. */
    static boolean dataReadable(String table, PublishedMetadata metadata) {
        return table == null || metadata.table(table).map(PublishedMetadata.Table::queryable).orElse(false);
    }
}
