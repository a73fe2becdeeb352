package org.voarchive.doi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.voarchive.datalink.Link;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;

/**
 * What is known of a schema, table or DOI-bearing object, as its landing page
 * shows it and its DataCite record says it (one source for both).
 *
 * @param kind     schema, table or object
 * @param url      the landing page's own URL
 * @param doi      without the resolver, or null
 * @param creators in their curated order
 * @param issued   when it was first published here
 * @param links    its datalinks
 * @param version  the release of the data (DataCite's version), or null
 * @param schema   a schema's page: the schema as the caller's published snapshot has it (its tables); else null
 * @param table    a table's page: the table as the caller's published snapshot has it (its columns, rows); an
 *                 object's page: the table its rows belong to, if the caller may see it; else null
 */
public record LandingPage(String id, String kind, String url, String title, String description, String longDescription,
                          String doi, String licenseSpdx, String licenseLabel, String licenseUrl,
                          List<Credits.Agent> creators, List<Credits.Contribution> contributors,
                          List<Credits.RelatedIdentifier> related, String publisher, LocalDate issued,
                          LocalDate updated, List<Link> links, String version, PublishedMetadata.Schema schema,
                          PublishedMetadata.Table table) {

    public LandingPage {
        creators = List.copyOf(creators);
        contributors = List.copyOf(contributors);
        related = List.copyOf(related);
        links = List.copyOf(links);
    }

    /** DataCite's publicationYear: the year it was first published here, else this year (UTC). */
    public int publicationYear() {
        return (issued != null ? issued : LocalDate.now(ZoneOffset.UTC)).getYear();
    }

    /** How it is identified in a citation: its DOI as a URL, else its landing page. */
    public String identifier() {
        return doi != null ? "https://doi.org/" + doi : url;
    }

    /**
     * How to cite it, in DataCite's recommended form: Creators (PublicationYear): Title. Version. Publisher.
     * Identifier. Without curated creators the publisher stands in for them, as in the DataCite record.
     */
    public String citation() {
        StringBuilder c = new StringBuilder();
        c.append(creators.isEmpty() ? publisher : String.join("; ", creators.stream().map(Credits.Agent::name).toList()))
            .append(" (").append(publicationYear()).append("): ").append(sentence(title));
        if (version != null) {
            c.append(" Version ").append(sentence(version));
        }
        return c.append(' ').append(sentence(publisher)).append(' ').append(identifier()).toString();
    }

    /** The same as a BibTeX {@code @misc} entry. */
    public String bibtex() {
        return BibTex.entry(this);
    }

    /** A part of the citation as a sentence: its full stop, unless it ends in one already. */
    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }
}
