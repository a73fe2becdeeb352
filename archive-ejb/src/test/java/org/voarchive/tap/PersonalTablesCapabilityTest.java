package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.tap.xml.TableAccess;
import org.voarchive.vosi.xml.capabilities.Capabilities;

/** The three youcat capabilities of personal tables: base access URLs under the TAP service, a valid document. */
class PersonalTablesCapabilityTest {

    @Test
    void youcatsStandardIdsPointAtBaseUrlsAndTheDocumentIsValid() throws Exception {
        Capabilities doc = new Capabilities();
        doc.capabilities.addAll(TapCapabilities.personalTables("https://archive.example/tap"));
        byte[] xml = doc.toXml(TableAccess.class);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertEquals(List.of(), SchemaValidator.problems(xml, Capabilities.VOSI_CAPABILITIES, "capabilities"), text);
        for (String[] expected : List.of(
                new String[] {"ivo://ivoa.net/std/VOSI#table-update-async-1.x", "https://archive.example/tap/table-update"},
                new String[] {"ivo://ivoa.net/std/VOSI#table-load-sync-1.x", "https://archive.example/tap/load"},
                new String[] {"ivo://ivoa.net/std/VOSI#table-permissions-1.x", "https://archive.example/tap/permissions"})) {
            assertTrue(text.matches("(?s).*<capability standardID=\"" + java.util.regex.Pattern.quote(expected[0])
                + "\">\\s*<interface [^>]*>\\s*<accessURL use=\"base\">" + java.util.regex.Pattern.quote(expected[1])
                + "</accessURL>.*"), expected[0] + " in " + text);
        }
    }
}
