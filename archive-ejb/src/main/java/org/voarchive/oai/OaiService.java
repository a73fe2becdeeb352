package org.voarchive.oai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.site.SiteIdentity;

/**
 * The OAI-PMH 2.0 repository: the six verbs, their arguments and errors, paging with signed resumption
 * tokens. The records come from the {@link RecordSource}s (the DOI records of package {@code doi}, the VO
 * resources of package {@code registry}), each with its sets and formats; lists merge the sources in
 * (datestamp, ID) order. Responses are written as they go (StAX), so a page of any size takes constant memory.
 */
@ApplicationScoped
public class OaiService {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** Records are read this many at a time, so a page of any size takes the memory of one batch. */
    private static final int RECORD_BATCH = 100;

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @Inject
    Instance<RecordSource> found;

    @Inject
    SiteIdentity site;

    @jakarta.ejb.EJB
    TombstonePruner tombstones;

    private volatile List<RecordSource> sources;

    @Inject
    @ConfigProperty(name = "archive.oai.page-size", defaultValue = "100")
    int pageSize;

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

    /** The most records a list answers at once (also what the registry's harvesting capability declares). */
    public int pageSize() {
        return pageSize;
    }

    /** The record sources, in their rank's order. */
    private List<RecordSource> sources() {
        List<RecordSource> all = sources;
        if (all == null) {
            all = found.stream().sorted(Comparator.comparingInt(RecordSource::rank)).toList();
            sources = all;
        }
        return all;
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
    public void respond(Map<String, List<String>> parameters, OutputStream out)
            throws XMLStreamException, SQLException, IOException {
        // Given a stream, the JDK's writer encodes byte by byte, each through the servlet's stream wrappers (a
        // third of a ListRecords page's CPU time); a Writer gets its text in blocks and encodes them in blocks.
        // It and the records' own serialisers write to one buffer.
        ResponseBuffer buffer = new ResponseBuffer(out);
        XMLStreamWriter w = XML.createXMLStreamWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
        RecordWriter records = new RecordWriter(w, buffer);
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
                for (RecordSource source : sources()) {
                    source.reconcile(); // one cheap read unless something changed; resumed pages skip even that
                }
            }
            // the verb's answer is built before anything of it is written, up to its first record
            Answer answer = answer(request);
            echo(w, request.arguments());
            answer.write(records);
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
        buffer.end();
    }

    /**
     * The response's bytes, handed on in blocks: before a record's own serialiser writes, StAX's text is flushed
     * into this buffer, and that must not flush the HTTP response each time.
     */
    private static final class ResponseBuffer extends BufferedOutputStream {

        ResponseBuffer(OutputStream out) {
            super(out, 1 << 16);
        }

        @Override
        public void flush() {
            // the buffer writes on when it is full, and at the end
        }

        void end() throws IOException {
            super.flush();
        }
    }

    @FunctionalInterface
    private interface Answer {
        void write(RecordWriter out) throws XMLStreamException, SQLException;
    }

