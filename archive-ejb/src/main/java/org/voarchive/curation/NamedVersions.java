package org.voarchive.curation;

import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/**
 * The optimistic locking of what the admin API adds, replaces and removes by name (functions, examples):
 * an addition names no version, a replacement and a removal name the version they read.
 */
final class NamedVersions {

    private NamedVersions() {
    }

    /**
     * @param current the stored version, null if there is nothing of that name
     * @param given   the version the edit read, null for an addition
     */
    static void checkPut(String kind, String name, Integer current, Integer given) {
        if (current != null && given == null) {
            throw new InvalidField("version", "the " + kind + " exists: give the version read to replace it");
        }
        if (current != null && !current.equals(given)) {
            throw new VersionConflict(kind + " " + name, current);
        }
        if (current == null && given != null) {
            throw new VersionConflict(kind + " " + name + " (removed meanwhile)", -1);
        }
    }

    /**
     * @param current the stored version, null if there is nothing of that name
     * @return false if there is nothing to remove
     */
    static boolean checkDelete(String kind, String name, Integer current, Integer given) {
        if (given == null) {
            throw new InvalidField("version", "the version read is required (?version=)");
        }
        if (current == null) {
            return false;
        }
        if (!current.equals(given)) {
            throw new VersionConflict(kind + " " + name, current);
        }
        return true;
    }
}
