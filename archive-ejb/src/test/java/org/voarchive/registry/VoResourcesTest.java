package org.voarchive.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.site.SiteIdentity;

/** Registry records (ri:Resource, as OAI-PMH's ivo_vor carries them) against the VOResource schemas. */
class VoResourcesTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private static VoResources resources() {
        VoResources r = new VoResources();
        r.site = new SiteIdentity() {
            @Override
            public String name() {
                return "Test archive";
            }

            @Override
            public String publisher() {
                return "Test publisher";
            }

            @Override
            public String contactName() {
                return "Operations";
            }

            @Override
            public String contactEmail() {
                return "ops@archive.example";
            }

            @Override
            public String authority() {
                return "ivo://archive.example";
            }

            @Override
            public String baseUrl() {
                return "https://archive.example";
            }
        };
        return r;
    }

    private static String record(VoResource resource) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        resources().write(w, resource, new PublishedMetadata(List.of()), 100);
        w.writeEndDocument();
        w.close();
        byte[] xml = out.toByteArray();
        assertEquals(List.of(), SchemaValidator.problems(xml, VoResources.RI, "Resource"), new String(xml, StandardCharsets.UTF_8));
        return new String(xml, StandardCharsets.UTF_8);
    }

    @Test
    void aResourceWithADoiHasItAsADoiUriAltIdentifierAfterItsIdentifier() throws Exception {
        String xml = record(new VoResource("ivo://archive.example/scs/demo/plates", "vs:CatalogService", "Cone search",
            "Plates", "https://archive.example/landing/demo.plates", T, T, "10.5072/voarchive.demo.plates"));
        assertTrue(xml.contains("<identifier>ivo://archive.example/scs/demo/plates</identifier>"
            + "<altIdentifier>doi:10.5072/voarchive.demo.plates</altIdentifier><curation>"), xml);
        String without = record(new VoResource("ivo://archive.example", "vg:Authority", "Authority", "Names",
            "https://archive.example/", T, T));
        assertFalse(without.contains("altIdentifier"), without);
    }

    @Test
    void handWrittenInterfacesDeclareAnonymousAndBasicAccess() throws Exception {
        // VOResource allows one securityMethod per interface: one interface without (anonymous), one with Basic
        String web = record(new VoResource("ivo://archive.example/web", "vr:Service", "Web", "Pages",
            "https://archive.example/", T, T));
        String page = "<interface xsi:type=\"vr:WebBrowser\"><accessURL use=\"full\">https://archive.example/</accessURL>";
        assertTrue(web.contains("<capability>" + page + "</interface>" + page
            + "<securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/></interface></capability>"), web);
        String registry = record(new VoResource("ivo://archive.example/registry", "vg:Registry", "Registry", "OAI-PMH",
            "https://archive.example/", T, T));
        String oai = "<interface role=\"std\" version=\"1.0\" xsi:type=\"vg:OAIHTTP\">"
            + "<accessURL use=\"base\">https://archive.example/oai</accessURL>";
        assertTrue(registry.contains(oai + "</interface>" + oai
            + "<securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/></interface><maxRecords>"), registry);
    }
}