    private Answer answer(OaiRequest r) throws OaiException, SQLException {
        return switch (r.verb()) {
            case "Identify" -> out -> identify(out.xml());
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

    /** The earliest datestamp of any source's records; null when there are none. */
    private Instant earliest() throws SQLException {
        Instant earliest = null;
        for (RecordSource source : sources()) {
            Optional<Instant> first = source.earliest();
            if (first.isPresent() && (earliest == null || first.get().isBefore(earliest))) {
                earliest = first.get();
            }
        }
        return earliest;
    }

    /** A set as the operations page shows it: the records on offer and the tombstones. */
    public record SetState(String spec, String name, long offered, long tombstones) {
    }

    /**
     * The repository's state for the operations page, as the last reconciliation left it (reading it reconciles
     * nothing): every set's records, the earliest datestamp (null: none), when the records were last
     * reconciled (null: not recorded yet) and the deleted-record policy.
     */
    public record State(List<SetState> sets, Instant earliest, Instant reconciled, String deletedRecord) {
    }

    public State state() throws SQLException {
        List<SetState> sets = new ArrayList<>();
        Instant reconciled = null;
        for (RecordSource source : sources()) {
            for (MetadataFormat.Set set : source.sets()) {
                long tombstones = source.tombstones(set.spec());
                sets.add(new SetState(set.spec(), set.name(), source.count(set.spec(), null, null) - tombstones, tombstones));
            }
            Optional<Instant> last = source.reconciled();
            if (last.isPresent() && (reconciled == null || last.get().isAfter(reconciled))) {
                reconciled = last.get();
            }
        }
        return new State(sets, earliest(), reconciled, tombstones.deletedRecordPolicy());
    }

    private void identify(XMLStreamWriter w) throws XMLStreamException, SQLException {
        Instant earliest = earliest();
        w.writeStartElement("Identify");
        element(w, "repositoryName", site.name());
        element(w, "baseURL", baseUrl());
        element(w, "protocolVersion", "2.0");
        element(w, "adminEmail", site.contactEmail());
        element(w, "earliestDatestamp", (earliest == null ? Instant.EPOCH : earliest).toString());
        element(w, "deletedRecord", tombstones.deletedRecordPolicy());
        element(w, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        for (RecordSource source : sources()) {
            source.describeRepository(w);
        }
        w.writeEndElement();
    }

    /** Every format of the sources (or of the one record's source), in the sources' order, each once. */
    private Answer listMetadataFormats(OaiRequest r) throws OaiException, SQLException {
        Map<String, MetadataFormat> offered = new LinkedHashMap<>();
        for (RecordSource source : r.identifier() == null ? sources() : List.of(sourceOf(item(r.identifier())))) {
            source.formats().forEach(f -> offered.putIfAbsent(f.prefix(), f));
        }
        return out -> {
            XMLStreamWriter w = out.xml();
            w.writeStartElement("ListMetadataFormats");
            for (MetadataFormat f : offered.values()) {
                w.writeStartElement("metadataFormat");
                element(w, "metadataPrefix", f.prefix());
                element(w, "schema", f.schema());
                element(w, "metadataNamespace", f.namespace());
                w.writeEndElement();
            }
            w.writeEndElement();
        };
    }

    private Answer listSets(OaiRequest r) throws OaiException {
        if (r.resumptionToken() != null) {
            throw new OaiException("badResumptionToken", "the set list is complete in one answer: it has no resumptionToken");
        }
        return out -> {
            XMLStreamWriter w = out.xml();
            w.writeStartElement("ListSets");
            for (RecordSource source : sources()) {
                for (MetadataFormat.Set s : source.sets()) {
                    w.writeStartElement("set");
                    element(w, "setSpec", s.spec());
                    element(w, "setName", s.name());
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        };
    }

    private Answer getRecord(OaiRequest r) throws OaiException, SQLException {
        OaiItem item = item(r.identifier());
        format(r.metadataPrefix());
        RecordSource source = sourceOf(item);
        if (!source.offers(r.metadataPrefix())) {
            throw new OaiException("cannotDisseminateFormat", r.identifier() + " is not offered as " + r.metadataPrefix()
                + "; ListMetadataFormats with the identifier names its formats");
        }
        RecordSource.Metadata metadata = null;
        if (!item.deleted()) {
            metadata = source.metadata(List.of(item)).get(item.id());
            if (metadata == null) {
                throw new OaiException("idDoesNotExist", "no record " + identifier(item.id()));
            }
        }
        RecordSource.Metadata m = metadata;
        return out -> {
            XMLStreamWriter w = out.xml();
            w.writeStartElement("GetRecord");
            writeRecord(out, item, m, r.metadataPrefix());
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
        if (set != null && sources().stream().noneMatch(s -> s.covers(set))) {
            throw new OaiException("noRecordsMatch", "there is no set " + set + "; ListSets names them");
        }
        OaiItem after = token == null ? null : token.last();
        List<RecordSource> listed = sources().stream().filter(s -> s.offers(prefix) && s.covers(set)).toList();
        List<OaiItem> page = new ArrayList<>();
        for (RecordSource source : listed) {
            page.addAll(source.page(set, from, until, after, pageSize + 1));
        }
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
        long total = token != null ? token.completeListSize() : !more ? page.size() : count(listed, set, from, until);
        return out -> {
            XMLStreamWriter w = out.xml();
            w.writeStartElement(records ? "ListRecords" : "ListIdentifiers");
            for (int i = 0; i < shown.size(); i += RECORD_BATCH) {
                List<OaiItem> batch = shown.subList(i, Math.min(shown.size(), i + RECORD_BATCH));
                Map<String, RecordSource.Metadata> read = records ? metadata(batch) : Map.of();
                for (OaiItem item : batch) {
                    if (!records) {
                        header(w, item);
                    } else if (item.deleted() || read.containsKey(item.id())) {
                        writeRecord(out, item, read.get(item.id()), prefix);
                    }
                    // else gone between listing and reading: the next harvest sees its tombstone
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

    private static long count(List<RecordSource> sources, String set, Instant from, Instant until) throws SQLException {
        long total = 0;
        for (RecordSource source : sources) {
            total += source.count(set, from, until);
        }
        return total;
    }

    /** The metadata of a batch's items, each read by its source together with the batch's others. */
    private Map<String, RecordSource.Metadata> metadata(List<OaiItem> batch) throws SQLException {
        Map<RecordSource, List<OaiItem>> bySource = new LinkedHashMap<>();
        for (OaiItem item : batch) {
            if (!item.deleted()) {
                bySource.computeIfAbsent(sourceOf(item), k -> new ArrayList<>()).add(item);
            }
        }
        Map<String, RecordSource.Metadata> read = new HashMap<>();
        for (Map.Entry<RecordSource, List<OaiItem>> e : bySource.entrySet()) {
            read.putAll(e.getKey().metadata(e.getValue()));
        }
        return read;
    }

    /** (datestamp, ID), the order lists have: IDs compared as PostgreSQL's "C" collation does. */
    private static final java.util.Comparator<OaiItem> ORDER = java.util.Comparator.comparing(OaiItem::datestamp)
        .thenComparing(OaiItem::id);

    /** The source whose set the item is in. */
    private RecordSource sourceOf(OaiItem item) {
        return sources().stream().filter(s -> s.sets().stream().anyMatch(set -> set.spec().equals(item.setSpec())))
            .findFirst().orElseThrow(() -> new IllegalStateException("no record source has set " + item.setSpec()));
    }

    private OaiItem item(String identifier) throws OaiException, SQLException {
        String id;
        if (identifier.startsWith("ivo://")) {
            id = identifier; // a VO resource's OAI identifier is its IVOID
        } else if (identifier.startsWith(prefix())) {
            id = identifier.substring(prefix().length());
        } else {
            throw new OaiException("idDoesNotExist", identifier + " is not an identifier of this repository (they start "
                + prefix() + " or ivo://)");
        }
        for (RecordSource source : sources()) {
            Optional<OaiItem> item = source.item(id);
            if (item.isPresent()) {
                return item.get();
            }
        }
        throw new OaiException("idDoesNotExist", "no record " + identifier);
    }

    private void format(String prefix) throws OaiException {
        if (sources().stream().noneMatch(s -> s.offers(prefix))) {
            throw new OaiException("cannotDisseminateFormat", "metadataPrefix " + prefix + " is not offered; use "
                + String.join(", ", sources().stream().flatMap(s -> s.formats().stream()).map(MetadataFormat::prefix)
                .distinct().toList()));
        }
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

    /** A record; a deleted one is its header alone (OAI-PMH 2.0 section 2.5.1). */
    private void writeRecord(RecordWriter out, OaiItem item, RecordSource.Metadata metadata, String prefix)
            throws XMLStreamException, SQLException {
        XMLStreamWriter w = out.xml();
        w.writeStartElement("record");
        header(w, item);
        if (!item.deleted()) {
            w.writeStartElement("metadata");
            metadata.write(out, prefix, identifier(item.id()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }
}
