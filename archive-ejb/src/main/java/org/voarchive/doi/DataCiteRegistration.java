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

    /** What registration does: draft, register or publish (findable), as configured. */
    public String event() {
        return event;
    }

    /** Whether a DataCite repository and its password are configured. */
    public boolean configured() {
        return repository.isPresent() && !repository.get().isBlank() && password.isPresent();
    }

    /**
     * @throws DaliException 409 if registration is not configured, 502 if DataCite cannot be reached
     */
    public Outcome register(DataCiteResource record) throws DaliException {
        String body = DataCiteJson.of(record, DataCiteJson.landingUrl(record), "draft".equals(event) ? null : event);
        return send(request(record.identifier.value).timeout(Duration.ofMinutes(1))
            .header("Content-Type", "application/vnd.api+json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * What DataCite has of a DOI (GET /dois/{doi}): 200 with its state (draft, registered, findable) in
     * data.attributes.state, 404 if it has none.
     *
     * @throws DaliException 409 if registration is not configured, 502 if DataCite cannot be reached
     */
    public Outcome lookup(String doi) throws DaliException {
        return send(request(doi).timeout(Duration.ofSeconds(20)).header("Accept", "application/vnd.api+json").GET().build());
    }

    private HttpRequest.Builder request(String doi) throws DaliException {
        if (!configured()) {
            throw new DaliException(409, "DataCite registration is not configured: set archive.datacite.repository-id"
                + " and archive.datacite.password (and archive.datacite.api-url for the production API)");
        }
        String auth = Base64.getEncoder().encodeToString((repository.get() + ":" + password.get())
            .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(apiUrl.replaceAll("/+$", "") + "/dois/" + doi))
            .header("Authorization", "Basic " + auth);
    }

    private Outcome send(HttpRequest request) throws DaliException {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            // a refused connection has no message: its kind says what happened
            throw new DaliException(502, "DataCite at " + apiUrl + " cannot be reached: "
                + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaliException(503, "interrupted while registering with DataCite");
        }
    }
}
