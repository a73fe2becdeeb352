package org.voarchive.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one oai_dc record (simple Dublin Core, OAI-PMH 2.0 section 6.2) element by element; each record source
 * has its crosswalk to it. Empty values are left out, as Dublin Core elements are optional and repeatable.
 */
public final class OaiDublinCore {

    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private final XMLStreamWriter w;

    private OaiDublinCore(XMLStreamWriter w) {
        this.w = w;
    }

    /** Starts the record's {@code oai_dc:dc} element. */
    public static OaiDublinCore start(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("oai_dc", "dc", OAI_DC);
        w.writeNamespace("oai_dc", OAI_DC);
        w.writeNamespace("dc", DC);
        w.writeAttribute(OaiService.XSI, "schemaLocation", OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
        return new OaiDublinCore(w);
    }

    /** One element, e.g. {@code title}; nothing for a null or blank value. */
    public OaiDublinCore element(String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            w.writeStartElement("dc", name, DC);
            w.writeCharacters(value);
            w.writeEndElement();
        }
        return this;
    }

    public void end() throws XMLStreamException {
        w.writeEndElement();
    }
}
