package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.tap.xml.TableAccess;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.ParamHttp;

/** The ObsCore data model in the TAP capability: TAPRegExt's dataModel, before the languages, valid. */
class ObsCoreCapabilityTest {

    @Test
    void theDataModelIsDeclaredAsTapRegExtSaysAndTaplintLooksForIt() throws Exception {
        TableAccess tap = new TableAccess();
        tap.standardID = TapCapabilities.TAP;
        tap.interfaces.add(ParamHttp.at("https://archive.example/tap", "base"));
        tap.dataModels.add(new TableAccess.DataModel("ObsCore-1.1", TapCapabilities.OBSCORE_1_1));
        TableAccess.Language adql = new TableAccess.Language();
        adql.name = "ADQL";
        adql.versions.add(new TableAccess.Version("2.1", "ivo://ivoa.net/std/ADQL#v2.1"));
        tap.languages.add(adql);
        TableAccess.OutputFormat votable = new TableAccess.OutputFormat();
        votable.mime = "application/x-votable+xml";
        tap.outputFormats.add(votable);
        Capabilities doc = new Capabilities();
        doc.capabilities.add(tap);
        byte[] xml = doc.toXml(TableAccess.class);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertEquals(List.of(), SchemaValidator.problems(xml, Capabilities.VOSI_CAPABILITIES, "capabilities"), text);
        assertTrue(text.matches("(?s).*<dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">ObsCore-1.1</dataModel>"
            + "\\s*<language>.*"), text);
    }
}
