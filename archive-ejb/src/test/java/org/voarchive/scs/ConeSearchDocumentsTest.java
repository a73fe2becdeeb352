package org.voarchive.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.dali.ErrorDocument;
import org.voarchive.scs.xml.ConeSearchCapability;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.ParamHttp;

/** The cone search's documents against the IVOA schemas. */
class ConeSearchDocumentsTest {

    private static final String VOTABLE = "http://www.ivoa.net/xml/VOTable/v1.3";

    private static byte[] capabilities(Float maxSR, ConeSearchCapability.Query test) {
        ConeSearchCapability cs = new ConeSearchCapability();
        cs.standardID = ConeSearchCapability.STANDARD_ID;
        ParamHttp http = ParamHttp.at("http://example.org/scs/cat/obj", "base");
        http.role = "std";
        http.version = "1.03";
        cs.interfaces.add(http);
        cs.maxSR = maxSR;
        cs.maxRecords = 1000L;
        cs.verbosity = true;
        cs.testQuery = test;
        Capabilities doc = new Capabilities();
        doc.capabilities.add(cs);
        return doc.toXml(ConeSearchCapability.class);
    }

    @Test
    void capabilitiesWithAndWithoutOptionalLimitsAreValid() throws Exception {
        for (byte[] doc : List.of(capabilities(null, null), capabilities(2.5f, new ConeSearchCapability.Query(10, -20, 0.01)))) {
            assertEquals(List.of(), SchemaValidator.problems(doc, Capabilities.VOSI_CAPABILITIES, "capabilities"),
                new String(doc, StandardCharsets.UTF_8));
        }
        String xml = new String(capabilities(2.5f, new ConeSearchCapability.Query(10, -20, 0.01)), StandardCharsets.UTF_8);
        assertTrue(xml.contains("xsi:type=\"cs:ConeSearch\""), xml);
        assertTrue(xml.contains("<maxSR>2.5</maxSR>"), xml);
    }

    @Test
    void errorDocumentsSayItTheScsAndTheDaliWay() throws Exception {
        String doc = ErrorDocument.voTable("DEC=91 is out of range & \"wrong\"", true);
        assertEquals(List.of(), SchemaValidator.problems(doc.getBytes(StandardCharsets.UTF_8), VOTABLE, "VOTABLE"), doc);
        assertTrue(doc.contains("<INFO name=\"Error\" value=\"DEC=91 is out of range &amp; &quot;wrong&quot;\"/>"), doc);
        assertTrue(doc.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), doc);
        String dali = ErrorDocument.voTable("x", false);
        assertEquals(List.of(), SchemaValidator.problems(dali.getBytes(StandardCharsets.UTF_8), VOTABLE, "VOTABLE"), dali);
        assertTrue(!dali.contains("name=\"Error\""), dali);
    }
}
