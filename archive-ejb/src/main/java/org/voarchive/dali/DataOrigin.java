package org.voarchive.dali;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voarchive.datalink.MetadataLinks;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.site.SiteIdentity;
import uk.ac.starlink.fits.CardFactory;
import uk.ac.starlink.fits.CardImage;

/**
 * The INFOs of the IVOA Note "Data Origin in the VO" (version 1.1, NOTE-DataOrigin-1.1-20240126, with the
 * names of the 1.2 draft where it renames), computed once per request from the published read model (the
 * same snapshot DataCite records and landing pages are built from, so a DOI changed once changes here too)
 * and the request itself.
 *
 * <p>Two lists. Section 5.3 ("VOTable serialization") of 1.1 allows the INFOs under VOTABLE or RESOURCE;
 * the 1.2 draft's section 5.3 makes it best practice to put the query items (table 1, section 5.1 "Query
 * information") at the root of the VOTable and the dataset items (table 2, section 5.2 "Dataset Origin")
 * with the resource they describe: here, for each published table the request read, in the RESOURCE that
 * holds the result. 1.1's {@code ivoid} (table 1, "IVOID of underlying data collection") goes with the
 * dataset items, as the draft's {@code data_ivoid} does. Section 5.3 leaves multiplicities open and asks
 * clients to accept repeated items, so a query over several tables repeats the dataset items, each INFO's
 * content naming its table (5.3 recommends such human-readable bodies). Items without a fact in the
 * metadata are left out rather than made up: {@code journal}, {@code original_date}; {@code resource_version}
 * is there when the table (or its schema) has one in its credits, as its DataCite record's version.
 */
public final class DataOrigin {

    /** The product token of this software, as the {@code Server} header gives it (without a release there). */
    public static final String SERVER_SOFTWARE = "voarchive";

    /**
     * The {@code server_software} value: the product and its release in the software identification note's
     * product/version form, as the note's table 1 asks ("voarchive/0.1.0"), so that a result says which release
     * computed it. The release is the build's ({@code release.properties} beside this class, filtered by Maven:
     * Payara's class loaders do not give a Package its jar's manifest); the HTTP header names the product only,
     * because it answers every client, results only those who queried.
     */
    static final String SERVER_SOFTWARE_VERSION = SERVER_SOFTWARE + release().map(v -> "/" + v).orElse("");

