package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;

@Tag("smoke")
class AvailabilityIT {

    static final String VOSI = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";

    @Test
    void tapAvailabilityIsAValidVosiDocumentSayingAvailable() throws Exception {
        HttpResponse<byte[]> response = Archive.get("/tap/availability");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"),
            response.headers().toString());
        assertEquals(List.of(), SchemaValidator.problems(response.body(), VOSI, "availability"));
        String xml = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<vosi:available>true</vosi:available>"), xml);
        assertTrue(xml.contains("<vosi:upSince>"), xml);
        assertTrue(xml.contains("pg_sphere"), xml);
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertEquals(404, Archive.get("/tap/no-such-endpoint").statusCode());
    }
}
