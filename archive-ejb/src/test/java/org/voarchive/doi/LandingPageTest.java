package org.voarchive.doi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voarchive.metadata.Credits;

/** How a landing page is cited: DataCite's text form and the BibTeX entry. */
class LandingPageTest {

    private static final Credits.Agent JANE = new Credits.Agent("Doe, Jane", "Personal", "Jane", "Doe",
        "https://orcid.org/0000-0002-1825-0097", List.of());
    private static final Credits.Agent JAN = new Credits.Agent("van der Berg, Jan", "Personal", "Jan", "van der Berg",
        null, List.of());
    private static final Credits.Agent SURVEY = new Credits.Agent("Plate Survey & Co {Ltd}", "Organizational", null,
        null, null, List.of());

    static LandingPage page(String id, String title, String doi, String version, LocalDate issued,
                            List<Credits.Agent> creators) {
        return new LandingPage(id, "table", "https://a.org/landing/" + id, title, null, null, doi, null, null, null,
            creators, List.of(), List.of(), "Demo site", issued, null, List.of(), version, null, null);
    }

    @Test
    void theCitationIsDataCitesRecommendedForm() {
        LandingPage p = page("demo.plates", "Plates & scans", "10.5072/x", "DR1", LocalDate.of(2024, 5, 1),
            List.of(JANE, JAN));
        assertEquals("Doe, Jane; van der Berg, Jan (2024): Plates & scans. Version DR1. Demo site. https://doi.org/10.5072/x",
            p.citation());
        assertEquals(2024, p.publicationYear());
    }

    @Test
    void withoutDoiVersionOrCreatorsTheLandingPageThePublisherAndNoVersionStandIn() {
        LandingPage p = page("demo.bsc5", "Bright stars.", null, null, LocalDate.of(2023, 1, 9), List.of());
        assertEquals("Demo site (2023): Bright stars. Demo site. https://a.org/landing/demo.bsc5", p.citation(),
            "no second full stop after the title's own");
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).getYear(),
            page("x", "X", null, null, null, List.of()).publicationYear(), "not yet issued: this year, as DataCite says");
    }

    @Test
    void bibTexIsAMiscEntryWithTheSameFacts() {
        LandingPage p = page("demo.plates", "Plates & scans", "10.5072/x", "DR1", LocalDate.of(2024, 5, 1),
            List.of(JANE, JAN, SURVEY));
        assertEquals("""
            @misc{demo.plates_2024,
              author    = {Doe, Jane and van der Berg, Jan and {Plate Survey \\& Co \\textbraceleft{}Ltd\\textbraceright{}}},
              title     = {{Plates \\& scans}},
              publisher = {Demo site},
              year      = {2024},
              version   = {DR1},
              doi       = {10.5072/x},
              url       = {https://doi.org/10.5072/x}
            }
            """, p.bibtex());
    }

    @Test
    void bibTexEscapesLatexAndKeepsBracesBalanced() {
        LandingPage p = page("odd id/{1}", "50% of {M31} & #2_a ~ ^ \\ $", null, "v{2}", LocalDate.of(2020, 2, 2),
            List.of(new Credits.Agent("Smith and Sons", "Organizational", null, null, null, List.of()),
                new Credits.Agent("Fish, Anna and Bob", null, null, null, null, List.of()),
                new Credits.Agent("de la Cruz, María", null, null, null, null, List.of()),
                new Credits.Agent("Plato", null, null, null, null, List.of())));
        String entry = p.bibtex();
        assertTrue(entry.startsWith("@misc{odd_id__1__2020,\n"), entry);
        assertTrue(entry.contains("title     = {{50\\% of \\textbraceleft{}M31\\textbraceright{} \\& \\#2\\_a"
            + " \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\$}},"), entry);
        assertTrue(entry.contains("author    = {{Smith and Sons} and Fish, {Anna and Bob} and de la Cruz, María and {Plato}},"),
            "organisations and unsplittable names braced whole, an 'and' inside a name braced, particles kept: " + entry);
        assertTrue(entry.contains("version   = {v\\textbraceleft{}2\\textbraceright{}},"), entry);
        assertTrue(entry.contains("url       = {https://a.org/landing/odd%20id/%7B1%7D}"), entry);
        assertFalse(entry.contains("doi "), "no DOI, no doi field: " + entry);
        assertEquals(0, braceDepthErrors(entry), "every brace is matched: " + entry);
    }

    @Test
    void aDoiThatCouldBreakTheEntryIsLeftToTheUrl() {
        String entry = page("t", "T", "10.5072/a}b", null, LocalDate.of(2020, 1, 1), List.of()).bibtex();
        assertFalse(entry.contains("doi "), entry);
        assertTrue(entry.contains("url       = {https://doi.org/10.5072/a%7Db}"), entry);
        assertTrue(entry.contains("author    = {{Demo site}}"), "the publisher stands in for creators: " + entry);
    }

    /** How often the brace depth goes below zero, plus the depth left at the end: 0 for a balanced text. */
    private static int braceDepthErrors(String text) {
        int depth = 0;
        int errors = 0;
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                errors++;
                depth = 0;
            }
        }
        return errors + depth;
    }
}
