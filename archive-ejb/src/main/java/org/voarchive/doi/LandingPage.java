package org.voarchive.doi;

import java.util.List;
import org.voarchive.datalink.Link;
import org.voarchive.metadata.Credits;

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
 */
public record LandingPage(String id, String kind, String url, String title, String description, String longDescription,
                          String doi, String licenseSpdx, String licenseLabel, String licenseUrl,
                          List<Credits.Agent> creators, List<Credits.Contribution> contributors,
                          List<Credits.RelatedIdentifier> related, String publisher, java.time.LocalDate issued,
                          java.time.LocalDate updated, List<Link> links, String version) {

    public LandingPage {
        creators = List.copyOf(creators);
        contributors = List.copyOf(contributors);
        related = List.copyOf(related);
        links = List.copyOf(links);
    }

    /** How to cite it: creators, title, publisher and DOI (DataCite's recommended form, less the year). */
    public String citation() {
        StringBuilder c = new StringBuilder();
        if (!creators.isEmpty()) {
            c.append(String.join("; ", creators.stream().map(Credits.Agent::name).toList())).append(": ");
        }
        c.append(title).append(". ").append(publisher).append('.');
        if (doi != null) {
            c.append(" https://doi.org/").append(doi);
        }
        return c.toString();
    }
}
