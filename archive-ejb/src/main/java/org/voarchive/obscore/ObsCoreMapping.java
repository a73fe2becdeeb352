package org.voarchive.obscore;

import java.util.Map;

/**
 * The admin API's mapping of one published table to ObsCore (archive.obscore_mappings, V24).
 *
 * @param schema  the mapped table's schema (from the path; read-only)
 * @param table   the mapped table's name (from the path; read-only)
 * @param columns ObsCore column name -> where its values come from; columns left out are NULL
 * @param version the version read, for optimistic locking; absent for a new mapping
 */
public record ObsCoreMapping(String schema, String table, Map<String, ObsCoreSource> columns, Integer version) {
}
