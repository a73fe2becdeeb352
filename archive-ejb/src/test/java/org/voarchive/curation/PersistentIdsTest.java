package org.voarchive.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersistentIdsTest {

    @Test
    void orcidCheckDigitsAndCanonicalForm() {
        // real iDs from the DataCite examples in ../shared/conformance, one with the check character X
        for (String id : List.of("0000-0002-1825-0097", "0000-0002-7285-027X", "0000-0001-5393-1421")) {
            assertEquals(Optional.of("https://orcid.org/" + id), PersistentIds.orcid(id));
            assertEquals(Optional.of("https://orcid.org/" + id), PersistentIds.orcid(" http://orcid.org/" + id.toLowerCase()));
        }
        assertTrue(PersistentIds.orcid("0000-0002-1825-0098").isEmpty(), "wrong check digit");
        assertTrue(PersistentIds.orcid("0000-0002-1825-009").isEmpty());
        assertTrue(PersistentIds.orcid("https://example.org/0000-0002-1825-0097").isEmpty());
    }

    @Test
    void rorCheckDigitsAndCanonicalForm() {
        // real ids from the DataCite examples in ../shared/conformance
        for (String id : List.of("02aj13c28", "03efmqc40", "03yrm5c26", "043kfff89", "04wxnsj81", "04z8jg394", "05gq02987")) {
            assertEquals(Optional.of("https://ror.org/" + id), PersistentIds.ror(id));
            assertEquals(Optional.of("https://ror.org/" + id), PersistentIds.ror("https://ror.org/" + id.toUpperCase()));
        }
        assertTrue(PersistentIds.ror("03yrm5c27").isEmpty(), "wrong check digits");
        assertTrue(PersistentIds.ror("13yrm5c26").isEmpty(), "ROR ids start with 0");
        assertTrue(PersistentIds.ror("03yrm5u26").isEmpty(), "u is not Crockford base32");
    }
}