    private static Optional<String> release() {
        try (java.io.InputStream in = DataOrigin.class.getResourceAsStream("release.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version")).filter(v -> !v.isBlank() && !v.startsWith("$"));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * One INFO: the note's item name, its value, and a human-readable content (or null).
     */
    public record Info(String name, String value, String content) {
    }

    /**
     * What the site says about itself.
     *
     * @param landingBase the landing page URL of a schema or table is this followed by its name
     */
    public record Site(String publisher, String contact, String authority, String landingBase) {

        public static Site of(SiteIdentity site) {
            return new Site(site.publisher(), site.contactEmail(), site.authority(),
                site.baseUrl() + MetadataLinks.LANDING_PATH);
        }

        /** The IVOID of the TAP service's registry record. */
        public String tapIvoid() {
            return authority + SiteIdentity.TAP;
        }
    }

    /**
     * The request a result answers.
     *
     * @param standardId   the standardID of the protocol's capability (what {@code service_protocol} holds)
     * @param protocol     the protocol's name and version, for the INFO's content
     * @param serviceIvoid the IVOID of the service's registry record
     * @param url          the endpoint URL with the request's parameters, form-encoded, as its query
     *                     part (the note's table 1, footnote **: regardless of the HTTP method)
     * @param date         when the request was received
     * @param query        the query in a formal language (ADQL) as the client gave it, or null
     */
    public record Request(String standardId, String protocol, String serviceIvoid, String url, Instant date,
                          String query) {
    }

    private final List<Info> query;
    private final List<Info> dataset;

    private DataOrigin(List<Info> query, List<Info> dataset) {
        this.query = List.copyOf(query);
        this.dataset = List.copyOf(dataset);
    }

    /**
     * @param tables the qualified names of the tables the request read, in order; those the metadata does
     *               not publish (uploads) have no dataset items
     */
    public static DataOrigin of(Site site, Request request, PublishedMetadata metadata, List<String> tables) {
        List<Info> query = new ArrayList<>();
        query.add(new Info("publisher", site.publisher(), "Data centre that produced this document"));
        query.add(new Info("server_software", SERVER_SOFTWARE_VERSION, "Software that produced this document"));
        query.add(new Info("service_protocol", request.standardId(), request.protocol()));
        query.add(new Info("service_ivoid", request.serviceIvoid(), "IVOID of the service that produced this document"));
        query.add(new Info("request", request.url(), "The request, its parameters form-encoded"));
        if (request.query() != null) {
            query.add(new Info("query", request.query(), "The query as given"));
        }
        query.add(new Info("request_date", timestamp(request.date()), "When the request was received (UTC)"));
        query.add(new Info("contact", site.contact(), "Publisher contact"));
        List<Info> dataset = new ArrayList<>();
        for (String name : new LinkedHashSet<>(tables)) {
            metadata.table(name).ifPresent(t -> dataset.addAll(dataset(site, t, schema(metadata, t))));
        }
        return new DataOrigin(query, dataset);
    }

    /** The items of the note's table 1: the VOTable's root INFOs. */
    public List<Info> query() {
        return query;
    }

    /** The items of the note's table 2 for each table read, in the order of the tables. */
    public List<Info> dataset() {
        return dataset;
    }

    /**
     * A table's items. Its own DOI, licence and creators where it has them; else its schema's, since a
     * table without its own DOI is cited as part of its schema's dataset (the schema's DataCite record).
     */
    private static List<Info> dataset(Site site, PublishedMetadata.Table t, PublishedMetadata.Publication schema) {
        PublishedMetadata.Publication own = t.publication();
        String name = t.qualifiedName();
        String landing = site.landingBase() + name;
        List<Info> infos = new ArrayList<>();
        // the IVOID of the registry record whose tableset describes the table: the TAP service's
        String ivoid = site.tapIvoid();
        infos.add(new Info("data_ivoid", ivoid, "IVOID of the resource publishing " + name));
        infos.add(new Info("ivoid", ivoid, "IVOID of the resource publishing " + name + " (Data Origin 1.1 name)"));
        String doi = own.doi() != null ? own.doi() : schema.doi();
        infos.add(doi != null
            ? new Info("citation", "doi:" + doi, "DOI to cite " + name + " by")
            : new Info("citation", landing, "Page to cite " + name + " by (it has no DOI)"));
        infos.add(new Info("reference_url", landing, "Landing page of " + name));
        PublishedMetadata.Publication licensed = own.licenseUrl() != null || own.licenseLabel() != null
            || own.licenseSpdx() != null ? own : schema;
        if (licensed.licenseUrl() != null) {
            infos.add(new Info("rights_uri", licensed.licenseUrl(), "Licence of " + name));
        }
        String label = licensed.licenseLabel() != null ? licensed.licenseLabel() : licensed.licenseSpdx();
        if (label != null) {
            infos.add(new Info("rights", label, "Licence of " + name));
        }
        String release = own.credits().resourceVersion() != null ? own.credits().resourceVersion()
            : schema.credits().resourceVersion();
        if (release != null) {
            infos.add(new Info("resource_version", release, "Version of " + name));
        }
        for (Credits.Agent creator : (own.credits().creators().isEmpty() ? schema : own).credits().creators()) {
            if (creator.name() != null) { // stored credits were validated, but a JSON null must not break a result
                infos.add(new Info("creator", creator.name(), "Creator of " + name));
            }
        }
        for (Credits.RelatedIdentifier r : own.credits().relatedIdentifiers()) {
            if (r.identifier() != null) {
                relation(r).ifPresent(item -> infos.add(new Info(item, identifier(r), r.relation() + " of " + name)));
            }
        }
        if (own.created() != null) {
            infos.add(new Info("publication_date", own.created().toString(), "When " + name + " was first published here"));
        }
        if (own.updated() != null) {
            infos.add(new Info("last_update_date", own.updated().toString(), "When " + name + " was last updated here"));
        }
        return infos;
    }

    private static PublishedMetadata.Publication schema(PublishedMetadata metadata, PublishedMetadata.Table t) {
        return metadata.schemas().stream().filter(s -> s.name().equals(t.schema())).findFirst()
            .map(PublishedMetadata.Schema::publication).orElse(PublishedMetadata.Publication.NONE);
    }

    /**
     * The note's item for a curated related identifier (DataCite relation types): {@code cites} and
     * {@code is_derived_from} (table 2, VOResource's relationship types), and {@code article} for the
     * publication the data supplements (appendix B: relationType IsSupplementTo).
     */
    private static Optional<String> relation(Credits.RelatedIdentifier r) {
        return Optional.ofNullable(switch (r.relation() == null ? "" : r.relation()) {
            case "Cites" -> "cites";
            case "IsDerivedFrom" -> "is_derived_from";
            case "IsSupplementTo" -> "article";
            default -> null;
        });
    }

    /** DOIs and bibcodes in the note's prefixed form (its example: {@code doi:10...}); others as they are. */
    private static String identifier(Credits.RelatedIdentifier r) {
        return switch (r.type() == null ? "" : r.type()) {
            case "DOI" -> "doi:" + r.identifier();
            case "bibcode" -> "bibcode:" + r.identifier();
            default -> r.identifier();
        };
    }

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** A DALI timestamp (DALI 1.1 section 3.3.3) in UTC, to the millisecond. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /**
     * An endpoint URL with parameters as its form-encoded query part (names as given, values in order):
     * the note's {@code request}.
     */
    public static String requestUrl(String endpoint, Map<String, List<String>> parameters) {
        StringBuilder url = new StringBuilder(endpoint);
        char separator = '?';
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                url.append(separator).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /**
     * The origin as the JSON formats carry it: {@code dataOrigin} (the query's items) and
     * {@code dataOriginTables} (the tables'), each an array of objects of name, value and content, as the
     * VOTable's INFOs have.
     */
    public void writeJson(jakarta.json.stream.JsonGenerator g) {
        writeJson(g, "dataOrigin", query);
        writeJson(g, "dataOriginTables", dataset);
    }

    private static void writeJson(jakarta.json.stream.JsonGenerator g, String name, List<Info> infos) {
        g.writeStartArray(name);
        for (Info i : infos) {
            g.writeStartObject().write("name", i.name()).write("value", i.value());
            if (i.content() != null) {
                g.write("content", i.content());
            }
            g.writeEnd();
        }
        g.writeEnd();
    }

    /**
     * The items as FITS header cards (FITS 4.0): the reserved keywords where the standard has one for an item
     * (section 4.4.2: ORIGIN the publisher, DATE the request date, REFERENC the citation, AUTHOR the
     * creators; the last two only when the tables read agree on one value, as a keyword appears once), then
     * every item as COMMENT cards {@code name = value}, wrapped at the card's 72 characters. FITS headers
     * hold printable ASCII only: other characters become '?'; a value too long for its keyword's card is
     * left to the COMMENT cards.
     */
    public List<CardImage> fitsCards() {
        List<CardImage> cards = new ArrayList<>();
        keyword(cards, "ORIGIN", values("publisher"), "Publisher (IVOA Data Origin)");
        keyword(cards, "DATE", values("request_date").stream().map(d -> d.replaceFirst("Z$", "")).toList(),
            "Request date (UTC)");
        keyword(cards, "REFERENC", values("citation"), "How to cite the data");
        List<String> creators = values("creator");
        if (values("reference_url").size() == 1 && !creators.isEmpty()) { // one table's creators
            keyword(cards, "AUTHOR", List.of(String.join("; ", creators)), "Creators of the data");
        }
        for (Info i : query) {
            comment(cards, i);
        }
        for (Info i : dataset) {
            comment(cards, i);
        }
        return cards;
    }

    private static void keyword(List<CardImage> cards, String key, List<String> values, String comment) {
        if (values.size() != 1) {
            return;
        }
        String value = ascii(values.get(0));
        if (value.replace("'", "''").length() <= 68) { // the most a string card's quotes hold
            cards.add(CardFactory.STRICT.createStringCard(key, value, comment));
        }
    }

    private static void comment(List<CardImage> cards, Info i) {
        String text = ascii("Data Origin " + i.name() + " = " + i.value());
        int width = 72;
        cards.add(CardFactory.STRICT.createCommentCard(text.substring(0, Math.min(width, text.length()))));
        for (int at = width; at < text.length(); at += width - 2) { // continued lines indented
            cards.add(CardFactory.STRICT.createCommentCard("  " + text.substring(at, Math.min(at + width - 2, text.length()))));
        }
    }

    /** FITS header text (FITS 4.0 section 4.2.1: printable ASCII), without STIL's log line per replacement. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c >= 0x20 && c <= 0x7e ? (char) c : '?'));
        return b.toString();
    }

    /** The distinct values of one item, in order. */
    public List<String> values(String name) {
        Set<String> values = new LinkedHashSet<>();
        for (Info i : query) {
            if (i.name().equals(name)) {
                values.add(i.value());
            }
        }
        for (Info i : dataset) {
            if (i.name().equals(name)) {
                values.add(i.value());
            }
        }
        return List.copyOf(values);
    }
}
