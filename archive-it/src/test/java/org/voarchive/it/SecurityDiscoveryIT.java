package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * How clients find out how to log in: every interface in the capabilities is there for anonymous callers
 * (no securityMethod) and for HTTP Basic (securityMethod ivo://ivoa.net/sso#BasicAA, SSO 2.0), one
 * method per interface as VOResource allows; registry records of resources with a DOI carry it as
 * altIdentifier doi:...; and a 401 names the Basic realm.
 */
class SecurityDiscoveryIT {

    private static final String VOSI = "http://www.ivoa.net/xml/VOSICapabilities/v1.0";
    private static final String BASIC_AA = "ivo://ivoa.net/sso#BasicAA";

    /** The capabilities document at that path, valid; for each capability, each access URL's security methods. */
    private static Map<String, Map<String, List<String>>> securityMethods(String path) throws Exception {
        HttpResponse<byte[]> r = Archive.get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(List.of(), SchemaValidator.problems(r.body(), VOSI, "capabilities"), path);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        Map<String, Map<String, List<String>>> byCapability = new LinkedHashMap<>();
        NodeList capabilities = doc.getElementsByTagName("capability");
        for (int c = 0; c < capabilities.getLength(); c++) {
            Element capability = (Element) capabilities.item(c);
            Map<String, List<String>> byUrl = byCapability.computeIfAbsent(capability.getAttribute("standardID"),
                k -> new LinkedHashMap<>());
            NodeList interfaces = capability.getElementsByTagName("interface");
            for (int i = 0; i < interfaces.getLength(); i++) {
                Element in = (Element) interfaces.item(i);
                String url = in.getElementsByTagName("accessURL").item(0).getTextContent().strip();
                NodeList methods = in.getElementsByTagName("securityMethod");
                assertTrue(methods.getLength() <= 1, "one securityMethod per interface in " + path);
                byUrl.computeIfAbsent(url, k -> new ArrayList<>())
                    .add(methods.getLength() == 0 ? "anonymous" : ((Element) methods.item(0)).getAttribute("standardID"));
            }
        }
        return byCapability;
    }

    private static void assertAnonymousAndBasicEverywhere(String path, String mainStandard) throws Exception {
        Map<String, Map<String, List<String>>> all = securityMethods(path);
        assertTrue(all.containsKey(mainStandard), path + ": " + all);
        for (Map.Entry<String, Map<String, List<String>>> capability : all.entrySet()) {
            assertFalse(capability.getValue().isEmpty(), path + " " + capability.getKey());
            for (Map.Entry<String, List<String>> url : capability.getValue().entrySet()) {
                assertEquals(List.of("anonymous", BASIC_AA), url.getValue(),
                    path + " " + capability.getKey() + " " + url.getKey());
            }
        }
    }

    @Test
    void everyInterfaceOfEveryServiceTakesAnonymousCallersAndHttpBasic() throws Exception {
        assertAnonymousAndBasicEverywhere("/tap/capabilities", "ivo://ivoa.net/std/TAP");
        assertAnonymousAndBasicEverywhere("/scs/demo/kstars/capabilities", "ivo://ivoa.net/std/ConeSearch");
        assertAnonymousAndBasicEverywhere("/datalink/capabilities", "ivo://ivoa.net/std/DataLink#links-1.1");
    }

    /** Personal tables (issue 22): youcat's three capabilities, by which cadc-tap finds the endpoints, valid. */
    @Test
    void theTapCapabilitiesNameThePersonalTablesEndpoints() throws Exception {
        Map<String, Map<String, List<String>>> all = securityMethods("/tap/capabilities");
        String tap = all.get("ivo://ivoa.net/std/TAP").keySet().iterator().next(); // as archive.base-url writes it
        assertEquals(List.of(tap + "/table-update"),
            List.copyOf(all.get("ivo://ivoa.net/std/VOSI#table-update-async-1.x").keySet()), all.toString());
        assertEquals(List.of(tap + "/load"),
            List.copyOf(all.get("ivo://ivoa.net/std/VOSI#table-load-sync-1.x").keySet()), all.toString());
        assertEquals(List.of(tap + "/permissions"),
            List.copyOf(all.get("ivo://ivoa.net/std/VOSI#table-permissions-1.x").keySet()), all.toString());
        String capabilities = new String(Archive.get("/tap/capabilities").body(), StandardCharsets.UTF_8);
        for (String path : List.of("/table-update", "/load", "/permissions")) {
            assertTrue(capabilities.contains("<accessURL use=\"base\">" + tap + path + "</accessURL>"), capabilities);
        }
    }

    @Test
    void theRegistryRecordOfAResourceWithADoiHasItAsAltIdentifier() throws Exception {
        // every page of the list (deploy/test runs the server with pages of 5 records)
        StringBuilder all = new StringBuilder();
        String page = "/oai?verb=ListIdentifiers&metadataPrefix=ivo_vor&set=ivo_managed";
        while (page != null) {
            String answer = new String(Archive.get(page).body(), StandardCharsets.UTF_8);
            all.append(answer);
            Matcher token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(answer);
            page = token.find() ? "/oai?verb=ListIdentifiers&resumptionToken="
                + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : null;
        }
        String ids = all.toString();
        Matcher plates = Pattern.compile("<identifier>(ivo://[^<]+/scs/demo/plates)</identifier>").matcher(ids);
        assertTrue(plates.find(), "the demo plates' cone search is published: " + ids);
        HttpResponse<byte[]> r = Archive.get("/oai?verb=GetRecord&metadataPrefix=ivo_vor&identifier=" + plates.group(1));
        assertEquals(200, r.statusCode());
        assertEquals(List.of(), SchemaValidator.problems(r.body(), "http://www.openarchives.org/OAI/2.0/", "OAI-PMH"));
        String record = new String(r.body(), StandardCharsets.UTF_8);
        // LoadDemoData gives demo.plates the test DOI 10.5072/voarchive.demo.plates
        assertTrue(record.contains("<identifier>" + plates.group(1) + "</identifier>"
            + "<altIdentifier>doi:10.5072/voarchive.demo.plates</altIdentifier>"), record);
        assertTrue(record.contains("<securityMethod standardID=\"" + BASIC_AA + "\"/>"), record);
        Matcher kstars = Pattern.compile("<identifier>(ivo://[^<]+/scs/demo/kstars)</identifier>").matcher(ids);
        assertTrue(kstars.find(), ids);
        String withoutDoi = new String(Archive.get("/oai?verb=GetRecord&metadataPrefix=ivo_vor&identifier="
            + kstars.group(1)).body(), StandardCharsets.UTF_8);
        assertFalse(withoutDoi.contains("altIdentifier"), withoutDoi);
    }

    @Test
    void aRefusedLoginNamesTheBasicRealm() throws Exception {
        for (HttpResponse<String> r : List.of(
                Archive.send("GET", "/admin/metadata/tables", null, null, null),
                Archive.send("GET", "/tap/capabilities", null, "it-discovery-nobody", "wrong"),
                Archive.send("GET", "/datalink/capabilities", null, "it-discovery-nobody", "wrong"))) {
            assertEquals(401, r.statusCode(), r.uri().toString());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\""),
                r.uri() + " " + r.headers());
        }
    }
}
