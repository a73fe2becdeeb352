package org.voarchive.metadata;

/** Someone else changed the object since the editor read it (optimistic locking). */
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
