package org.voarchive.registry;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.voarchive.database.DataSources;
import org.voarchive.datalink.DatalinkCapabilities;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.scs.ConeSearchCapabilities;
import org.voarchive.scs.ConeSearchService;
import org.voarchive.scs.xml.ConeSearchCapability;
import org.voarchive.security.SecurityMethods;
import org.voarchive.site.SiteIdentity;
import org.voarchive.tap.TapCapabilities;
import org.voarchive.tap.xml.TableAccess;
import org.voarchive.vosi.VosiTables;
import org.voarchive.vosi.xml.capabilities.Capabilities;
import org.voarchive.vosi.xml.capabilities.Capability;
import org.voarchive.vosi.xml.tables.TableSet;

/**
 * The publishing registry's VOResource records (IVOA Registry Interfaces 1.1,
 * OAI-PMH set ivo_managed), built from configuration and the metadata, never
 * by hand: the Authority, this Registry, the TAP service with its tableset,
 * each cone search, the datalink service and the web pages. Capabilities are
 * those the services' own VOSI documents declare.
 */
@ApplicationScoped
public class VoResources {

    public static final String RI = "http://www.ivoa.net/xml/RegistryInterface/v1.0";
    public static final String VG = "http://www.ivoa.net/xml/VORegistry/v1.0";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final JAXBContext FRAGMENTS;

