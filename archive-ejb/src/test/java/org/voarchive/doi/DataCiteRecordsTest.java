package org.voarchive.doi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.datalink.Link;
import org.voarchive.doi.xml.DataCiteResource;
import org.voarchive.metadata.Credits;

/** DataCite records from landing page data, against the kernel 4.5 schema. */
class DataCiteRecordsTest {

    private static final String XSD = "datacite/kernel-4.5/metadata.xsd";

    private static LandingPage page(List<Credits.Agent> creators, List<Link> links) {
        return new LandingPage("demo.plates", "table", "https://a.org/landing/demo.plates", "Plates & scans",
            "Photographic plates", "Long\ntext", "10.5072/x", "CC-BY-4.0", "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/", creators,
            List.of(new Credits.Contribution("DataCurator", new Credits.Agent("Archive team", "Organizational", null, null,
                null, List.of()))),
            List.of(new Credits.RelatedIdentifier("2101.00001", "arXiv", "IsDescribedBy", "Text")), "Demo site",
            LocalDate.of(2024, 5, 1), LocalDate.of(2025, 1, 2), links, "DR1", null, null);
    }

    @Test
    void aFullRecordIsValidAndCarriesTheDatalinkFacts() throws Exception {
        Credits.Agent jane = new Credits.Agent("Doe, Jane", "Personal", "Jane", "Doe", "https://orcid.org/0000-0002-1825-0097",
            List.of(new Credits.Affiliation("Example Observatory", "https://ror.org/05gq02987")));
        List<Link> links = List.of(
            new Link("demo.plates", "https://a.org/files/p.fits", null, null, "#this", "scan", "image/fits", 4096L, null, null),
            new Link("demo.plates", "https://a.org/files/p.png", null, null, "#preview", "preview", "image/png", 10L, null, null),
            Link.to("demo.plates", "https://a.org/landing/demo.plates", "#documentation", "landing", "text/html"),
            Link.to("demo.plates", "https://arxiv.org/abs/2101.00001", "#auxiliary", "related", null));
        byte[] xml = DataCiteRecords.record(page(List.of(jane), links)).toXml(false);
        assertEquals(List.of(), SchemaValidator.problems(XSD, xml, DataCiteResource.NAMESPACE, "resource"),
            new String(xml, StandardCharsets.UTF_8));
        String doc = new String(xml, StandardCharsets.UTF_8);
        for (String expected : List.of("<identifier identifierType=\"DOI\">10.5072/x</identifier>",
            "<creatorName nameType=\"Personal\">Doe, Jane</creatorName>",
            "affiliationIdentifier=\"https://ror.org/05gq02987\" affiliationIdentifierScheme=\"ROR\"",
            "<publicationYear>2024</publicationYear>", "<date dateType=\"Issued\">2024-05-01</date>",
            "<alternateIdentifier alternateIdentifierType=\"datalink\">demo.plates</alternateIdentifier>",
            "<alternateIdentifier alternateIdentifierType=\"DOI Landing Page\">https://a.org/landing/demo.plates",
            "<format>image/fits</format>", "<size>4096 bytes</size>",
            "relatedIdentifierType=\"URL\" relationType=\"HasPart\">https://a.org/files/p.fits",
            "relatedIdentifierType=\"arXiv\" relationType=\"IsDescribedBy\"",
            "rightsIdentifier=\"CC-BY-4.0\" rightsIdentifierScheme=\"SPDX\"", "Plates &amp; scans",
            "<subject>Astronomy</subject>", "<version>DR1</version>")) {
            assertTrue(doc.contains(expected), expected + " in " + doc);
        }
        assertFalse(doc.contains(">https://a.org/landing/demo.plates</relatedIdentifier>"), "no self relation");
        assertFalse(doc.contains("relatedIdentifierType=\"URL\" relationType=\"IsSupplementedBy\">https://arxiv.org"),
            "a related identifier is not repeated from its generated link");
    }

    @Test
    void withoutCuratedCreatorsThePublisherIsTheCreatorAndTheJsonCarriesTheXml() throws Exception {
        DataCiteResource r = DataCiteRecords.record(page(List.of(), List.of()));
        byte[] xml = r.toXml(false);
        assertEquals(List.of(), SchemaValidator.problems(XSD, xml, DataCiteResource.NAMESPACE, "resource"));
        assertTrue(new String(xml, StandardCharsets.UTF_8).contains(
            "<creatorName nameType=\"Organizational\">Demo site</creatorName>"));
        String json = DataCiteJson.of(r, DataCiteJson.landingUrl(r), null);
        assertTrue(json.startsWith("{\"data\":{\"type\":\"dois\",\"id\":\"10.5072/x\""), json);
        assertTrue(json.contains("\"url\":\"https://a.org/landing/demo.plates\"") && !json.contains("\"event\""), json);
        String encoded = json.replaceAll(".*\"xml\":\"([^\"]+)\".*", "$1");
        assertEquals(new String(xml, StandardCharsets.UTF_8), new String(Base64.getDecoder().decode(encoded),
            StandardCharsets.UTF_8));
    }
}
