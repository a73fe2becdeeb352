package org.voarchive.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one limit on guessing credentials: failed passwords, personal tokens and session cookies count
 * alike, per user name (when the request names one) and per client address ({@link FailedLogins} each).
 * A blocked name or address is refused before anything is looked up or hashed. Each key's default is
 * written at its injection point, the one place it is read.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    @ConfigProperty(name = "archive.auth.failures.window-seconds", defaultValue = "60")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "archive.auth.failures.max-per-user", defaultValue = "10")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "archive.auth.failures.max-per-address", defaultValue = "50")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "archive.auth.failures.block-seconds", defaultValue = "300")
    int blockSeconds;

    private FailedLogins userFailures;
    private FailedLogins addressFailures;

    @PostConstruct
    void start() {
        Clock clock = Clock.systemUTC();
        Duration window = Duration.ofSeconds(windowSeconds);
        Duration block = Duration.ofSeconds(blockSeconds);
        userFailures = new FailedLogins(maxPerUser, window, block, clock);
        addressFailures = new FailedLogins(maxPerAddress, window, block, clock);
    }

    /**
     * Seconds until the user name (null: the request names none, as with a Bearer token or a session
     * cookie) or the address may try again, or empty if neither is blocked.
     */
    public OptionalLong blockedSeconds(String user, String address) {
        OptionalLong byAddress = addressFailures.blockedSeconds(address);
        if (user == null) {
            return byAddress;
        }
        OptionalLong byUser = userFailures.blockedSeconds(user);
        if (byUser.isEmpty()) {
            return byAddress;
        }
        return byAddress.isEmpty() ? byUser : OptionalLong.of(Math.max(byUser.getAsLong(), byAddress.getAsLong()));
    }

    /** Counts a failure against the user name (if any) and the address. */
    public void failed(String user, String address) {
        if (user != null) {
            userFailures.failed(user);
        }
        addressFailures.failed(address);
    }
}
