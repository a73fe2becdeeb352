package org.voarchive.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.datalink.DatalinkService;
import org.voarchive.datalink.Link;
import org.voarchive.datalink.LinkContext;
import org.voarchive.datalink.MetadataLinks;
import org.voarchive.datalink.Semantics;
import org.voarchive.datalink.StoredObject;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.site.SiteIdentity;

/**
 * Landing pages of what the caller may see: schemas ({@code schema}), tables
 * ({@code schema.table}) from the metadata, and objects that have stored
 * datalinks, their DOI taken from their {@code #doi} link.
 */
@ApplicationScoped
public class LandingPages {

    @Inject
    DatalinkService datalink;

    @Inject
    SiteIdentity site;

    /** @return empty if the caller may see nothing of that ID */
    public Optional<LandingPage> find(String id, String callerName) throws SQLException, DaliException {
        return Optional.ofNullable(find(List.of(id), callerName).get(id));
    }

    /**
     * The landing pages of several IDs at once (a page of an OAI-PMH harvest): their links and their objects'
     * dates are read in one statement, with the caller's view of the metadata, and the table that many objects
     * belong to is made a page once.
     *
     * @return the pages of the IDs the caller may see something of
     */
    public Map<String, LandingPage> find(List<String> ids, String callerName) throws SQLException, DaliException {
        DatalinkService.Described read = datalink.describe(ids, callerName);
        LinkContext context = read.context();
        Map<String, List<Link>> links = new HashMap<>();
        for (Link l : read.links().links()) {
            if (l.errorMessage() == null) {
                links.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l);
            }
        }
        Map<String, Optional<LandingPage>> tablePages = new HashMap<>();
        Map<String, LandingPage> pages = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<LandingPage> page = metadataPage(id, links.getOrDefault(id, List.of()), context);
            if (page.isEmpty() && links.containsKey(id)) {
                page = Optional.of(objectPage(id, links.get(id), read.objects().get(id), context, tablePages));
            }
            page.ifPresent(p -> pages.put(id, p));
        }
        return pages;
    }

    /** The page of a schema or table the caller may see, all of it from the published snapshot. */
    private Optional<LandingPage> metadataPage(String id, List<Link> links, LinkContext context) {
        for (PublishedMetadata.Schema s : context.metadata().schemas()) {
            if (s.name().equals(id)) {
                return Optional.of(page(id, "schema", s.title(), s.description(), s.publication(), links, s, null));
            }
            for (PublishedMetadata.Table t : s.tables()) {
                if (t.qualifiedName().equals(id)) {
                    return Optional.of(tablePage(t, links));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An object's page: its DOI from its {@code #doi} link; creators, licence and citation from its table's page
     * (what of it the object's page takes is all in the snapshot: no reading of the table's links or dates).
     */
    private LandingPage objectPage(String id, List<Link> links, StoredObject rows, LinkContext context,
                                   Map<String, Optional<LandingPage>> tablePages) {
        String doiUri = Semantics.local(site.baseUrl(), "doi");
        String doi = links.stream().filter(l -> doiUri.equals(l.semantics()) && l.accessUrl() != null)
            .map(l -> DOI_RESOLVER.matcher(l.accessUrl()).replaceFirst("")).findFirst().orElse(null);
        String description = links.stream().filter(l -> Semantics.THIS.equals(l.semantics())).map(Link::description)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        LocalDate issued = rows == null ? null : date(rows.firstLoaded());
        LocalDate updated = rows == null ? null : date(rows.lastLoaded());
        String tableName = rows == null ? null : rows.table();
        Optional<LandingPage> table = tableName == null || tableName.equals(id) ? Optional.empty()
            : tablePages.computeIfAbsent(tableName, n -> context.metadata().table(n).map(t -> tablePage(t, List.<Link>of())));
        if (table.isPresent()) {
            LandingPage t = table.get();
            List<Credits.RelatedIdentifier> related = new ArrayList<>();
            if (t.doi() != null) {
                related.add(new Credits.RelatedIdentifier(t.doi(), "DOI", "IsPartOf", "Dataset"));
            }
            return new LandingPage(id, "object", url(id), id + " (" + t.title() + ")", description, null, doi,
                t.licenseSpdx(), t.licenseLabel(), t.licenseUrl(), t.creators(), t.contributors(), related, site.publisher(),
                issued, updated, links, t.version(), null, t.table());
        }
        return new LandingPage(id, "object", url(id), id, description, null, doi, null, null, null, List.of(),
            List.of(), List.of(), site.publisher(), issued, updated, links, null, null, null);
    }

    private LandingPage tablePage(PublishedMetadata.Table t, List<Link> links) {
        return page(t.qualifiedName(), "table", t.title(), t.description(), t.publication(), links, null, t);
    }

    /** A schema's or table's page, with the snapshot's entry for it (the other null). */
    private LandingPage page(String id, String kind, String title, String description, PublishedMetadata.Publication p,
                             List<Link> links, PublishedMetadata.Schema schema, PublishedMetadata.Table table) {
        Credits c = p.credits();
        return new LandingPage(id, kind, url(id), title == null ? id : title, description, p.longDescription(), p.doi(),
            p.licenseSpdx(), p.licenseLabel() != null ? p.licenseLabel() : p.licenseSpdx(), p.licenseUrl(), c.creators(),
            c.contributors(), c.relatedIdentifiers(), site.publisher(), p.created(), p.updated(),
            links, c.resourceVersion(), schema, table);
    }

    /** A DOI's resolver, in front of the DOI in a {@code #doi} link's URL. */
    private static final java.util.regex.Pattern DOI_RESOLVER = java.util.regex.Pattern.compile("^https?://(dx\\.)?doi\\.org/");

    private String url(String id) {
        return site.baseUrl() + MetadataLinks.LANDING_PATH + id;
    }

    /** A timestamp's date, in UTC. */
    private static LocalDate date(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
