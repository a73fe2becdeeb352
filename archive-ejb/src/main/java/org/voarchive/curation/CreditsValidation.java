package org.voarchive.curation;

import java.util.ArrayList;
import java.util.List;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.InvalidField;

/**
 * Checks credits against DataCite's rules and writes persistent ids in their
 * canonical form; a bad entry is an {@link InvalidField} naming it, e.g.
 * {@code creators[1].orcid}.
 */
final class CreditsValidation {

    private CreditsValidation() {
    }

    static Credits normalized(Credits credits) {
        List<Credits.Agent> creators = new ArrayList<>();
        List<Credits.Agent> given = credits.creators() == null ? List.of() : credits.creators();
        for (int i = 0; i < given.size(); i++) {
            creators.add(agent(given.get(i), "creators[" + i + "]"));
        }
        List<Credits.Contribution> contributors = new ArrayList<>();
        List<Credits.Contribution> givenContributors = credits.contributors() == null ? List.of() : credits.contributors();
        for (int i = 0; i < givenContributors.size(); i++) {
            Credits.Contribution c = givenContributors.get(i);
            String at = "contributors[" + i + "]";
            if (c == null) {
                throw new InvalidField(at, "null entry");
            }
            contributors.add(new Credits.Contribution(oneOf(c.type(), DataCiteVocabulary.CONTRIBUTOR_TYPES, at + ".type"),
                agent(c.contributor(), at + ".contributor")));
        }
        List<Credits.RelatedIdentifier> related = new ArrayList<>();
        List<Credits.RelatedIdentifier> givenRelated = credits.relatedIdentifiers() == null ? List.of()
            : credits.relatedIdentifiers();
        for (int i = 0; i < givenRelated.size(); i++) {
            Credits.RelatedIdentifier r = givenRelated.get(i);
            String at = "relatedIdentifiers[" + i + "]";
            if (r == null || blank(r.identifier())) {
                throw new InvalidField(at + ".identifier", "an identifier is required");
            }
            related.add(new Credits.RelatedIdentifier(r.identifier().trim(),
                oneOf(r.type(), DataCiteVocabulary.RELATED_IDENTIFIER_TYPES, at + ".type"),
                oneOf(r.relation(), DataCiteVocabulary.RELATION_TYPES, at + ".relation"),
                r.resourceTypeGeneral() == null ? null
                    : oneOf(r.resourceTypeGeneral(), DataCiteVocabulary.RESOURCE_TYPES_GENERAL, at + ".resourceTypeGeneral")));
        }
        return new Credits(creators, contributors, related, resourceVersion(credits.resourceVersion()),
            credits.version());
    }

    /** A release name or number as DataCite's version and Data Origin's resource_version carry it: one short line. */
    private static String resourceVersion(String given) {
        if (blank(given)) {
            return null;
        }
        String v = given.trim();
        if (v.length() > 64 || v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("resourceVersion", "a version is one line of at most 64 characters, e.g. DR3 or 1.2");
        }
        return v;
    }

    private static Credits.Agent agent(Credits.Agent a, String at) {
        if (a == null || blank(a.name())) {
            throw new InvalidField(at + ".name", "a name is required");
        }
        String nameType = a.nameType() == null ? null : oneOf(a.nameType(), DataCiteVocabulary.NAME_TYPES, at + ".nameType");
        String orcid = null;
        if (!blank(a.orcid())) {
            if ("Organizational".equals(nameType)) {
                throw new InvalidField(at + ".orcid", "an organisation has no ORCID iD");
            }
            orcid = PersistentIds.orcid(a.orcid()).orElseThrow(() -> new InvalidField(at + ".orcid",
                "'" + a.orcid() + "' is not an ORCID iD (NNNN-NNNN-NNNN-NNNC with a valid check digit)"));
        }
        List<Credits.Affiliation> affiliations = new ArrayList<>();
        List<Credits.Affiliation> given = a.affiliations() == null ? List.of() : a.affiliations();
        for (int i = 0; i < given.size(); i++) {
            Credits.Affiliation f = given.get(i);
            String fat = at + ".affiliations[" + i + "]";
            if (f == null || blank(f.name())) {
                throw new InvalidField(fat + ".name", "an affiliation needs a name");
            }
            String ror = blank(f.ror()) ? null : PersistentIds.ror(f.ror()).orElseThrow(() -> new InvalidField(
                fat + ".ror", "'" + f.ror() + "' is not a ROR id (https://ror.org/0xxxxxxNN with valid check digits)"));
            affiliations.add(new Credits.Affiliation(f.name().trim(), ror));
        }
        return new Credits.Agent(a.name().trim(), nameType, trimmed(a.givenName()), trimmed(a.familyName()), orcid,
            affiliations);
    }

    private static String oneOf(String value, List<String> allowed, String field) {
        if (value == null || !allowed.contains(value.trim())) {
            throw new InvalidField(field, "'" + value + "' is not one of DataCite's values: " + String.join(", ", allowed));
        }
        return value.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }
}
