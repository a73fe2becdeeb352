package org.voarchive.doi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.doi.xml.DataCiteResource;

/** The server's DataCite validation (packaged schema) agrees with the conformance folder's, on good and bad records. */
class DataCiteValidationTest {

    private static final String XSD = "datacite/kernel-4.5/metadata.xsd";

    private static byte[] record() {
        LandingPage page = new LandingPage("demo.plates", "table", "https://a.org/landing/demo.plates", "Plates",
            "Photographic plates", null, "10.5072/x", null, null, null, List.of(), List.of(), List.of(), "Demo site",
            LocalDate.of(2024, 5, 1), null, List.of(), null, null, null);
        return DataCiteRecords.record(page).toXml(false);
    }

    @Test
    void aRecordOfTheArchiveIsValid() throws Exception {
        byte[] xml = record();
        assertEquals(List.of(), SchemaValidator.problems(XSD, xml, DataCiteResource.NAMESPACE, "resource"));
        assertEquals(List.of(), DataCiteValidation.problems(xml), new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void aRecordWithoutPublisherOrWithAnUnknownResourceTypeIsNot() throws Exception {
        String xml = new String(record(), StandardCharsets.UTF_8);
        String noPublisher = xml.replaceAll("<publisher[^>]*>[^<]*</publisher>", "");
        assertFalse(noPublisher.equals(xml), xml);
        List<String> problems = DataCiteValidation.problems(noPublisher.getBytes(StandardCharsets.UTF_8));
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).contains("publisher"), problems.toString());
        assertFalse(SchemaValidator.problems(XSD, noPublisher.getBytes(StandardCharsets.UTF_8), DataCiteResource.NAMESPACE,
            "resource").isEmpty());
        String badType = xml.replace("resourceTypeGeneral=\"Dataset\"", "resourceTypeGeneral=\"Spaceship\"");
        assertFalse(badType.equals(xml));
        assertTrue(DataCiteValidation.problems(badType.getBytes(StandardCharsets.UTF_8)).toString().contains("Spaceship"));
    }

    @Test
    void aDocumentWithADoctypeOrThatIsNoXmlIsRefusedWithItsReason() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>";
        List<String> problems = DataCiteValidation.problems(doctype.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("DOCTYPE"), problems.toString());
        assertFalse(DataCiteValidation.problems("not xml".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
