package org.voarchive.fetch;

import java.io.IOException;

/**
 * Why a caller's URL could not be fetched (refused address, DNS, connection,
 * timeout, status, not HTTP). The message is for the server log only: it
 * tells open, closed and refused targets apart, which a client must not learn.
 * An {@link IOException}, because it also ends a body read part-way.
 */
public class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    public FetchException(String reason) {
        super(reason);
    }

    public FetchException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
