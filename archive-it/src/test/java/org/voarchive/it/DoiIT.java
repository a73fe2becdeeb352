package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.voarchive.conformance.SchemaValidator;

/**
 * DataCite records of the demo table and plates (kernel 4.5, schema-valid,
 * facts from the metadata and the datalinks), as JSON for the REST API, and
 * registration: the archive PUTs the record to the configured DataCite API,
 * here a local HTTP server standing in for it (deploy/test points
 * ARCHIVE_DATACITE_API_URL there).
 */
class DoiIT {

    private static final String XSD = "datacite/kernel-4.5/metadata.xsd";
    private static final String NS = "http://datacite.org/schema/kernel-4";

    @RegisterExtension
    static final TestUsers USERS = new TestUsers().add("it-doi-admin", "it-doi-secret", "admin");

    private static String get(String path) throws Exception {
        HttpResponse<byte[]> r = Archive.get(path);
        assertEquals(200, r.statusCode(), path);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void recordsAreValidDataCiteWithTheDatalinkFacts() throws Exception {
        for (String id : List.of("demo.plates", "P0001")) {
            HttpResponse<byte[]> r = Archive.get("/doi/datacite/" + id);
            assertEquals(200, r.statusCode());
            assertEquals(List.of(), SchemaValidator.problems(XSD, r.body(), NS, "resource"), id);
        }
        String table = get("/doi/datacite/demo.plates");
        assertTrue(table.contains("<identifier identifierType=\"DOI\">10.5072/voarchive.demo.plates</identifier>"), table);
        assertTrue(table.contains("alternateIdentifierType=\"DOI Landing Page\">") && table.contains("/landing/demo.plates<"));
        String plate = get("/doi/datacite/P0001");
        assertTrue(plate.contains("<format>image/fits</format>") && plate.matches("(?s).*<size>\\d+ bytes</size>.*"), plate);
        assertTrue(plate.contains("relationType=\"HasPart\">") && plate.contains("/files/demo/plates/P0001.fits<"), plate);
        assertTrue(plate.contains("alternateIdentifierType=\"datalink\">P0001<"), plate);
        String json = get("/doi/datacite/P0001?format=json");
        String xml = json.replaceAll(".*\"xml\":\"([^\"]+)\".*", "$1");
        assertEquals(plate, new String(Base64.getDecoder().decode(xml), StandardCharsets.UTF_8), "the JSON carries the XML");
        assertEquals(404, Archive.get("/doi/datacite/demo.bsc5").statusCode(), "no DOI");
        assertEquals(404, Archive.get("/doi/datacite/nothing").statusCode());
    }

    @Test
    void registrationPutsTheRecordToTheConfiguredDataCiteApi() throws Exception {
        URI api = URI.create(Archive.env("ARCHIVE_DATACITE_API_URL"));
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer datacite = HttpServer.create(new InetSocketAddress("localhost", api.getPort()), 0);
        datacite.createContext("/", exchange -> {
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"data\":{\"id\":\"10.5072/voarchive.demo.plates.P0002\",\"attributes\":{\"state\":\"draft\"}}}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        datacite.start();
        try {
            HttpResponse<String> r = Archive.send("POST", "/admin/doi/register?ID=P0002", null, "it-doi-admin", "it-doi-secret");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"dataciteStatus\":201"), r.body());
            String[] request = received.get().split("\n", 3);
            assertEquals("PUT /dois/10.5072/voarchive.demo.plates.P0002", request[0]);
            String credentials = Archive.env("ARCHIVE_DATACITE_REPOSITORY_ID") + ":" + Archive.env("ARCHIVE_DATACITE_PASSWORD");
            assertEquals("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)), request[1]);
            assertTrue(request[2].contains("\"type\":\"dois\"") && !request[2].contains("\"event\""), "a draft: " + request[2]);
            assertEquals(401, Archive.send("POST", "/admin/doi/register?ID=P0002", null, null, null).statusCode());
            assertEquals(404, Archive.send("POST", "/admin/doi/register?ID=demo.bsc5", null, "it-doi-admin", "it-doi-secret")
                .statusCode());
        } finally {
            datacite.stop(0);
        }
    }
}
