package org.voarchive.conformance;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;

/**
 * Validates documents against the IVOA/OAI/DataCite schemas in
 * ../shared/conformance/xsd (bundle ivoa-current.xsd, resolved offline through
 * its XML catalog). A bundle accepts any of its global elements as root, so
 * callers also name the root element they expect.
 */
public final class SchemaValidator {

    private static Schema schema;

    private SchemaValidator() {
    }

    /** The conformance folder: system property conformance.dir (set by the build), else ../shared/conformance. */
    public static Path conformanceDir() {
        String dir = System.getProperty("conformance.dir");
        Path path = dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "conformance");
        if (!Files.isDirectory(path.resolve("xsd"))) {
            throw new IllegalStateException("conformance material not found at " + path.toAbsolutePath()
                + " (set -Dconformance.dir)");
        }
        return path;
    }

    private static synchronized Schema schema() throws Exception {
        if (schema == null) {
            Path xsd = conformanceDir().resolve("xsd");
            CatalogResolver resolver = CatalogManager.catalogResolver(
                CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "continue").build(),
                xsd.resolve("catalog.xml").toUri());
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(resolver);
            schema = factory.newSchema(new File(xsd.resolve("bundles/ivoa-current.xsd").toString()));
        }
        return schema;
    }

    /**
     * @return every validation problem (empty if valid), plus one if the root element is not the expected one
     */
    public static List<String> problems(byte[] document, String namespace, String rootElement) throws Exception {
        return problems(schema(), document, namespace, rootElement);
    }

    /** As {@link #problems(byte[], String, String)}, against one schema of the conformance folder (e.g. DataCite's). */
    public static List<String> problems(String xsd, byte[] document, String namespace, String rootElement) throws Exception {
        Path dir = conformanceDir().resolve("xsd");
        CatalogResolver resolver = CatalogManager.catalogResolver(
            CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "continue").build(),
            dir.resolve("catalog.xml").toUri());
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(resolver);
        return problems(factory.newSchema(new File(dir.resolve(xsd).toString())), document, namespace, rootElement);
    }

    private static List<String> problems(Schema schema, byte[] document, String namespace, String rootElement)
            throws Exception {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        // the server's own handler (doi.DataCiteValidation), so that both report problems alike
        validator.setErrorHandler(org.voarchive.doi.DataCiteValidation.collecting(problems));
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Element root = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(document)).getDocumentElement();
        if (!namespace.equals(root.getNamespaceURI()) || !rootElement.equals(root.getLocalName())) {
            problems.add("root element is {" + root.getNamespaceURI() + "}" + root.getLocalName()
                + ", expected {" + namespace + "}" + rootElement);
        }
        return problems;
    }
}
