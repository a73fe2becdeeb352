package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.fetch.FetchSettings;
import org.voarchive.fetch.PublicUrlFetcher;

/**
 * The operator's settings for {@code UPLOAD=name,http(s)://...}: which URL
 * prefixes may reach non-public addresses (none by default; a deployment lists
 * its own {@code /tap/} to let clients upload its results), and the time a
 * fetch may take. Each key's default is written here, the one place it is read.
 */
@ApplicationScoped
public class UploadFetchSettings {

    @Inject
    @ConfigProperty(name = "archive.tap.upload.allowed-url-prefixes")
    Optional<String> allowedUrlPrefixes;

    @Inject
    @ConfigProperty(name = "archive.tap.upload.fetch-timeout-seconds", defaultValue = "60")
    int fetchTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "archive.tap.upload.connect-timeout-seconds", defaultValue = "10")
    int connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "archive.tap.upload.min-rate-bytes", defaultValue = "10240")
    long minRateBytes;

    @Inject
    @ConfigProperty(name = "archive.tap.upload.min-rate-window-seconds", defaultValue = "10")
    int minRateWindowSeconds;

    private volatile PublicUrlFetcher fetcher;

    /** @throws IllegalArgumentException if an allowed prefix is no http(s) URL with a host */
    PublicUrlFetcher fetcher() {
        PublicUrlFetcher f = fetcher;
        if (f == null) {
            f = new PublicUrlFetcher(new FetchSettings(
                Arrays.stream(allowedUrlPrefixes.orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(fetchTimeoutSeconds),
                minRateBytes, Duration.ofSeconds(minRateWindowSeconds)));
            fetcher = f;
        }
        return f;
    }
}
