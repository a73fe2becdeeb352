package org.voarchive.metadata;

import jakarta.ejb.ApplicationException;

/** Someone else changed the object since the editor read it (optimistic locking). */
// an application exception: it reaches the caller as itself (not wrapped by the container, even from a
// nested bean) and still rolls the transaction back, so an import stays all or nothing
@ApplicationException(rollback = true)
public class VersionConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int currentVersion;

    public VersionConflict(String what, int currentVersion) {
        super(what + " was changed by someone else (now at version " + currentVersion + "); reload and edit again");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
