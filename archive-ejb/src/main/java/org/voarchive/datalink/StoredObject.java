package org.voarchive.datalink;

import java.time.OffsetDateTime;

/**
 * An object as its stored rows (archive.datalinks) describe it, all its rows counted, whether the caller may see
 * them or not: what a landing page says of an object that has no metadata of its own.
 *
 * @param firstLoaded when its first row was loaded
 * @param lastLoaded  when its last row was loaded (or replaced)
 * @param table       the table its rows belong to (the first by name, if several), or null
 */
public record StoredObject(OffsetDateTime firstLoaded, OffsetDateTime lastLoaded, String table) {
}
