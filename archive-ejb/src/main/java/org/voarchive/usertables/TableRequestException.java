package org.voarchive.usertables;

/**
 * The one exception of the personal tables' protocol (VOSI user-managed tables, youcat's load, permissions and
 * table-update): an HTTP status and a message of one or two sentences saying what was wrong and where, answered
 * as {@code text/plain} by the web layer's one mapper. In a UWS job it ends the job in ERROR with the message.
 */
public final class TableRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public TableRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public TableRequestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status: 400, 401, 403, 404, 405, 409, 413, 415. */
    public int status() {
        return status;
    }
}