    static {
        try {
            FRAGMENTS = JAXBContext.newInstance(Capability.class, TableAccess.class, ConeSearchCapability.class,
                TableSet.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Inject
    SiteIdentity site;

    @Inject
    PublishedMetadataCache metadata;

    @Inject
    TapCapabilities tap;

    @Inject
    ConeSearchCapabilities coneSearches;

    @Inject
    DatalinkCapabilities datalink;

    @EJB
    DataSources dataSources;

    /**
     * The records, read once, with the published metadata they were built from, which {@link #write} takes to
     * write them: an OAI page lists and writes records of one reading.
     *
     * @param all      in (datestamp, IVOID) order
     * @param metadata what anonymous callers see
     */
    public record Records(List<VoResource> all, PublishedMetadata metadata) {

        public Records {
            all = List.copyOf(all);
        }

        public Optional<VoResource> find(String ivoid) {
            return all.stream().filter(r -> r.ivoid().equals(ivoid)).findFirst();
        }
    }

    /** The records now. */
    public Records read() throws SQLException {
        Instant[] dates = metadataDates();
        Instant created = dates[0];
        Instant stamp = dates[1];
        // users' personal tables are never the archive's published data, not even when shared with everyone
        PublishedMetadata visible = metadata.get(Caller.ANONYMOUS).withoutPersonal();
        String auth = site.authority();
        List<VoResource> resources = new ArrayList<>(List.of(
            new VoResource(auth, "vg:Authority", site.publisher() + " naming authority",
                "The IVOA naming authority of " + site.publisher() + ".", site.baseUrl() + "/", created, stamp),
            new VoResource(registryId(), "vg:Registry", site.name() + " publishing registry",
                "The OAI-PMH publishing registry of " + site.name() + ".", site.baseUrl() + "/", created, stamp),
            new VoResource(site.ivoid(SiteIdentity.TAP), "vs:CatalogService", site.name() + " TAP service",
                "Table access (TAP 1.1, ADQL 2.1) to the published tables of " + site.name() + ".",
                site.baseUrl() + "/", created, stamp),
            new VoResource(site.ivoid(SiteIdentity.DATALINK), "vs:DataService", site.name() + " datalink service",
                "DataLink 1.1 links of the archive's objects, schemas and tables: files, DOIs, landing pages.",
                site.baseUrl() + "/datalink/semantics", created, stamp),
            new VoResource(auth + "/web", "vr:Service", site.name() + " web pages",
                "The archive's home page, landing pages and datalink views.", site.baseUrl() + "/", created, stamp)));
        for (PublishedMetadata.Table t : publicConeSearches(visible)) {
            resources.add(new VoResource(site.ivoid(ConeSearchService.path(t.schema(), t.name())), "vs:CatalogService",
                "Cone search of " + t.qualifiedName() + (t.title() == null ? "" : ": " + t.title()),
                t.description() == null ? "Simple Cone Search over " + t.qualifiedName() + "." : t.description(),
                site.baseUrl() + "/landing/" + t.qualifiedName(), created, stamp,
                t.publication() == null ? null : t.publication().doi()));
        }
        resources.sort(Comparator.comparing(VoResource::datestamp).thenComparing(VoResource::ivoid));
        return new Records(resources, visible);
    }

    public String registryId() {
        return site.authority() + "/registry";
    }

    /**
     * Writes the record as {@code ri:Resource} (what OAI-PMH's ivo_vor and Identify carry).
     *
     * @param visible the metadata the record was read with ({@link Records#metadata()}), for tablesets
     */
    public void write(XMLStreamWriter w, VoResource r, PublishedMetadata visible, int maxRecords)
            throws XMLStreamException {
        w.writeStartElement("ri", "Resource", RI);
        w.writeDefaultNamespace(""); // VOResource's own elements are unqualified, whatever encloses the record
        w.writeNamespace("ri", RI);
        w.writeNamespace("vr", Capabilities.VORESOURCE);
        w.writeNamespace("vs", Capabilities.VODATASERVICE);
        w.writeNamespace("vg", VG);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute(XSI, "type", r.xsiType());
        w.writeAttribute("created", r.created().toString());
        w.writeAttribute("updated", r.datestamp().toString());
        w.writeAttribute("status", "active");
        text(w, "title", r.title());
        text(w, "identifier", r.ivoid());
        if (r.doi() != null) {
            // VOResource 1.1 section 2.2.1: another identifier of this resource, as a URI (doi:, not https://doi.org/)
            text(w, "altIdentifier", "doi:" + r.doi());
        }
        w.writeStartElement("curation");
        text(w, "publisher", site.publisher());
        w.writeStartElement("contact");
        text(w, "name", site.contactName());
        text(w, "email", site.contactEmail());
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("content");
        text(w, "subject", "virtual-observatories");
        text(w, "description", r.description());
        text(w, "referenceURL", r.referenceUrl());
        if (r.xsiType().equals("vs:CatalogService")) {
            text(w, "type", "Catalog");
        }
        w.writeEndElement();
        String auth = site.authority();
        if (r.xsiType().equals("vg:Authority")) {
            text(w, "managingOrg", site.publisher());
        } else if (r.xsiType().equals("vg:Registry")) {
            harvest(w, maxRecords);
            text(w, "full", "false");
            text(w, "managedAuthority", auth.replaceFirst("^ivo://", ""));
        } else if (r.ivoid().equals(site.ivoid(SiteIdentity.TAP))) {
            capabilities(w, tap.capabilities());
            tableset(w, VosiTables.tableSet(visible, true));
        } else if (r.ivoid().equals(site.ivoid(SiteIdentity.DATALINK))) {
            capabilities(w, datalink.capabilities());
        } else if (r.ivoid().equals(auth + "/web")) {
            w.writeStartElement("capability");
            accessInterface(w, "vr:WebBrowser", null, null, "full", site.baseUrl() + "/");
            w.writeEndElement();
        } else {
            for (PublishedMetadata.Table t : publicConeSearches(visible)) {
                if (r.ivoid().equals(site.ivoid(ConeSearchService.path(t.schema(), t.name())))) {
                    capabilities(w, coneSearches.capabilities(t));
                    PublishedMetadata one = new PublishedMetadata(visible.schemas().stream()
                        .filter(s -> s.name().equals(t.schema()))
                        .map(s -> new PublishedMetadata.Schema(s.name(), s.title(), s.description(), s.utype(),
                            s.publication(), List.of(t))).toList());
                    tableset(w, VosiTables.tableSet(one, true));
                }
            }
        }
        w.writeEndElement();
    }

    private void harvest(XMLStreamWriter w, int maxRecords) throws XMLStreamException {
        w.writeStartElement("capability");
        w.writeAttribute("standardID", "ivo://ivoa.net/std/Registry");
        w.writeAttribute(XSI, "type", "vg:Harvest");
        accessInterface(w, "vg:OAIHTTP", "std", "1.0", "base", site.baseUrl() + "/oai");
        text(w, "maxRecords", Integer.toString(maxRecords));
        w.writeEndElement();
    }

    /**
     * An interface with one access URL; role and version may be null. Written once per accepted security
     * method, as {@link Capability} writes the services' interfaces (VOResource: one method per interface).
     */
    private static void accessInterface(XMLStreamWriter w, String xsiType, String role, String version, String use,
                                        String url) throws XMLStreamException {
        for (String method : SecurityMethods.ACCEPTED) {
            accessInterface(w, xsiType, role, version, use, url, method);
        }
    }

    private static void accessInterface(XMLStreamWriter w, String xsiType, String role, String version, String use,
                                        String url, String securityMethod) throws XMLStreamException {
        w.writeStartElement("interface");
        if (role != null) {
            w.writeAttribute("role", role);
            w.writeAttribute("version", version);
        }
        w.writeAttribute(XSI, "type", xsiType);
        w.writeStartElement("accessURL");
        w.writeAttribute("use", use);
        w.writeCharacters(url);
        w.writeEndElement();
        if (securityMethod != null) {
            w.writeEmptyElement("securityMethod");
            w.writeAttribute("standardID", securityMethod);
        }
        w.writeEndElement();
    }

    private static void capabilities(XMLStreamWriter w, List<Capability> capabilities) throws XMLStreamException {
        for (Capability c : capabilities) {
            marshal(w, new JAXBElement<>(new QName("", "capability"), Capability.class, c));
        }
    }

    private static void tableset(XMLStreamWriter w, TableSet tables) throws XMLStreamException {
        marshal(w, new JAXBElement<>(new QName("", "tableset"), TableSet.class, tables));
    }

    private static void marshal(XMLStreamWriter w, Object element) throws XMLStreamException {
        try {
            Marshaller m = FRAGMENTS.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, true);
            m.marshal(element, w);
        } catch (JAXBException e) {
            throw new XMLStreamException("a registry record cannot be written", e);
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }

    /** The cone searches of {@code visible} (anonymous): public ones. */
    private static List<PublishedMetadata.Table> publicConeSearches(PublishedMetadata visible) {
        return visible.tables().stream().filter(PublishedMetadata.Table::coneSearchUsable).toList();
    }

    /**
     * When the published metadata began and last changed, in seconds: the dates of every record, the services'
     * as much as the cone searches'. Read apart from the snapshot, which has a schema's or table's dates by the
     * day and of what the caller may see; the records have always been dated to the second over every table of
     * a published schema (published or not, whatever its access level).
     */
    private Instant[] metadataDates() throws SQLException {
        try (Connection c = dataSources.app().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT least(min(s.created), min(t.created)) AS created, greatest(max(s.updated), max(t.updated)) AS updated
                  FROM archive.schemas s LEFT JOIN archive.tables t ON t.schema_id = s.id WHERE s.published""")) {
            rs.next();
            Instant created = Optional.ofNullable(rs.getObject("created", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant).orElse(Instant.EPOCH);
            Instant updated = Optional.ofNullable(rs.getObject("updated", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant).orElse(created);
            return new Instant[] {created.truncatedTo(ChronoUnit.SECONDS), updated.truncatedTo(ChronoUnit.SECONDS)};
        }
    }
}
