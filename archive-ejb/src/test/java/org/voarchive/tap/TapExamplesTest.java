package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.tap.xml.TableAccess;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;
import org.voarchive.vosi.xml.capabilities.WebBrowser;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The DALI examples document is well-formed XHTML with the RDFa that TOPCAT and taplint read. */
class TapExamplesTest {

    private static final List<ExampleRecord> EXAMPLES = List.of(
        new ExampleRecord("cone", "Stars < 3 mag & near", "Uses <, > and & in text.",
            "SELECT ra, dec FROM cat.stars\n WHERE mag < 3 AND name <> 'a&b'", List.of("cat.stars"), null, 0, 0),
        new ExampleRecord("xmatch", "Cross-match", "With an upload.", "SELECT * FROM TAP_UPLOAD.mine AS u JOIN cat.stars AS s"
            + " ON 1 = CONTAINS(POINT('ICRS', s.ra, s.dec), CIRCLE('ICRS', u.ra, u.dec, 0.01))", List.of("cat.stars", "cat.other"),
            "mine(ra double, dec double)", 1, 0));

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false); // as RDFa readers see it: attributes by name
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void everyExampleHasItsIdResourceNameQueryAndTables() throws Exception {
        byte[] xml = TapExamples.document("Test archive", "https://archive.example/tap", EXAMPLES);
        Document doc = parse(xml);
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals("http://www.w3.org/1999/xhtml", doc.getDocumentElement().getAttribute("xmlns"));
        assertEquals(1.0, x.evaluate("count(//*[@vocab])", doc, XPathConstants.NUMBER));
        assertEquals(TapExamples.VOCABULARY, x.evaluate("//*[@vocab]/@vocab", doc));
        NodeList examples = (NodeList) x.evaluate("//*[@vocab]//*[@typeof='example']", doc, XPathConstants.NODESET);
        assertEquals(2, examples.getLength());
        assertEquals("#cone", x.evaluate("//*[@id='cone']/@resource", doc));
        assertEquals("Stars < 3 mag & near", x.evaluate("//*[@id='cone']//*[@property='name']", doc));
        assertEquals(EXAMPLES.get(0).query(), x.evaluate("//*[@id='cone']//*[@property='query']", doc));
        assertEquals("cat.stars", x.evaluate("//*[@id='cone']//*[@property='table']", doc));
        assertEquals(2.0, x.evaluate("count(//*[@id='xmatch']//*[@property='table'])", doc, XPathConstants.NUMBER));
        for (String property : List.of("name", "query", "table")) {
            // plain text: the RDFa readers take the text of elements without children
            assertEquals(0.0, x.evaluate("count(//*[@property='" + property + "']/*)", doc, XPathConstants.NUMBER), property);
        }
        for (String id : List.of("cone", "xmatch")) {
            assertEquals(1.0, x.evaluate("count(//*[@id='" + id + "']//*[@property='name'])", doc, XPathConstants.NUMBER));
            assertEquals(1.0, x.evaluate("count(//*[@id='" + id + "']//*[@property='query'])", doc, XPathConstants.NUMBER));
        }
        assertTrue(new String(xml, StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }

    @Test
    void withoutExamplesTheDocumentIsStillWellFormed() throws Exception {
        Document doc = parse(TapExamples.document("A & B", "https://archive.example/tap", List.of()));
        assertEquals("Query examples: A & B", XPathFactory.newInstance().newXPath().evaluate("/html/head/title", doc));
    }

    @Test
    void theExamplesCapabilityIsValid() throws Exception {
        Capabilities doc = new Capabilities();
        doc.capabilities.add(new Capability(TapCapabilities.EXAMPLES, WebBrowser.at("https://archive.example/tap/examples")));
        byte[] xml = doc.toXml(TableAccess.class);
        assertEquals(List.of(), SchemaValidator.problems(xml, Capabilities.VOSI_CAPABILITIES, "capabilities"),
            new String(xml, StandardCharsets.UTF_8));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("standardID=\"ivo://ivoa.net/std/DALI#examples\""), text);
        assertTrue(text.matches("(?s).*xsi:type=\"[a-z0-9]+:WebBrowser\".*"), text);
        assertTrue(text.contains("<accessURL use=\"full\">https://archive.example/tap/examples</accessURL>"), text);
    }
}
