package org.voarchive.oai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.dali.DaliException;
import org.voarchive.doi.DataCiteRecords;
import org.voarchive.doi.xml.DataCiteResource;
import org.voarchive.registry.VoResource;
import org.voarchive.registry.VoResources;
import org.voarchive.site.SiteIdentity;

/**
 * The OAI-PMH 2.0 repository of the archive's DOI records: the six verbs,
 * their errors, and the oai_dc, datacite and oai_datacite formats, all from
 * the doi service's DataCite records (one source of truth). Responses are
 * written as they go (StAX, the DataCite payloads by JAXB), so a page of any
 * size takes constant memory.
 */
@ApplicationScoped
public class OaiService {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String OAI_DATACITE = "http://schema.datacite.org/oai/oai-1.1/";
    static final String IVO_MANAGED = "ivo_managed";

    /** prefix, schema, namespace. */
    static final List<String[]> FORMATS = List.of(
        new String[] {"oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC},
        new String[] {"datacite", "http://schema.datacite.org/meta/kernel-4.5/metadata.xsd", DataCiteResource.NAMESPACE},
        new String[] {"oai_datacite", "http://schema.datacite.org/oai/oai-1.1/oai.xsd", OAI_DATACITE},
        new String[] {"ivo_vor", "http://www.ivoa.net/xml/RegistryInterface/RegistryInterface-v1.0.xsd", VoResources.RI});
    /** The formats of DOI records and of VO resources. */
    private static final List<String> DOI_FORMATS = List.of("oai_dc", "datacite", "oai_datacite");
    private static final List<String> VO_FORMATS = List.of("oai_dc", "ivo_vor");

    /** Records are read this many at a time, so a page of any size takes the memory of one batch. */
    private static final int RECORD_BATCH = 100;

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @Inject
    OaiRepository repository;

    @Inject
    DataCiteRecords records;

    @Inject
    SiteIdentity site;

    @Inject
    VoResources registry;

    @jakarta.ejb.EJB
    TombstonePruner tombstones;

    @Inject
    @ConfigProperty(name = "archive.oai.page-size", defaultValue = "100")
    int pageSize;

    @Inject
    @ConfigProperty(name = "archive.datacite.repository-id")
    Optional<String> datacentre;

    /** The secret resumption tokens are signed with; unset: derived from the application role's password. */
    @Inject
    @ConfigProperty(name = "archive.oai.token-secret")
    Optional<String> tokenSecret;

    @Inject
    @ConfigProperty(name = "archive.db.app.password")
    Optional<String> appPassword;

    private volatile ResumptionToken.Key tokenKey;

    /**
     * One key for every node and restart: from archive.oai.token-secret, else from the database password
     * the server already keeps secret (never a key made up at startup, which would break harvests in progress).
     */
    ResumptionToken.Key tokenKey() {
        ResumptionToken.Key key = tokenKey;
        if (key == null) {
            Optional<String> secret = tokenSecret.filter(s -> !s.isBlank())
                .or(() -> appPassword.filter(s -> !s.isBlank()).map(p -> "archive.db.app.password:" + p));
            if (secret.isEmpty()) {
                java.util.logging.Logger.getLogger(OaiService.class.getName()).warning("neither archive.oai.token-secret"
                    + " nor archive.db.app.password is set: OAI-PMH resumption tokens are checked for integrity only,"
                    + " anyone can forge them");
            }
            key = new ResumptionToken.Key(secret.orElse("") + "|" + site.authority());
            tokenKey = key;
        }
        return key;
    }

    public String baseUrl() {
        return site.baseUrl() + "/oai";
    }

    /** oai:{authority host}:{id} for DOI records (e.g. oai:archive.localhost:demo.plates); a VO resource's IVOID. */
    public String identifier(String id) {
        return id.startsWith("ivo://") ? id : prefix() + id;
    }

    private String prefix() {
        return "oai:" + site.authority().replaceFirst("^ivo://", "").replaceAll("/.*", "") + ":";
    }

    /** Answers one request (or its error) into {@code out}. */
    public void respond(Map<String, List<String>> parameters, OutputStream out) throws XMLStreamException, SQLException {
        XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("OAI-PMH");
        w.writeDefaultNamespace(OAI);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute(XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
        element(w, "responseDate", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        OaiRequest request = null;
        try {
            request = OaiRequest.parse(parameters);
            if (request.resumptionToken() == null) {
                repository.reconcile(); // one cheap read unless metadata or datalinks changed; resumed pages skip even that
            }
            // the verb's answer is built before anything of it is written, up to its first record
            Answer answer = answer(request);
            echo(w, request.arguments());
            answer.write(w);
        } catch (OaiException e) {
            echo(w, e.echoesArguments() && request != null ? request.arguments() : Map.of());
            w.writeStartElement("error");
            w.writeAttribute("code", e.code());
            w.writeCharacters(e.getMessage());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
    }

    @FunctionalInterface
    private interface Answer {
        void write(XMLStreamWriter w) throws XMLStreamException, SQLException;
    }

    private Answer answer(OaiRequest r) throws OaiException, SQLException {
        return switch (r.verb()) {
            case "Identify" -> this::identify;
            case "ListMetadataFormats" -> listMetadataFormats(r);
            case "ListSets" -> listSets(r);
            case "GetRecord" -> getRecord(r);
            default -> list(r, r.verb().equals("ListRecords"));
        };
    }

    private void echo(XMLStreamWriter w, Map<String, String> arguments) throws XMLStreamException {
        w.writeStartElement("request");
        for (Map.Entry<String, String> a : arguments.entrySet()) {
            w.writeAttribute(a.getKey(), a.getValue());
        }
        w.writeCharacters(baseUrl());
        w.writeEndElement();
    }

    private void identify(XMLStreamWriter w) throws XMLStreamException, SQLException {
        w.writeStartElement("Identify");
        element(w, "repositoryName", site.name());
        element(w, "baseURL", baseUrl());
        element(w, "protocolVersion", "2.0");
        element(w, "adminEmail", site.contactEmail());
        element(w, "earliestDatestamp", repository.earliest().toString());
        element(w, "deletedRecord", tombstones.deletedRecordPolicy());
        element(w, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        w.writeStartElement("description"); // the publishing registry's own record (Registry Interfaces 1.1 section 3.1)
        registry.write(w, registry.find(registry.registryId()).orElseThrow(), pageSize);
        w.writeEndElement();
        w.writeEndElement();
    }

    private Answer listMetadataFormats(OaiRequest r) throws OaiException, SQLException {
        List<String> offered = r.identifier() == null ? FORMATS.stream().map(f -> f[0]).toList() : formats(item(r.identifier()));
        return w -> {
            w.writeStartElement("ListMetadataFormats");
            for (String[] f : FORMATS) {
                if (!offered.contains(f[0])) {
                    continue;
                }
                w.writeStartElement("metadataFormat");
                element(w, "metadataPrefix", f[0]);
                element(w, "schema", f[1]);
                element(w, "metadataNamespace", f[2]);
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    private Answer listSets(OaiRequest r) throws OaiException {
        if (r.resumptionToken() != null) {
            throw new OaiException("badResumptionToken", "the set list is complete in one answer: it has no resumptionToken");
        }
        return w -> {
            w.writeStartElement("ListSets");
            for (String[] s : OaiRepository.SETS) {
                w.writeStartElement("set");
                element(w, "setSpec", s[0]);
                element(w, "setName", s[1]);
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    private Answer getRecord(OaiRequest r) throws OaiException, SQLException {
        OaiItem item = item(r.identifier());
        format(r.metadataPrefix());
        if (!formats(item).contains(r.metadataPrefix())) {
            throw new OaiException("cannotDisseminateFormat", r.identifier() + " is not offered as " + r.metadataPrefix()
                + "; ListMetadataFormats with the identifier names its formats");
        }
        VoResource resource = isVo(item) ? registry.find(item.id()).orElseThrow() : null;
        DataCiteResource record = item.deleted() || resource != null ? null : record(item);
        return w -> {
            w.writeStartElement("GetRecord");
            writeRecord(w, item, record, resource, r.metadataPrefix());
            w.writeEndElement();
        };
    }

    private Answer list(OaiRequest r, boolean records) throws OaiException, SQLException {
        ResumptionToken token = r.resumptionToken() == null ? null : ResumptionToken.decode(r.resumptionToken(), tokenKey());
        String prefix = token == null ? r.metadataPrefix() : token.metadataPrefix();
        String set = token == null ? r.set() : token.set();
        Instant from = token == null ? r.from() : token.from();
        Instant until = token == null ? r.until() : token.until();
        format(prefix);
        if (set != null && OaiRepository.SETS.stream().noneMatch(s -> s[0].equals(set))) {
            throw new OaiException("noRecordsMatch", "there is no set " + set + "; ListSets names them");
        }
        OaiItem after = token == null ? null : token.last();
        boolean dois = DOI_FORMATS.contains(prefix) && !IVO_MANAGED.equals(set);
        boolean vo = VO_FORMATS.contains(prefix) && (set == null || IVO_MANAGED.equals(set));
        // the VO resources are few and read once per page
        java.util.Map<String, VoResource> resources = new java.util.HashMap<>();
        if (vo) {
            registry.all().stream().filter(x -> (from == null || !x.datestamp().isBefore(from))
                && (until == null || !x.datestamp().isAfter(until))).forEach(x -> resources.put(x.ivoid(), x));
        }
        List<OaiItem> voItems = resources.values().stream().map(OaiService::voItem).toList();
        List<OaiItem> page = new java.util.ArrayList<>(dois ? repository.page(set, from, until, after, pageSize + 1) : List.of());
        voItems.stream().filter(i -> after == null || ORDER.compare(i, after) > 0).forEach(page::add);
        page.sort(ORDER);
        if (page.size() > pageSize + 1) {
            page = page.subList(0, pageSize + 1);
        }
        if (page.isEmpty()) {
            if (token != null) {
                throw new OaiException("badResumptionToken", "the resumptionToken points past the end of the list");
            }
            throw new OaiException("noRecordsMatch", "no records match the arguments");
        }
        boolean more = page.size() > pageSize;
        List<OaiItem> shown = more ? page.subList(0, pageSize) : page;
        long cursor = token == null ? 0 : token.cursor();
        // counted once per list (a one-page list needs no count); later pages carry it in their token
        long total = token != null ? token.completeListSize()
            : !more ? page.size() : (dois ? repository.count(set, from, until) : 0) + voItems.size();
        return w -> {
            w.writeStartElement(records ? "ListRecords" : "ListIdentifiers");
            for (int i = 0; i < shown.size(); i += RECORD_BATCH) {
                List<OaiItem> batch = shown.subList(i, Math.min(shown.size(), i + RECORD_BATCH));
                Map<String, DataCiteResource> read = records ? records(batch) : Map.of();
                for (OaiItem item : batch) {
                    if (records && isVo(item)) {
                        writeRecord(w, item, null, resources.get(item.id()), prefix);
                    } else if (records) {
                        DataCiteResource record = read.get(item.id());
                        if (record == null && !item.deleted()) {
                            continue; // gone between listing and reading: the next harvest sees its tombstone
                        }
                        writeRecord(w, item, record, null, prefix);
                    } else {
                        header(w, item);
                    }
                }
            }
            if (more || token != null) {
                w.writeStartElement("resumptionToken");
                w.writeAttribute("completeListSize", Long.toString(total));
                w.writeAttribute("cursor", Long.toString(cursor));
                if (more) {
                    w.writeCharacters(new ResumptionToken(prefix, set, from, until, shown.get(shown.size() - 1),
                        cursor + shown.size(), total).encode(tokenKey()));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    /** (datestamp, ID), the order lists have: IDs compared as PostgreSQL's "C" collation does. */
    private static final java.util.Comparator<OaiItem> ORDER = java.util.Comparator.comparing(OaiItem::datestamp)
        .thenComparing(OaiItem::id);

    private static boolean isVo(OaiItem item) {
        return IVO_MANAGED.equals(item.setSpec());
    }

    private static List<String> formats(OaiItem item) {
        return isVo(item) ? VO_FORMATS : DOI_FORMATS;
    }

    private static OaiItem voItem(VoResource r) {
        return new OaiItem(r.ivoid(), IVO_MANAGED, r.datestamp(), false);
    }

    private OaiItem item(String identifier) throws OaiException, SQLException {
        if (identifier.startsWith("ivo://")) {
            return registry.find(identifier).map(OaiService::voItem)
                .orElseThrow(() -> new OaiException("idDoesNotExist", "no VO resource " + identifier));
        }
        if (!identifier.startsWith(prefix())) {
            throw new OaiException("idDoesNotExist", identifier + " is not an identifier of this repository (they start "
                + prefix() + ")");
        }
        return repository.item(identifier.substring(prefix().length()))
            .orElseThrow(() -> new OaiException("idDoesNotExist", "no record " + identifier));
    }

    private static void format(String prefix) throws OaiException {
        if (FORMATS.stream().noneMatch(f -> f[0].equals(prefix))) {
            throw new OaiException("cannotDisseminateFormat", "metadataPrefix " + prefix
                + " is not offered; use oai_dc, datacite, oai_datacite or ivo_vor");
        }
    }

    /** The DataCite records of a batch's DOI items, read together. */
    private Map<String, DataCiteResource> records(List<OaiItem> batch) throws SQLException {
        List<String> ids = batch.stream().filter(i -> !i.deleted() && !isVo(i)).map(OaiItem::id).toList();
        try {
            return ids.isEmpty() ? Map.of() : records.publicRecords(ids);
        } catch (DaliException e) {
            throw new SQLException("the records of " + ids.get(0) + " ... cannot be read: " + e.getMessage(), e);
        }
    }

    private DataCiteResource record(OaiItem item) throws OaiException, SQLException {
        DataCiteResource record = records(List.of(item)).get(item.id());
        if (record == null) {
            throw new OaiException("idDoesNotExist", "no record " + identifier(item.id()));
        }
        return record;
    }

    private void header(XMLStreamWriter w, OaiItem item) throws XMLStreamException {
        w.writeStartElement("header");
        if (item.deleted()) {
            w.writeAttribute("status", "deleted");
        }
        element(w, "identifier", identifier(item.id()));
        element(w, "datestamp", item.datestamp().toString());
        element(w, "setSpec", item.setSpec());
        w.writeEndElement();
    }

    /**
     * A record; a deleted one is its header alone (OAI-PMH 2.0 section 2.5.1). A DOI record comes with its
     * DataCite {@code record}, a VO resource with its {@code resource}; the other is null.
     */
    private void writeRecord(XMLStreamWriter w, OaiItem item, DataCiteResource record, VoResource resource, String prefix)
            throws XMLStreamException, SQLException {
        w.writeStartElement("record");
        header(w, item);
        if (item.deleted()) {
            w.writeEndElement();
            return;
        }
        w.writeStartElement("metadata");
        if (resource != null) {
            if (prefix.equals("ivo_vor")) {
                registry.write(w, resource, pageSize);
            } else {
                OaiDublinCore.write(w, resource, identifier(item.id()), site.publisher());
            }
            w.writeEndElement();
            w.writeEndElement();
            return;
        }
        switch (prefix) {
            case "oai_dc" -> OaiDublinCore.write(w, record);
            case "datacite" -> datacite(w, record);
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
                datacite(w, record);
                w.writeEndElement();
                w.writeEndElement();
            }
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void datacite(XMLStreamWriter w, DataCiteResource record) throws XMLStreamException {
        try {
            DataCiteResource.marshaller(true).marshal(record, w);
        } catch (JAXBException e) {
            throw new XMLStreamException("the DataCite record cannot be written", e);
        }
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }
}
