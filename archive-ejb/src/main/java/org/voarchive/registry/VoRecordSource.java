package org.voarchive.registry;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.voarchive.oai.MetadataFormat;
import org.voarchive.oai.OaiDublinCore;
import org.voarchive.oai.OaiItem;
import org.voarchive.oai.OaiService;
import org.voarchive.oai.RecordSource;
import org.voarchive.site.SiteIdentity;

/**
 * The publishing registry's VO resources as OAI-PMH serves them (IVOA Registry Interfaces 1.1): set
 * ivo_managed, the IVOID as the OAI identifier, in ivo_vor and oai_dc; its own vg:Registry record is also
 * Identify's description (section 3.1). They are few, and read whole once per request: an OAI page lists
 * them, counts them and writes them from that one reading (hence request scoped).
 */
@RequestScoped
public class VoRecordSource implements RecordSource {

    static final String IVO_MANAGED = "ivo_managed";

    private static final List<MetadataFormat.Set> SETS = List.of(new MetadataFormat.Set(IVO_MANAGED,
        "The VO resources this publishing registry manages (IVOA Registry Interfaces)"));

    private static final List<MetadataFormat> FORMATS = List.of(MetadataFormat.OAI_DC,
        new MetadataFormat("ivo_vor", "http://www.ivoa.net/xml/RegistryInterface/RegistryInterface-v1.0.xsd",
            VoResources.RI));

    private static final Comparator<OaiItem> ORDER = Comparator.comparing(OaiItem::datestamp)
        .thenComparing(OaiItem::id);

    @Inject
    VoResources registry;

    @Inject
    SiteIdentity site;

    /** For the page size the registry's harvesting capability declares (maxRecords). */
    @Inject
    OaiService oai;

    /** This request's reading of the records, or null before the first. */
    private VoResources.Records read;

    @Override
    public int rank() {
        return 2;
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
    public Optional<Instant> earliest() throws SQLException {
        return records().all().stream().map(VoResource::datestamp).min(Comparator.naturalOrder());
    }

    @Override
    public Optional<OaiItem> item(String id) throws SQLException {
        return id.startsWith("ivo://") ? records().find(id).map(VoRecordSource::item) : Optional.empty();
    }

    @Override
    public List<OaiItem> page(String set, Instant from, Instant until, OaiItem after, int limit) throws SQLException {
        return items(from, until).filter(i -> after == null || ORDER.compare(i, after) > 0).sorted(ORDER).limit(limit)
            .toList();
    }

    @Override
    public long count(String set, Instant from, Instant until) throws SQLException {
        return items(from, until).count();
    }

    private java.util.stream.Stream<OaiItem> items(Instant from, Instant until) throws SQLException {
        return records().all().stream().filter(r -> (from == null || !r.datestamp().isBefore(from))
            && (until == null || !r.datestamp().isAfter(until))).map(VoRecordSource::item);
    }

    private static OaiItem item(VoResource r) {
        return new OaiItem(r.ivoid(), IVO_MANAGED, r.datestamp(), false);
    }

    @Override
    public Map<String, Metadata> metadata(List<OaiItem> items) throws SQLException {
        VoResources.Records records = records();
        Map<String, VoResource> all = new LinkedHashMap<>();
        records.all().forEach(r -> all.put(r.ivoid(), r));
        Map<String, Metadata> metadata = new LinkedHashMap<>();
        for (OaiItem item : items) {
            VoResource resource = all.get(item.id());
            if (resource != null && !item.deleted()) {
                metadata.put(item.id(), (out, prefix, identifier) -> write(out.xml(), resource, records, prefix, identifier));
            }
        }
        return metadata;
    }

    private VoResources.Records records() throws SQLException {
        if (read == null) {
            read = registry.read();
        }
        return read;
    }

    private void write(XMLStreamWriter w, VoResource r, VoResources.Records records, String prefix, String identifier)
            throws XMLStreamException {
        if (prefix.equals("ivo_vor")) {
            registry.write(w, r, records.metadata(), oai.pageSize());
        } else {
            // the Dublin Core view of a VO resource record
            OaiDublinCore.start(w).element("title", r.title()).element("identifier", identifier)
                .element("description", r.description()).element("publisher", site.publisher())
                .element("date", r.datestamp().toString().substring(0, 10)).element("type", "Service")
                .element("relation", r.referenceUrl()).end();
        }
    }

    @Override
    public void describeRepository(XMLStreamWriter w) throws XMLStreamException, SQLException {
        w.writeStartElement("description");
        VoResources.Records records = records();
        registry.write(w, records.find(registry.registryId()).orElseThrow(), records.metadata(), oai.pageSize());
        w.writeEndElement();
    }
}
