package org.voarchive.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.voarchive.doi.xml.DataCiteResource;

/** oai_dc: the simple Dublin Core view of a DataCite record (the crosswalk DataCite itself uses, in short). */
final class OaiDublinCore {

    private OaiDublinCore() {
    }

    static void write(XMLStreamWriter w, DataCiteResource r) throws XMLStreamException {
        start(w);
        for (DataCiteResource.Title t : r.titles) {
            dc(w, "title", t.value);
        }
        for (DataCiteResource.Creator c : r.creators) {
            dc(w, "creator", c.creatorName.value);
        }
        if (r.subjects != null) {
            for (DataCiteResource.Subject s : r.subjects) {
                dc(w, "subject", s.value);
            }
        }
        if (r.descriptions != null) {
            for (DataCiteResource.Description d : r.descriptions) {
                dc(w, "description", d.value);
            }
        }
        dc(w, "publisher", r.publisher.value);
        if (r.contributors != null) {
            for (DataCiteResource.Contributor c : r.contributors) {
                dc(w, "contributor", c.contributorName.value);
            }
        }
        String issued = r.dates == null ? null : r.dates.stream().filter(d -> d.dateType.equals("Issued"))
            .map(d -> d.value).findFirst().orElse(null);
        dc(w, "date", issued != null ? issued : r.publicationYear);
        dc(w, "type", r.resourceType.resourceTypeGeneral);
        if (r.formats != null) {
            for (String f : r.formats) {
                dc(w, "format", f);
            }
        }
        dc(w, "identifier", "https://doi.org/" + r.identifier.value);
        if (r.alternateIdentifiers != null) {
            for (DataCiteResource.AlternateIdentifier a : r.alternateIdentifiers) {
                if (a.alternateIdentifierType.equals("DOI Landing Page")) {
                    dc(w, "identifier", a.value);
                }
            }
        }
        if (r.relatedIdentifiers != null) {
            for (DataCiteResource.RelatedIdentifier ri : r.relatedIdentifiers) {
                dc(w, "relation", ri.relatedIdentifierType.equals("DOI") ? "https://doi.org/" + ri.value : ri.value);
            }
        }
        if (r.rightsList != null) {
            for (DataCiteResource.Rights rights : r.rightsList) {
                dc(w, "rights", rights.rightsURI != null ? rights.rightsURI : rights.value);
            }
        }
        w.writeEndElement();
    }

    /** The Dublin Core view of a VO resource record. */
    static void write(XMLStreamWriter w, org.voarchive.registry.VoResource r, String identifier, String publisher)
            throws XMLStreamException {
        start(w);
        dc(w, "title", r.title());
        dc(w, "identifier", identifier);
        dc(w, "description", r.description());
        dc(w, "publisher", publisher);
        dc(w, "date", r.datestamp().toString().substring(0, 10));
        dc(w, "type", "Service");
        dc(w, "relation", r.referenceUrl());
        w.writeEndElement();
    }

    private static void start(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("oai_dc", "dc", OaiService.OAI_DC);
        w.writeNamespace("oai_dc", OaiService.OAI_DC);
        w.writeNamespace("dc", OaiService.DC);
        w.writeAttribute(OaiService.XSI, "schemaLocation", OaiService.OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
    }

    private static void dc(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            w.writeStartElement("dc", name, OaiService.DC);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
