package org.voarchive.fetch;

import java.time.Duration;
import java.util.List;

/**
 * The operator's bounds on fetching callers' URLs.
 *
 * @param allowedUrlPrefixes URLs starting with one of these (see {@link AllowedPrefixes}) may go to any address
 * @param connectTimeout     for each TCP connection
 * @param deadline           for the whole fetch: DNS lookups, connections, redirects, headers and body
 * @param minBodyBytes       a body that delivers fewer bytes in any {@code rateWindow} is abandoned
 * @param rateWindow         the period the minimum body rate is measured over
 */
public record FetchSettings(List<String> allowedUrlPrefixes, Duration connectTimeout, Duration deadline,
                            long minBodyBytes, Duration rateWindow) {

    public FetchSettings {
        allowedUrlPrefixes = List.copyOf(allowedUrlPrefixes);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || deadline.isNegative() || deadline.isZero()
                || rateWindow.isNegative() || rateWindow.isZero() || minBodyBytes < 0) {
            throw new IllegalArgumentException("fetch timeouts and windows must be positive, the minimum rate not negative");
        }
    }
}
