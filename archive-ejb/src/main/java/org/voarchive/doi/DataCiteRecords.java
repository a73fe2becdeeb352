package org.voarchive.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.voarchive.dali.DaliException;
import org.voarchive.datalink.Link;
import org.voarchive.datalink.MetadataLinks;
import org.voarchive.doi.xml.DataCiteResource;
import org.voarchive.metadata.Credits;

/**
 * DataCite kernel 4.5 records of what has a DOI: schemas and tables from the
 * metadata, objects from their {@code #doi} datalinks. Built from the same
 * {@link LandingPage} the landing page shows, with the datalinks as the
 * source of formats, sizes and relations: alternate identifiers name the
 * Datalink ID and the landing page.
 */
@ApplicationScoped
public class DataCiteRecords {

    @Inject
    LandingPages pages;

    /** @return empty if the ID has no DOI, or the caller may not see it */
    public Optional<DataCiteResource> record(String id, String callerName) throws SQLException, DaliException {
        return pages.find(id, callerName).filter(p -> p.doi() != null).map(DataCiteRecords::record);
    }

    /**
     * The records of several IDs read together (a page of an OAI-PMH harvest), as an anonymous caller sees them.
     *
     * @return the records of the IDs that have a DOI and are public, in the order of the IDs
     */
    public java.util.Map<String, DataCiteResource> publicRecords(List<String> ids) throws SQLException, DaliException {
        java.util.Map<String, DataCiteResource> found = new java.util.LinkedHashMap<>();
        for (LandingPage p : pages.find(ids, (String) null).values()) {
            if (p.doi() != null) {
                found.put(p.id(), record(p));
            }
        }
        return found;
    }

    static DataCiteResource record(LandingPage p) {
        DataCiteResource r = new DataCiteResource();
        r.identifier = new DataCiteResource.Identifier(p.doi());
        for (Credits.Agent a : p.creators()) {
            DataCiteResource.Creator c = new DataCiteResource.Creator();
            c.creatorName = name(a);
            c.givenName = a.givenName();
            c.familyName = a.familyName();
            c.nameIdentifiers.addAll(identifiers(a));
            c.affiliations.addAll(affiliations(a));
            r.creators.add(c);
        }
        if (r.creators.isEmpty()) { // DataCite requires a creator: without curated ones, the publishing organisation
            DataCiteResource.Creator c = new DataCiteResource.Creator();
            c.creatorName = new DataCiteResource.Name();
            c.creatorName.nameType = "Organizational";
            c.creatorName.value = p.publisher();
            r.creators.add(c);
        }
        r.titles.add(new DataCiteResource.Title(p.title(), null));
        if (!p.title().equals(p.id())) {
            r.titles.add(new DataCiteResource.Title(p.id(), "AlternativeTitle"));
        }
        r.publisher = new DataCiteResource.Publisher(p.publisher());
        r.publicationYear = Integer.toString(p.publicationYear());
        r.resourceType = new DataCiteResource.ResourceType("Dataset", switch (p.kind()) {
            case "schema" -> "Database schema";
            case "table" -> "Table";
            default -> "Archive object";
        });
        DataCiteResource.Subject astronomy = new DataCiteResource.Subject();
        astronomy.value = "Astronomy"; // what every record of an astronomical archive is about; curated subjects may follow
        r.subjects = List.of(astronomy);
        if (!p.contributors().isEmpty()) {
            r.contributors = new ArrayList<>();
            for (Credits.Contribution k : p.contributors()) {
                DataCiteResource.Contributor c = new DataCiteResource.Contributor();
                c.contributorType = k.type();
                c.contributorName = name(k.contributor());
                c.givenName = k.contributor().givenName();
                c.familyName = k.contributor().familyName();
                c.nameIdentifiers.addAll(identifiers(k.contributor()));
                c.affiliations.addAll(affiliations(k.contributor()));
                r.contributors.add(c);
            }
        }
        r.dates = new ArrayList<>();
        if (p.issued() != null) {
            r.dates.add(new DataCiteResource.Date("Issued", p.issued().toString()));
        }
        if (p.updated() != null) {
            r.dates.add(new DataCiteResource.Date("Updated", p.updated().toString()));
        }
        r.alternateIdentifiers = List.of(new DataCiteResource.AlternateIdentifier("datalink", p.id()),
            new DataCiteResource.AlternateIdentifier("DOI Landing Page", p.url()));
        r.relatedIdentifiers = new ArrayList<>();
        for (Credits.RelatedIdentifier ri : p.related()) {
            DataCiteResource.RelatedIdentifier x = new DataCiteResource.RelatedIdentifier(ri.type(), ri.relation(),
                ri.identifier());
            x.resourceTypeGeneral = ri.resourceTypeGeneral();
            r.relatedIdentifiers.add(x);
        }
        Set<String> formats = new LinkedHashSet<>();
        List<String> sizes = new ArrayList<>();
        // links the metadata generates (the landing page, the related identifiers) are in the record already
        Set<String> generated = new java.util.HashSet<>(List.of(p.url()));
        p.related().forEach(ri -> MetadataLinks.resolvable(ri).ifPresent(generated::add));
        for (Link l : p.links()) {
            String relation = relation(l.semantics());
            if (l.accessUrl() == null || generated.contains(l.accessUrl())) {
                continue;
            }
            if ("#this".equals(l.semantics())) {
                if (l.contentType() != null) {
                    formats.add(l.contentType());
                }
                if (l.contentLength() != null) {
                    sizes.add(l.contentLength() + " bytes");
                }
            }
            if (relation != null) {
                r.relatedIdentifiers.add(new DataCiteResource.RelatedIdentifier("URL", relation, l.accessUrl()));
            }
        }
        if (r.relatedIdentifiers.isEmpty()) {
            r.relatedIdentifiers = null;
        }
        r.formats = formats.isEmpty() ? null : List.copyOf(formats);
        r.sizes = sizes.isEmpty() ? null : sizes;
        r.version = p.version();
        if (p.licenseLabel() != null || p.licenseUrl() != null) {
            DataCiteResource.Rights rights = new DataCiteResource.Rights();
            rights.value = p.licenseLabel() != null ? p.licenseLabel() : p.licenseUrl();
            rights.rightsURI = p.licenseUrl();
            if (p.licenseSpdx() != null) {
                rights.rightsIdentifier = p.licenseSpdx();
                rights.rightsIdentifierScheme = "SPDX";
            }
            r.rightsList = List.of(rights);
        }
        r.descriptions = new ArrayList<>();
        if (p.description() != null) {
            r.descriptions.add(new DataCiteResource.Description("Abstract", p.description()));
        }
        if (p.longDescription() != null) {
            r.descriptions.add(new DataCiteResource.Description("TechnicalInfo", p.longDescription()));
        }
        if (r.descriptions.isEmpty()) {
            r.descriptions = null;
        }
        return r;
    }

