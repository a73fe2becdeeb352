package org.voarchive.vosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.scs.xml.ConeSearchCapability;
import org.voarchive.security.SecurityMethods;
import org.voarchive.tap.xml.TableAccess;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;
import org.voarchive.vosi.xml.capabilities.ParamHttp;
import org.voarchive.vosi.xml.capabilities.WebBrowser;

/** Every interface of a capabilities document says how callers may authenticate (SSO 2.0, VOResource 1.1+). */
class CapabilitiesSecurityTest {

    private static final String BASIC = "<securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/>";

    @Test
    void theAcceptedMethodsAreAnonymousAndHttpBasic() {
        assertEquals(java.util.Arrays.asList(null, "ivo://ivoa.net/sso#BasicAA"), SecurityMethods.ACCEPTED);
    }

    @Test
    void everyInterfaceIsPublishedOncePerMethodAndTheDocumentIsValid() throws Exception {
        TableAccess tap = new TableAccess();
        tap.standardID = "ivo://ivoa.net/std/TAP";
        ParamHttp std = ParamHttp.at("https://archive.example/tap", "base");
        std.role = "std";
        std.version = "1.1";
        tap.interfaces.add(std);
        TableAccess.Language adql = new TableAccess.Language();
        adql.name = "ADQL";
        adql.versions.add(new TableAccess.Version("2.1", "ivo://ivoa.net/std/ADQL#v2.1"));
        tap.languages.add(adql);
        TableAccess.OutputFormat votable = new TableAccess.OutputFormat();
        votable.mime = "application/x-votable+xml";
        tap.outputFormats.add(votable);
        ConeSearchCapability cs = new ConeSearchCapability();
        cs.standardID = ConeSearchCapability.STANDARD_ID;
        cs.interfaces.add(ParamHttp.at("https://archive.example/scs/demo/kstars", "base"));
        cs.maxRecords = 10L;
        cs.verbosity = true;
        Capabilities doc = new Capabilities();
        doc.capabilities.add(tap);
        doc.capabilities.add(cs);
        doc.capabilities.add(new Capability("ivo://ivoa.net/std/DataLink#links-1.1",
            ParamHttp.at("https://archive.example/datalink/links", "base")));
        doc.capabilities.add(new Capability("ivo://ivoa.net/std/VOSI#capabilities",
            ParamHttp.at("https://archive.example/tap/capabilities", "full")));
        doc.capabilities.add(new Capability("ivo://ivoa.net/std/DALI#examples", WebBrowser.at("https://archive.example/tap/examples")));
        byte[] xml = doc.toXml(TableAccess.class, ConeSearchCapability.class);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertEquals(List.of(), SchemaValidator.problems(xml, Capabilities.VOSI_CAPABILITIES, "capabilities"), text);
        // VOResource allows one securityMethod per interface: each interface twice, anonymous first, then Basic
        Matcher interfaces = Pattern.compile("<interface [^>]*>\\s*(<accessURL [^>]*>[^<]*</accessURL>)\\s*(.*?)\\s*</interface>"
            + "\\s*<interface [^>]*>\\s*(<accessURL [^>]*>[^<]*</accessURL>)\\s*(.*?)\\s*</interface>", Pattern.DOTALL)
            .matcher(text);
        int n = 0;
        while (interfaces.find()) {
            n++;
            assertEquals(interfaces.group(1), interfaces.group(3), "the same access URL: " + interfaces.group());
            assertEquals("", interfaces.group(2), "anonymous: no securityMethod");
            assertEquals(BASIC, interfaces.group(4));
        }
        assertEquals(5, n, text);
        assertEquals(10, text.split("<interface ", -1).length - 1, text);
    }
}
