package org.voarchive.metadata;

import java.util.List;

/**
 * Who made a table, which release of the data it is and what it relates to, in DataCite's terms (kernel 4.5):
 * the source of the creators, contributors, version and related identifiers of its DataCite record, and of the
 * same facts in every query result's Data Origin INFOs. In an edit, {@code version} is the table's version
 * read (the optimistic lock); {@code resourceVersion} is the data's own (e.g. "DR3", "1.2"), or null.
 */
public record Credits(List<Agent> creators, List<Contribution> contributors,
                      List<RelatedIdentifier> relatedIdentifiers, String resourceVersion, Integer version) {

    /** A person (nameType Personal) or organisation; name as "Family, Given" for persons. */
    public record Agent(String name, String nameType, String givenName, String familyName, String orcid,
                        List<Affiliation> affiliations) {
    }

    /** @param ror the organisation's ROR id, if it has one */
    public record Affiliation(String name, String ror) {
    }

    /** @param type a DataCite contributorType */
    public record Contribution(String type, Agent contributor) {
    }

    /**
     * @param type                a DataCite relatedIdentifierType
     * @param relation            a DataCite relationType
     * @param resourceTypeGeneral optional
     */
    public record RelatedIdentifier(String identifier, String type, String relation, String resourceTypeGeneral) {
    }
}
