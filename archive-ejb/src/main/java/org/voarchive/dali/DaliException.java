package org.voarchive.dali;

/**
 * A request a DALI service cannot answer, with the HTTP status it gets: 400
 * for the caller's mistakes (the message says what to change), 500 and up for
 * faults of the service. Mapped once to a DALI error document by the web layer.
 */
public class DaliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public DaliException(int status, String message) {
        super(message);
        this.status = status;
    }

    public DaliException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The caller's mistake (HTTP 400). */
    public static DaliException badRequest(String message) {
        return new DaliException(400, message);
    }

    public int status() {
        return status;
    }

    public boolean clientError() {
        return status < 500;
    }
}
