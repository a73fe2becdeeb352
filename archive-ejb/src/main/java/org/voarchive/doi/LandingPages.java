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
import org.voarchive.datalink.Semantics;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.CreditsAdmin;
import org.voarchive.metadata.MetadataAdmin;
import org.voarchive.metadata.PublishedMetadata;
import org.voarchive.metadata.PublishedMetadataCache;
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
    PublishedMetadataCache metadata;

    @Inject
    DatalinkService datalink;

    @Inject
    SiteIdentity site;

    @EJB
    CreditsAdmin credits;

    @EJB
    SchemaAdmin schemas;

    @EJB
    MetadataAdmin tables;

    /** @return empty if the caller may see nothing of that ID */
    public Optional<LandingPage> find(String id, String callerName) throws SQLException, DaliException {
        PublishedMetadata visible = metadata.get(metadata.caller(callerName));
        List<Link> links = datalink.links(List.of(id), callerName).links().stream()
            .filter(l -> l.errorMessage() == null).toList();
        for (PublishedMetadata.Schema s : visible.schemas()) {
            if (s.name().equals(id)) {
                return Optional.of(page(id, "schema", s.title(), s.description(),
                    schemas.schema(s.name()).map(r -> r.longDescription()).orElse(null), s.publication(),
                    creators(CreditsAdmin.Owner.SCHEMA, List.of(s.name())), links));
            }
            for (PublishedMetadata.Table t : s.tables()) {
                if (t.qualifiedName().equals(id)) {
                    return Optional.of(page(id, "table", t.title(), t.description(),
                        tables.table(t.schema(), t.name()).map(r -> r.longDescription()).orElse(null), t.publication(),
                        creators(CreditsAdmin.Owner.TABLE, List.of(t.schema(), t.name())), links));
                }
            }
        }
        if (links.isEmpty()) {
            return Optional.empty();
        }
        String doiUri = Semantics.local(site.baseUrl(), "doi");
        String doi = links.stream().filter(l -> doiUri.equals(l.semantics()) && l.accessUrl() != null)
            .map(l -> l.accessUrl().replaceFirst("^https?://(dx\\.)?doi\\.org/", "")).findFirst().orElse(null);
        return Optional.of(new LandingPage(id, "object", id, null, null, doi, null, null, List.of(), site.publisher(),
            links));
    }

    private LandingPage page(String id, String kind, String title, String description, String longDescription,
                             PublishedMetadata.Publication p, List<Credits.Agent> creators, List<Link> links) {
        return new LandingPage(id, kind, title == null ? id : title, description, longDescription, p.doi(),
            p.licenseLabel() != null ? p.licenseLabel() : p.licenseSpdx(), p.licenseUrl(), creators, site.publisher(),
            links);
    }

    private List<Credits.Agent> creators(CreditsAdmin.Owner owner, List<String> names) throws SQLException {
        return credits.credits(owner, names).map(Credits::creators).orElse(List.of());
    }
}
