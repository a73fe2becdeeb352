package org.voarchive.fetch;

import java.net.SocketTimeoutException;

/**
 * The clock of one fetch: its overall deadline, and once the body starts, the
 * minimum rate (at least {@code minBytes} in each consecutive window). Reads
 * block no longer than the moment the fetch would fail anyway, so a socket
 * timeout always ends the fetch and never leaves a TLS stream half-read.
 */
final class Pace {

    private final long deadline;
    private final long minBytes;
    private final long window;
    private boolean body;
    private long windowEnd;
    private long windowBytes;

    Pace(FetchSettings settings) {
        this.deadline = System.nanoTime() + settings.deadline().toNanos();
        this.minBytes = settings.minBodyBytes();
        this.window = settings.rateWindow().toNanos();
    }

    /** From now on the minimum rate applies. */
    void bodyStarts() {
        body = true;
        windowEnd = System.nanoTime() + window;
        windowBytes = 0;
    }

    /** The longest a read may block now, in milliseconds (at least 1). */
    int readTimeoutMillis() throws FetchException {
        long now = check(0);
        long failsAt = deadline;
        if (body) {
            failsAt = Math.min(failsAt, windowBytes >= minBytes ? windowEnd + window : windowEnd);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (failsAt - now + 999_999) / 1_000_000));
    }

    /** The remaining time for a connection attempt, at most {@code limitMillis}. */
    int connectTimeoutMillis(long limitMillis) throws FetchException {
        long now = check(0);
        return (int) Math.max(1, Math.min(limitMillis, (deadline - now) / 1_000_000));
    }

    /** Counts bytes that arrived; fails if the deadline or a window's minimum has passed. */
    long check(long bytes) throws FetchException {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            throw new FetchException("the fetch took longer than its deadline");
        }
        if (body) {
            while (now - windowEnd >= 0) {
                if (windowBytes < minBytes) {
                    throw new FetchException("the body arrived slower than " + minBytes + " bytes a window");
                }
                windowEnd += window;
                windowBytes = 0;
            }
            windowBytes += bytes;
        }
        return now;
    }

    /** A read that timed out: the deadline or the rate has failed. */
    FetchException timedOut(SocketTimeoutException e) {
        try {
            check(0);
        } catch (FetchException failed) {
            failed.initCause(e);
            return failed;
        }
        return new FetchException("a read timed out", e);
    }
}
