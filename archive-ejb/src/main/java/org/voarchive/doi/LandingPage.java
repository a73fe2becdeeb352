package org.voarchive.doi;

import java.util.List;
import org.voarchive.datalink.Link;
import org.voarchive.metadata.Credits;

/**
 * What the landing page of a schema, table or DOI-bearing object shows.
 *
 * @param kind     schema, table or object
 * @param doi      without the resolver, or null
 * @param creators in their curated order
 * @param links    its datalinks
 */
public record LandingPage(String id, String kind, String title, String description, String longDescription, String doi,
                          String licenseLabel, String licenseUrl, List<Credits.Agent> creators, String publisher,
                          List<Link> links) {

    public LandingPage {
        creators = List.copyOf(creators);
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
