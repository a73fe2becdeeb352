package org.voarchive.doi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates DataCite records against the kernel 4.5 schema, as the tests do against the conformance folder's
 * copy: here the same schema files packaged with the application (resources datacite-kernel-4.5/), every file
 * the schema includes read from there and nothing from the network. Documents to check come without DOCTYPE
 * (refused: a record has none, and a DTD could make the parser fetch or expand).
 */
public final class DataCiteValidation {

    private static final String DIRECTORY = "datacite-kernel-4.5/";
    private static final Schema SCHEMA = load();

    private DataCiteValidation() {
    }

    /** @return every problem, "line:column: message", empty if the document is a valid DataCite resource */
    public static List<String> problems(byte[] document) {
        List<String> problems = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's validator takes the JAXP access properties", e);
        }
        validator.setErrorHandler(collecting(problems));
        try {
            SAXParserFactory parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(document))));
        } catch (SAXParseException e) {
            // reported to the handler already, where it stopped the parse
            if (problems.isEmpty()) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
        } catch (SAXException | IOException | ParserConfigurationException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** A validator's handler that adds every error to problems as "line:column: message" (warnings are none). */
    public static ErrorHandler collecting(List<String> problems) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // a warning is no invalidity
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .getDOMImplementation();
            // nothing is fetched: what the schema includes comes from the resources, by the resolver below
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
                InputStream in = DataCiteValidation.class.getResourceAsStream(DIRECTORY + "include/" + name);
                if (in == null) {
                    throw new IllegalStateException("the DataCite schema includes " + systemId
                        + ", which is not packaged with it");
                }
                LSInput input = ls.createLSInput();
                input.setByteStream(in);
                input.setPublicId(publicId);
                input.setSystemId(systemId);
                input.setBaseURI(baseUri);
                return input;
            });
            InputStream main = DataCiteValidation.class.getResourceAsStream(DIRECTORY + "metadata.xsd");
            if (main == null) {
                throw new IllegalStateException("the DataCite schema is not packaged: " + DIRECTORY + "metadata.xsd");
            }
            try (main) {
                return factory.newSchema(new StreamSource(main, "datacite:" + DIRECTORY + "metadata.xsd"));
            }
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalStateException("the packaged DataCite schema cannot be read: " + e.getMessage(), e);
        }
    }
}