    /** The DataCite relation a datalink's semantics stands for, seen from the object; null for none. */
    static String relation(String semantics) {
        return switch (semantics) {
            case "#this" -> "HasPart";
            case "#preview", "#thumbnail", "#preview-image", "#preview-plot" -> "IsSourceOf";
            case "#documentation" -> "IsDocumentedBy";
            case "#detached-header" -> "HasMetadata";
            case "#progenitor" -> "IsDerivedFrom";
            case "#derivation" -> "IsSourceOf";
            case "#auxiliary", "#calibration" -> "IsSupplementedBy";
            default -> null;
        };
    }

    private static DataCiteResource.Name name(Credits.Agent a) {
        DataCiteResource.Name n = new DataCiteResource.Name();
        n.nameType = a.nameType();
        n.value = a.name();
        return n;
    }

    private static List<DataCiteResource.NameIdentifier> identifiers(Credits.Agent a) {
        if (a.orcid() == null) {
            return List.of();
        }
        DataCiteResource.NameIdentifier id = new DataCiteResource.NameIdentifier();
        id.nameIdentifierScheme = "ORCID";
        id.schemeURI = "https://orcid.org";
        id.value = a.orcid();
        return List.of(id);
    }

    private static List<DataCiteResource.Affiliation> affiliations(Credits.Agent a) {
        List<DataCiteResource.Affiliation> list = new ArrayList<>();
        for (Credits.Affiliation af : a.affiliations() == null ? List.<Credits.Affiliation>of() : a.affiliations()) {
            DataCiteResource.Affiliation x = new DataCiteResource.Affiliation();
            x.value = af.name();
            if (af.ror() != null) {
                x.affiliationIdentifier = af.ror();
                x.affiliationIdentifierScheme = "ROR";
                x.schemeURI = "https://ror.org";
            }
            list.add(x);
        }
        return list;
    }
}
