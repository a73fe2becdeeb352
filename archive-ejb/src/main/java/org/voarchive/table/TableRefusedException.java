package org.voarchive.table;

/**
 * A table file that is unsafe or malformed: the caller's mistake, answered with a 400 (or the
 * protocol's equivalent) and the message, which says what was wrong.
 */
public final class TableRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TableRefusedException(String message) {
        super(message);
    }
}
