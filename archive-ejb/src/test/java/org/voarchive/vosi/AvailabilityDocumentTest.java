package org.voarchive.vosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.vosi.xml.Availability;

class AvailabilityDocumentTest {

    private static byte[] marshal(Availability availability) throws Exception {
        Marshaller m = JAXBContext.newInstance(Availability.class).createMarshaller();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.marshal(availability, out);
        return out.toByteArray();
    }

    @Test
    void availableDocumentIsValidVosi() throws Exception {
        byte[] doc = marshal(new Availability(true, Instant.parse("2026-11-25T01:02:03.456Z"), List.of("all well")));
        assertEquals(List.of(), SchemaValidator.problems(doc, Availability.NAMESPACE, "availability"));
        String xml = new String(doc, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<vosi:upSince>2026-11-25T01:02:03Z</vosi:upSince>"), xml);
        assertTrue(xml.contains("<vosi:available>true</vosi:available>"), xml);
    }

    @Test
    void unavailableDocumentIsValidVosiWithNotesAndNoUpSince() throws Exception {
        byte[] doc = marshal(new Availability(false, null, List.of("database down", "second note")));
        assertEquals(List.of(), SchemaValidator.problems(doc, Availability.NAMESPACE, "availability"));
        String xml = new String(doc, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<vosi:available>false</vosi:available>"), xml);
        assertTrue(!xml.contains("upSince"), xml);
        assertTrue(xml.indexOf("database down") < xml.indexOf("second note"), xml);
    }
}
