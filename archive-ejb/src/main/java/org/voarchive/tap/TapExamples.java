package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.site.SiteIdentity;

/**
 * The TAP service's DALI examples document (DALI 1.1 section 2.3): the stored
 * examples that check against the published metadata, as XHTML with RDFa.
 * Written by an XML writer, so it is well-formed whoever asks (clients such as
 * TOPCAT and taplint parse it as XML); each example is an element of type
 * {@code example} with its id as resource, and plain-text name, query and
 * table properties, which is what the RDFa readers take.
 */
@ApplicationScoped
public class TapExamples {

    /** The examples document's path under the site's base URL; DALI fixes its name under the service. */
    public static final String PATH = "/tap/examples";
    public static final String MEDIA_TYPE = "application/xhtml+xml";
    /** DALI 1.1's vocabulary of examples; TAP's "table" property is in it too. */
    static final String VOCABULARY = "http://www.ivoa.net/rdf/examples#";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    @Inject
    SiteIdentity site;

    @Inject
    PublishedMetadataCache metadata;

    /** What anonymous callers see: the examples page is public. */
    public byte[] document() throws SQLException {
        return document(site.name(), site.baseUrl() + "/tap", metadata.get(Caller.ANONYMOUS).examples());
    }

    static byte[] document(String siteName, String tapUrl, List<ExampleRecord> examples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeDTD("<!DOCTYPE html>");
            w.writeStartElement("html");
            w.writeDefaultNamespace(XHTML);
            w.writeAttribute("lang", "en");
            w.writeStartElement("head");
            element(w, "title", "Query examples: " + siteName);
            w.writeEmptyElement("meta");
            w.writeAttribute("name", "viewport");
            w.writeAttribute("content", "width=device-width, initial-scale=1");
            w.writeEndElement();
            w.writeStartElement("body");
            w.writeAttribute("vocab", VOCABULARY);
            element(w, "h1", "Query examples");
            w.writeStartElement("p");
            w.writeCharacters("ADQL queries for the TAP service at ");
            w.writeStartElement("a");
            w.writeAttribute("href", tapUrl);
            w.writeCharacters(tapUrl);
            w.writeEndElement();
            w.writeCharacters(" (DALI examples: TOPCAT's TAP window lists them under Service-provided examples).");
            w.writeEndElement();
            if (examples.isEmpty()) {
                element(w, "p", "No examples are published.");
            }
            for (ExampleRecord e : examples) {
                example(w, e);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the examples document failed", e);
        }
        return out.toByteArray();
    }

    private static void example(XMLStreamWriter w, ExampleRecord e) throws XMLStreamException {
        w.writeStartElement("div");
        w.writeAttribute("id", e.name());
        w.writeAttribute("resource", "#" + e.name());
        w.writeAttribute("typeof", "example");
        w.writeStartElement("h2");
        w.writeAttribute("property", "name");
        w.writeCharacters(e.title());
        w.writeEndElement();
        element(w, "p", e.description());
        if (e.upload() != null) {
            element(w, "p", "It reads an uploaded table, TAP_UPLOAD." + e.upload()
                + " (VOTable datatypes): send it with the query, as UPLOAD.");
        }
        w.writeStartElement("pre");
        w.writeAttribute("property", "query");
        w.writeCharacters(e.query());
        w.writeEndElement();
        if (!e.tables().isEmpty()) {
            w.writeStartElement("p");
            w.writeCharacters(e.tables().size() == 1 ? "Table: " : "Tables: ");
            for (int i = 0; i < e.tables().size(); i++) {
                if (i > 0) {
                    w.writeCharacters(", ");
                }
                w.writeStartElement("span");
                w.writeAttribute("property", "table");
                w.writeCharacters(e.tables().get(i));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
