package org.voarchive.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.dali.DaliException;
import org.voarchive.doi.xml.DataCiteResource;

/**
 * Registers a record with the DataCite REST API (PUT /dois/{doi}, which
 * creates or updates): an optional step, enabled by configuring a repository.
 * Without a configured event the DOI stays a draft; the test API is the default endpoint.
 */
@ApplicationScoped
public class DataCiteRegistration {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).build();

    @Inject
    @ConfigProperty(name = "archive.datacite.api-url", defaultValue = "https://api.test.datacite.org")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "archive.datacite.repository-id")
    Optional<String> repository;

    @Inject
    @ConfigProperty(name = "archive.datacite.password")
    Optional<String> password;

    /** draft (no event), register or publish. */
    @Inject
    @ConfigProperty(name = "archive.datacite.event", defaultValue = "draft")
    String event;

    /** What DataCite answered. */
    public record Outcome(int status, String body) {
    }

    /**
     * @throws DaliException 409 if registration is not configured, 502 if DataCite cannot be reached
     */
    public Outcome register(DataCiteResource record) throws DaliException {
        if (repository.isEmpty() || repository.get().isBlank() || password.isEmpty()) {
            throw new DaliException(409, "DataCite registration is not configured: set archive.datacite.repository-id"
                + " and archive.datacite.password (and archive.datacite.api-url for the production API)");
        }
        String body = DataCiteJson.of(record, DataCiteJson.landingUrl(record), "draft".equals(event) ? null : event);
        String auth = Base64.getEncoder().encodeToString((repository.get() + ":" + password.get())
            .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl.replaceAll("/+$", "") + "/dois/"
                + record.identifier.value))
            .timeout(Duration.ofMinutes(1)).header("Content-Type", "application/vnd.api+json")
            .header("Authorization", "Basic " + auth).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new DaliException(502, "DataCite at " + apiUrl + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaliException(503, "interrupted while registering with DataCite");
        }
    }
}
