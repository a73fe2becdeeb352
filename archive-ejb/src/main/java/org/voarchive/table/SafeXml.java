package org.voarchive.table;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one way documents from outside are parsed as XML (VOTables, VOSI table descriptions): the JDK's own
 * parser (not whichever the server puts first), namespace aware, with every external access off and any
 * DOCTYPE refused (internal subsets declare entities that read files or URLs; external DTDs are fetched).
 */
public final class SafeXml {

    /** The deepest nesting of elements accepted. */
    static final String MAX_DEPTH = "100";

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
            // the JDK sets no depth limit, and each open element stays on the parser's stack (and ours): a body of
            // "<x><x><x>..." would fill the heap; VOTables and VOSI tables nest a dozen deep
            parser.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
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

    /** A handler for which every parser error, recoverable or not, ends the parse: documents from outside are not guessed at. */
    public abstract static class StrictHandler extends DefaultHandler {

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** Parses {@code in} into {@code handler}, which also receives the parser's errors, with {@link #reader()}. */
    public static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        XMLReader reader = reader();
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        reader.parse(new InputSource(in));
    }

    /** What a parser's error says, where: {@code (line L, column C): why}, a refused DOCTYPE explained. */
    public static String located(SAXParseException e) {
        String why = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
            ? "it has a DOCTYPE declaration, which this archive refuses (they declare entities that could read the "
                + "server's files)"
            : e.getMessage();
        return "(line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + why;
    }
}
