package org.voarchive.uws;

import java.time.Duration;

/**
 * A named queue: how many of its jobs run at once, the longest execution it
 * allows (also a job's default), and how long jobs are kept by default.
 */
public record JobQueueSettings(String name, int concurrency, long maxExecutionSeconds, Duration retention) {

    public JobQueueSettings {
        if (concurrency < 1 || maxExecutionSeconds < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("queue " + name + ": concurrency, execution duration and retention "
                + "must be positive");
        }
    }
}
