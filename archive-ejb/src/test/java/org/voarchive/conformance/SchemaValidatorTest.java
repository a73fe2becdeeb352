package org.voarchive.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator itself must tell valid from invalid, or every test built on it proves nothing. */
class SchemaValidatorTest {

    private static final String VOSI = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(SchemaValidator.conformanceDir().resolve("xsd/samples").resolve(name));
    }

    @Test
    void acceptsTheValidAvailabilitySample() throws Exception {
        assertEquals(List.of(), SchemaValidator.problems(sample("valid/vosi-availability.xml"), VOSI, "availability"));
    }

    @Test
    void rejectsAnInvalidDocument() throws Exception {
        byte[] doc = ("<vosi:availability xmlns:vosi=\"" + VOSI + "\"><vosi:available>maybe</vosi:available>"
            + "</vosi:availability>").getBytes();
        assertFalse(SchemaValidator.problems(doc, VOSI, "availability").isEmpty());
    }

    @Test
    void rejectsAValidDocumentWithTheWrongRoot() throws Exception {
        assertFalse(SchemaValidator.problems(sample("valid/vosi-availability.xml"), VOSI, "capabilities").isEmpty());
    }
}
