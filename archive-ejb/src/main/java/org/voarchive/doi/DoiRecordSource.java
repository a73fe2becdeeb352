package org.voarchive.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.dali.DaliException;
import org.voarchive.doi.xml.DataCiteResource;
import org.voarchive.oai.MetadataFormat;
import org.voarchive.oai.OaiDublinCore;
import org.voarchive.oai.OaiItem;
import org.voarchive.oai.RecordSource;
import org.voarchive.oai.RecordWriter;
import org.voarchive.site.SiteIdentity;

/**
 * The DOI records as OAI-PMH serves them: the schemas, tables and objects with a DOI anyone may see (sets
 * schemas, tables, objects, listed by {@link DoiHarvestIndex}), each as the DataCite record
 * {@link DataCiteRecords} builds (the one source of truth), in oai_dc, datacite and oai_datacite.
 */
@ApplicationScoped
public class DoiRecordSource implements RecordSource {

    static final String OAI_DATACITE = "http://schema.datacite.org/oai/oai-1.1/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final List<MetadataFormat.Set> SETS = List.of(
        new MetadataFormat.Set("schemas", "Database schemas with a DOI"),
        new MetadataFormat.Set("tables", "Tables with a DOI"),
        new MetadataFormat.Set("objects", "Archive objects (plates, spectra ...) with a DOI in their datalinks"));

    private static final List<MetadataFormat> FORMATS = List.of(MetadataFormat.OAI_DC,
        new MetadataFormat("datacite", "http://schema.datacite.org/meta/kernel-4.5/metadata.xsd", DataCiteResource.NAMESPACE),
        new MetadataFormat("oai_datacite", "http://schema.datacite.org/oai/oai-1.1/oai.xsd", OAI_DATACITE));

    @Inject
    DoiHarvestIndex index;

    @Inject
    DataCiteRecords records;

    @Inject
    SiteIdentity site;

    @Inject
    @ConfigProperty(name = "archive.datacite.repository-id")
    Optional<String> datacentre;

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public List<MetadataFormat.Set> sets() {
        return SETS;
    }

    @Override
    public List<MetadataFormat> formats() {
        return FORMATS;
    }

    @Override
    public void reconcile() throws SQLException {
        index.reconcile();
    }

    @Override
    public Optional<Instant> earliest() throws SQLException {
        return index.earliest();
    }

    @Override
    public long tombstones(String set) throws SQLException {
        return index.tombstones(set);
    }

    @Override
    public Optional<Instant> reconciled() throws SQLException {
        return index.reconciled();
    }

    @Override
    public Optional<OaiItem> item(String id) throws SQLException {
        return id.startsWith("ivo://") ? Optional.empty() : index.item(id);
    }

    @Override
    public List<OaiItem> page(String set, Instant from, Instant until, OaiItem after, int limit) throws SQLException {
        return index.page(set, from, until, after, limit);
    }

    @Override
    public long count(String set, Instant from, Instant until) throws SQLException {
        return index.count(set, from, until);
    }

    @Override
    public Map<String, Metadata> metadata(List<OaiItem> items) throws SQLException {
        List<String> ids = items.stream().filter(i -> !i.deleted()).map(OaiItem::id).toList();
        Map<String, DataCiteResource> read;
        try {
            read = ids.isEmpty() ? Map.of() : records.publicRecords(ids);
        } catch (DaliException e) {
            throw new SQLException("the records of " + ids.get(0) + " ... cannot be read: " + e.getMessage(), e);
        }
        // one marshaller for the batch's records (made for each record, it cost as much as the writing)
        Marshaller marshaller;
        try {
            marshaller = DataCiteResource.marshaller(true);
        } catch (JAXBException e) {
            throw new IllegalStateException("no DataCite marshaller can be made", e);
        }
        Map<String, Metadata> metadata = new LinkedHashMap<>();
        read.forEach((id, record) -> metadata.put(id, (out, prefix, identifier) -> write(out, record, prefix, marshaller)));
        return metadata;
    }

    private void write(RecordWriter out, DataCiteResource record, String prefix, Marshaller marshaller)
            throws XMLStreamException {
        XMLStreamWriter w = out.xml();
        switch (prefix) {
            case "oai_dc" -> dublinCore(w, record);
            case "datacite" -> datacite(out, record, marshaller);
            default -> {
                w.writeStartElement("oai_datacite");
                w.writeDefaultNamespace(OAI_DATACITE);
                w.writeAttribute(XSI, "schemaLocation", OAI_DATACITE + " http://schema.datacite.org/oai/oai-1.1/oai.xsd");
                w.writeStartElement(OAI_DATACITE, "schemaVersion");
                w.writeCharacters("4.5");
                w.writeEndElement();
                w.writeStartElement(OAI_DATACITE, "datacentreSymbol");
                w.writeCharacters(datacentre.filter(d -> !d.isBlank()).orElse(site.authority()));
                w.writeEndElement();
                w.writeStartElement(OAI_DATACITE, "payload");
                datacite(out, record, marshaller);
                w.writeEndElement();
                w.writeEndElement();
            }
        }
    }

    /** The record as JAXB writes it to a stream (as StAX events, it took most of a ListRecords page's time). */
    private static void datacite(RecordWriter out, DataCiteResource record, Marshaller marshaller)
            throws XMLStreamException {
        try {
            marshaller.marshal(record, out.bytes());
        } catch (JAXBException e) {
            throw new XMLStreamException("the DataCite record cannot be written", e);
        }
    }

    /** oai_dc: the simple Dublin Core view of a DataCite record (the crosswalk DataCite itself uses, in short). */
    private static void dublinCore(XMLStreamWriter w, DataCiteResource r) throws XMLStreamException {
        OaiDublinCore dc = OaiDublinCore.start(w);
        for (DataCiteResource.Title t : r.titles) {
            dc.element("title", t.value);
        }
        for (DataCiteResource.Creator c : r.creators) {
            dc.element("creator", c.creatorName.value);
        }
        if (r.subjects != null) {
            for (DataCiteResource.Subject s : r.subjects) {
                dc.element("subject", s.value);
            }
        }
        if (r.descriptions != null) {
            for (DataCiteResource.Description d : r.descriptions) {
                dc.element("description", d.value);
            }
        }
        dc.element("publisher", r.publisher.value);
        if (r.contributors != null) {
            for (DataCiteResource.Contributor c : r.contributors) {
                dc.element("contributor", c.contributorName.value);
            }
        }
        String issued = r.dates == null ? null : r.dates.stream().filter(d -> d.dateType.equals("Issued"))
            .map(d -> d.value).findFirst().orElse(null);
        dc.element("date", issued != null ? issued : r.publicationYear);
        dc.element("type", r.resourceType.resourceTypeGeneral);
        if (r.formats != null) {
            for (String f : r.formats) {
                dc.element("format", f);
            }
        }
        dc.element("identifier", "https://doi.org/" + r.identifier.value);
        if (r.alternateIdentifiers != null) {
            for (DataCiteResource.AlternateIdentifier a : r.alternateIdentifiers) {
                if (a.alternateIdentifierType.equals("DOI Landing Page")) {
                    dc.element("identifier", a.value);
                }
            }
        }
        if (r.relatedIdentifiers != null) {
            for (DataCiteResource.RelatedIdentifier ri : r.relatedIdentifiers) {
                dc.element("relation", ri.relatedIdentifierType.equals("DOI") ? "https://doi.org/" + ri.value : ri.value);
            }
        }
        if (r.rightsList != null) {
            for (DataCiteResource.Rights rights : r.rightsList) {
                dc.element("rights", rights.rightsURI != null ? rights.rightsURI : rights.value);
            }
        }
        dc.end();
    }
}
