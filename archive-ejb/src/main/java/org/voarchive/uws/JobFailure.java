package org.voarchive.uws;

/** Why a job ended in ERROR, in words for its error summary. */
public class JobFailure extends Exception {

    private final ErrorType type;

    public JobFailure(ErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }
}
