package org.voarchive.doi;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** For objects' datalink rows only: schemas and tables come from the snapshot the context holds. */
    @EJB
    org.voarchive.database.DataSources dataSources;

    /** @return empty if the caller may see nothing of that ID */
    public Optional<LandingPage> find(String id, String callerName) throws SQLException, DaliException {
        return Optional.ofNullable(find(List.of(id), datalink.context(callerName)).get(id));
    }

    /**
     * The landing pages of several IDs at once (a page of an OAI-PMH harvest): their links and their objects'
     * dates are read once for all, and the table that many objects belong to once.
     *
     * @return the pages of the IDs the caller may see something of
     */
    public Map<String, LandingPage> find(List<String> ids, LinkContext context) throws SQLException, DaliException {
        Map<String, List<Link>> links = new HashMap<>();
        for (int i = 0; i < ids.size(); i += datalink.maxIds()) {
            for (Link l : datalink.links(ids.subList(i, Math.min(ids.size(), i + datalink.maxIds())), context).links()) {
                if (l.errorMessage() == null) {
                    links.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l);
                }
            }
        }
        Map<String, ObjectRows> objects = objects(ids);
        Map<String, Optional<LandingPage>> tablePages = new HashMap<>();
        Map<String, LandingPage> pages = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<LandingPage> page = metadataPage(id, links.getOrDefault(id, List.of()), context);
            if (page.isEmpty() && links.containsKey(id)) {
                page = Optional.of(objectPage(id, links.get(id), objects.get(id), context, tablePages));
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
                    return Optional.of(page(id, "table", t.title(), t.description(), t.publication(), links, null, t));
                }
            }
        }
        return Optional.empty();
    }

    /** An object's page: its DOI from its {@code #doi} link; creators, licence and citation from its table's page. */
    private LandingPage objectPage(String id, List<Link> links, ObjectRows rows, LinkContext context,
                                   Map<String, Optional<LandingPage>> tablePages) throws SQLException, DaliException {
        String doiUri = Semantics.local(site.baseUrl(), "doi");
        String doi = links.stream().filter(l -> doiUri.equals(l.semantics()) && l.accessUrl() != null)
            .map(l -> l.accessUrl().replaceFirst("^https?://(dx\\.)?doi\\.org/", "")).findFirst().orElse(null);
        String description = links.stream().filter(l -> Semantics.THIS.equals(l.semantics())).map(Link::description)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        LocalDate issued = rows == null ? null : rows.first();
        LocalDate updated = rows == null ? null : rows.last();
        String tableName = rows == null ? null : rows.table();
        Optional<LandingPage> table = Optional.empty();
        if (tableName != null && !tableName.equals(id) && context.metadata().table(tableName).isPresent()) {
            if (!tablePages.containsKey(tableName)) {
                tablePages.put(tableName, Optional.ofNullable(find(List.of(tableName), context).get(tableName)));
            }
            table = tablePages.get(tableName);
        }
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

    /**
     * When an object's stored rows were first and last loaded (UTC), and the table they belong to. An object is
     * no metadata: its facts are its rows in archive.datalinks, which the snapshot does not hold.
     */
    private record ObjectRows(LocalDate first, LocalDate last, String table) {
    }

    private Map<String, ObjectRows> objects(List<String> ids) throws SQLException {
        Map<String, ObjectRows> rows = new HashMap<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT object_id, min(updated) AS first_loaded, max(updated) AS last_loaded, min(table_name) AS table_name
                  FROM archive.datalinks WHERE object_id = ANY (?) GROUP BY object_id""")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString("object_id"), new ObjectRows(
                        date(rs.getObject("first_loaded", OffsetDateTime.class)),
                        date(rs.getObject("last_loaded", OffsetDateTime.class)), rs.getString("table_name")));
                }
            }
        }
        return rows;
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

    private String url(String id) {
        return site.baseUrl() + MetadataLinks.LANDING_PATH + id;
    }

    /** A timestamp's date, in UTC. */
    private static LocalDate date(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
