package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.InvalidField;

class CreditsValidationTest {

    private static Credits.Agent person(String orcid, String ror) {
        return new Credits.Agent("Doe, Jane", "Personal", "Jane", "Doe", orcid,
            List.of(new Credits.Affiliation("Example Observatory", ror)));
    }

    @Test
    void idsAreWrittenInTheirCanonicalForm() {
        Credits c = CreditsValidation.normalized(new Credits(List.of(person("0000-0002-1825-0097", "03yrm5c26")),
            List.of(new Credits.Contribution("DataCurator", person(null, null))),
            List.of(new Credits.RelatedIdentifier(" 10.1234/abc ", "DOI", "IsDocumentedBy", "JournalArticle")), " DR1 ", 3));
        assertEquals("https://orcid.org/0000-0002-1825-0097", c.creators().get(0).orcid());
        assertEquals("https://ror.org/03yrm5c26", c.creators().get(0).affiliations().get(0).ror());
        assertEquals("10.1234/abc", c.relatedIdentifiers().get(0).identifier());
        assertEquals("DR1", c.resourceVersion());
        assertEquals(3, c.version());
    }

    @Test
    void badEntriesNameTheirField() {
        assertEquals("creators[0].orcid", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(List.of(person("0000-0002-1825-0098", null)), null, null, null, 1))).field());
        assertEquals("creators[0].affiliations[0].ror", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(List.of(person(null, "03yrm5c27")), null, null, null, 1))).field());
        assertEquals("contributors[0].type", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(null, List.of(new Credits.Contribution("Helper", person(null, null))), null, null, 1))).field());
        assertEquals("relatedIdentifiers[0].relation", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(null, null, List.of(new Credits.RelatedIdentifier("x", "URL", "LooksLike", null)), null, 1))).field());
        assertEquals("creators[0].name", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(List.of(new Credits.Agent(" ", null, null, null, null, null)), null, null, null, 1))).field());
        assertEquals("creators[0].orcid", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(List.of(new Credits.Agent("ESO", "Organizational", null, null, "0000-0002-1825-0097", null)),
                null, null, null, 1))).field());
        assertEquals("resourceVersion", assertThrows(InvalidField.class, () -> CreditsValidation.normalized(
            new Credits(null, null, null, "DR1\nDR2", 1))).field());
    }
}
