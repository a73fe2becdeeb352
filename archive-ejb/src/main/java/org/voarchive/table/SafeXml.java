package org.voarchive.table;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The one way documents from outside are parsed as XML (VOTables, VOSI table descriptions): the JDK's own
 * parser (not whichever the server puts first), namespace aware, with every external access off and any
 * DOCTYPE refused (internal subsets declare entities that read files or URLs; external DTDs are fetched).
 */
public final class SafeXml {

    private SafeXml() {
    }

    public static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    /** A reader of {@link #parser()} that refuses any external entity or DTD it is still asked to resolve. */
    public static XMLReader reader() throws SAXException {
        XMLReader reader = parser().getXMLReader();
        reader.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("the document refers to an external entity or DTD (" + systemId + ")");
        });
        return reader;
    }

    /** Whether a parser's message is about a DOCTYPE, which {@link #parser()} refuses. */
    public static boolean isDoctype(String message) {
        return message != null && message.contains("DOCTYPE");
    }
}
