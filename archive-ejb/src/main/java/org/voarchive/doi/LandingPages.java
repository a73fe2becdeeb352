package org.voarchive.doi;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.datalink.DatalinkService;
import org.voarchive.datalink.Link;
import org.voarchive.datalink.LinkContext;
import org.voarchive.datalink.MetadataLinks;
import org.voarchive.datalink.Semantics;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.CreditsAdmin;
import org.voarchive.metadata.MetadataAdmin;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.SchemaAdmin;
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

    @EJB
    CreditsAdmin credits;

    @EJB
    org.voarchive.database.DataSources dataSources;

    @EJB
    SchemaAdmin schemas;

    @EJB
    MetadataAdmin tables;

    /** @return empty if the caller may see nothing of that ID */
    public Optional<LandingPage> find(String id, String callerName) throws SQLException, DaliException {
        return find(id, datalink.context(callerName));
    }

    private Optional<LandingPage> find(String id, LinkContext context) throws SQLException, DaliException {
        PublishedMetadata visible = context.metadata();
        List<Link> links = datalink.links(List.of(id), context).links().stream()
            .filter(l -> l.errorMessage() == null).toList();
        for (PublishedMetadata.Schema s : visible.schemas()) {
            if (s.name().equals(id)) {
                return Optional.of(page(id, "schema", s.title(), s.description(),
                    schemas.schema(s.name()).map(r -> r.longDescription()).orElse(null), s.publication(),
                    credits.credits(CreditsAdmin.Owner.SCHEMA, List.of(s.name())).orElseThrow(),
                    dates("SELECT created, updated FROM archive.schemas WHERE name = ?", s.name()), links));
            }
            for (PublishedMetadata.Table t : s.tables()) {
                if (t.qualifiedName().equals(id)) {
                    return Optional.of(page(id, "table", t.title(), t.description(),
                        tables.table(t.schema(), t.name()).map(r -> r.longDescription()).orElse(null), t.publication(),
                        credits.credits(CreditsAdmin.Owner.TABLE, List.of(t.schema(), t.name())).orElseThrow(),
                        dates("SELECT t.created, t.updated FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id"
                            + " WHERE s.name || '.' || t.name = ?", id), links));
                }
            }
        }
        if (links.isEmpty()) {
            return Optional.empty();
        }
        String doiUri = Semantics.local(site.baseUrl(), "doi");
        String doi = links.stream().filter(l -> doiUri.equals(l.semantics()) && l.accessUrl() != null)
            .map(l -> l.accessUrl().replaceFirst("^https?://(dx\\.)?doi\\.org/", "")).findFirst().orElse(null);
        java.time.LocalDate[] dates = dates("SELECT min(updated), max(updated) FROM archive.datalinks WHERE object_id = ?", id);
        String description = links.stream().filter(l -> Semantics.THIS.equals(l.semantics())).map(Link::description)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Optional<LandingPage> table = partOf(id, context);
        if (table.isPresent()) { // an object of a table: its creators, licence and citation are the table's
            LandingPage t = table.get();
            List<Credits.RelatedIdentifier> related = new java.util.ArrayList<>();
            if (t.doi() != null) {
                related.add(new Credits.RelatedIdentifier(t.doi(), "DOI", "IsPartOf", "Dataset"));
            }
            return Optional.of(new LandingPage(id, "object", url(id), id + " (" + t.title() + ")", description, null, doi,
                t.licenseSpdx(), t.licenseLabel(), t.licenseUrl(), t.creators(), t.contributors(), related, site.publisher(),
                dates[0], dates[1], links));
        }
        return Optional.of(new LandingPage(id, "object", url(id), id, description, null, doi, null, null, null, List.of(),
            List.of(), List.of(), site.publisher(), dates[0], dates[1], links));
    }

    /** The landing page of the table an object's stored links belong to, if the caller may see it. */
    private Optional<LandingPage> partOf(String id, LinkContext context) throws SQLException, DaliException {
        try (java.sql.Connection c = dataSources.app().getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT table_name FROM archive.datalinks WHERE object_id = ? AND table_name IS NOT NULL LIMIT 1")) {
            s.setString(1, id);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                if (rs.next() && context.metadata().table(rs.getString(1)).isPresent() && !rs.getString(1).equals(id)) {
                    return find(rs.getString(1), context);
                }
            }
        }
        return Optional.empty();
    }

    private LandingPage page(String id, String kind, String title, String description, String longDescription,
                             PublishedMetadata.Publication p, Credits c, java.time.LocalDate[] dates, List<Link> links) {
        return new LandingPage(id, kind, url(id), title == null ? id : title, description, longDescription, p.doi(),
            p.licenseSpdx(), p.licenseLabel() != null ? p.licenseLabel() : p.licenseSpdx(), p.licenseUrl(), c.creators(),
            c.contributors(), p.related(), site.publisher(), dates[0], dates[1], links);
    }

    private String url(String id) {
        return site.baseUrl() + MetadataLinks.LANDING_PATH + id;
    }

    /** The first and last dates a query gives for one name (UTC). */
    private java.time.LocalDate[] dates(String sql, String name) throws SQLException {
        try (java.sql.Connection c = dataSources.app().getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return new java.time.LocalDate[] {date(rs.getObject(1, java.time.OffsetDateTime.class)),
                    date(rs.getObject(2, java.time.OffsetDateTime.class))};
            }
        }
    }

    private static java.time.LocalDate date(java.time.OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
