package org.voarchive.datalink;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;

/**
 * The links every visible schema ({@code ID=schema}) and table
 * ({@code ID=schema.table}) has by its metadata, computed on request so they
 * are never stale: its DOI ({@code #doi}), its landing page
 * ({@code #documentation}), and its related identifiers ({@code #auxiliary}).
 */
@ApplicationScoped
public class MetadataLinks implements DynamicLinks {

    /** The path of landing pages below the base URL; the ID follows. */
    public static final String LANDING_PATH = "/landing/";

    @Override
    public List<Link> links(String id, LinkContext context) {
        for (PublishedMetadata.Schema schema : context.metadata().schemas()) {
            if (schema.name().equals(id)) {
                return links(id, "schema", schema.title(), schema.publication(), context.baseUrl());
            }
            for (PublishedMetadata.Table table : schema.tables()) {
                if (table.qualifiedName().equals(id)) {
                    return links(id, "table", table.title(), table.publication(), context.baseUrl());
                }
            }
        }
        return List.of();
    }

    private static List<Link> links(String id, String kind, String title, PublishedMetadata.Publication p, String base) {
        String name = kind + " " + id + (title == null ? "" : " (" + title + ")");
        List<Link> links = new ArrayList<>();
        if (p.doi() != null) {
            links.add(Link.to(id, "https://doi.org/" + p.doi(), Semantics.local(base, "doi"),
                "DOI " + p.doi() + " of the " + name, "text/html"));
        }
        links.add(Link.to(id, base + LANDING_PATH + id, "#documentation", "Landing page of the " + name, "text/html"));
        for (Credits.RelatedIdentifier r : p.credits().relatedIdentifiers()) {
            resolvable(r).ifPresent(url -> links.add(Link.to(id, url, "#auxiliary",
                r.relation() + " " + r.type() + " " + r.identifier(), null)));
        }
        return links;
    }

    /** A related identifier as a URL, for the identifier types that have a resolver. */
    public static Optional<String> resolvable(Credits.RelatedIdentifier r) {
        String id = r.identifier();
        return Optional.ofNullable(switch (r.type() == null ? "" : r.type()) {
            case "DOI" -> "https://doi.org/" + id;
            case "URL" -> id;
            case "arXiv" -> "https://arxiv.org/abs/" + id.replaceFirst("(?i)^arxiv:", "");
            case "bibcode" -> "https://ui.adsabs.harvard.edu/abs/" + id;
            case "Handle" -> "https://hdl.handle.net/" + id;
            case "ARK" -> "https://n2t.net/" + id;
            default -> null;
        });
    }
}
