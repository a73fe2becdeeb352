package org.voarchive.dali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.datalink.Link;
import org.voarchive.datalink.LinksFormat;
import org.voarchive.datalink.LinksResponse;
import org.voarchive.datalink.LinksWriter;
import org.voarchive.metadata.Credits;
import org.voarchive.metadata.PublishedMetadata;
import uk.ac.starlink.fits.CardImage;

class DataOriginTest {

    private static final DataOrigin.Site SITE = new DataOrigin.Site("Example Data Centre", "archive@example.org",
        "ivo://example.org", "https://archive.example.org/landing/");

    private static final Instant RECEIVED = Instant.parse("2026-12-04T10:11:12.345678Z");

    private static DataOrigin.Request request(String query) {
        return new DataOrigin.Request("ivo://ivoa.net/std/TAP", "TAP 1.1", "ivo://example.org/tap",
            "https://archive.example.org/tap/sync?LANG=ADQL&QUERY=x", RECEIVED, query);
    }

    private static PublishedMetadata.Table table(String schema, String name, PublishedMetadata.Publication p) {
        return new PublishedMetadata.Table(schema, name, "table", null, null, null, null, true, List.of(), List.of(),
            null, p);
    }

    /** Credits of creators by name only. */
    private static Credits credits(List<String> creators, List<Credits.RelatedIdentifier> related, String release) {
        return new Credits(creators.stream().map(n -> new Credits.Agent(n, null, null, null, null, List.of())).toList(),
            List.of(), related, release, null);
    }

    /** demo.plates with its own DOI, licence, creators and relations; demo.bsc5 with nothing of its own. */
    private static PublishedMetadata metadata(PublishedMetadata.Publication schema) {
        PublishedMetadata.Publication plates = new PublishedMetadata.Publication("10.5072/demo.plates", "CC-BY-4.0",
            "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/",
            credits(List.of("Plate, Ann", "Survey <Team> & \"Friends\""),
                List.of(new Credits.RelatedIdentifier("10.1/paper", "DOI", "IsSupplementTo", null),
                    new Credits.RelatedIdentifier("2021AJ....161...36B", "bibcode", "Cites", null),
                    new Credits.RelatedIdentifier("https://e.org/x", "URL", "IsDocumentedBy", null)), "DR2"),
            LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 4), null);
        return new PublishedMetadata(List.of(new PublishedMetadata.Schema("demo", null, null, null, schema,
            List.of(table("demo", "plates", plates), table("demo", "bsc5", PublishedMetadata.Publication.NONE)))));
    }

    private static Map<String, List<String>> byName(List<DataOrigin.Info> infos) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        infos.forEach(i -> map.computeIfAbsent(i.name(), k -> new java.util.ArrayList<>()).add(i.value()));
        return map;
    }

    @Test
    void theQueryItemsAreTheNotesTableOne() {
        DataOrigin origin = DataOrigin.of(SITE, request("SELECT 1"), metadata(PublishedMetadata.Publication.NONE), List.of());
        assertEquals(List.of("publisher", "server_software", "service_protocol", "service_ivoid", "request", "query",
            "request_date", "contact"), origin.query().stream().map(DataOrigin.Info::name).toList());
        Map<String, List<String>> q = byName(origin.query());
        assertEquals(List.of("Example Data Centre"), q.get("publisher"));
        assertEquals(List.of(DataOrigin.SERVER_SOFTWARE_VERSION), q.get("server_software"));
        assertTrue(DataOrigin.SERVER_SOFTWARE_VERSION.startsWith("voarchive"), "the product, then its release where the build gave one");
        assertEquals(List.of("ivo://ivoa.net/std/TAP"), q.get("service_protocol"));
        assertEquals("TAP 1.1", origin.query().get(2).content(), "the protocol's version in the content");
        assertEquals(List.of("ivo://example.org/tap"), q.get("service_ivoid"));
        assertEquals(List.of("2026-12-04T10:11:12.345Z"), q.get("request_date"));
        assertEquals(List.of("archive@example.org"), q.get("contact"));
        assertEquals(List.of(), origin.dataset());
        assertFalse(byName(DataOrigin.of(SITE, request(null), metadata(PublishedMetadata.Publication.NONE), List.of())
            .query()).containsKey("query"), "no formal query given (cone search, datalink): no query item");
    }

    @Test
    void theRequestUrlHasTheParametersFormEncoded() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("LANG", List.of("ADQL"));
        p.put("QUERY", List.of("SELECT * FROM demo.bsc5 WHERE vmag < 2 AND name = 'a&b'"));
        p.put("UPLOAD", List.of("t,param:t", "u,https://e.org/u.xml"));
        assertEquals("https://a.org/tap/sync?LANG=ADQL&QUERY=SELECT+*+FROM+demo.bsc5+WHERE+vmag+%3C+2+AND+name+%3D+%27a%26b%27"
            + "&UPLOAD=t%2Cparam%3At&UPLOAD=u%2Chttps%3A%2F%2Fe.org%2Fu.xml", DataOrigin.requestUrl("https://a.org/tap/sync", p));
        assertEquals("https://a.org/datalink/links", DataOrigin.requestUrl("https://a.org/datalink/links", Map.of()));
    }

    @Test
    void eachTableReadHasItsDatasetItemsFromThePublishedMetadata() {
        DataOrigin origin = DataOrigin.of(SITE, request("q"), metadata(PublishedMetadata.Publication.NONE),
            List.of("demo.plates", "TAP_UPLOAD.mine", "demo.plates"));
        Map<String, List<String>> d = byName(origin.dataset());
        assertEquals(List.of("ivo://example.org/tap"), d.get("data_ivoid"));
        assertEquals(List.of("ivo://example.org/tap"), d.get("ivoid"), "the 1.1 name too");
        assertEquals(List.of("doi:10.5072/demo.plates"), d.get("citation"));
        assertEquals(List.of("https://archive.example.org/landing/demo.plates"), d.get("reference_url"));
        assertEquals(List.of("https://creativecommons.org/licenses/by/4.0/"), d.get("rights_uri"));
        assertEquals(List.of("Creative Commons Attribution 4.0"), d.get("rights"));
        assertEquals(List.of("Plate, Ann", "Survey <Team> & \"Friends\""), d.get("creator"), "one INFO per creator, in order");
        assertEquals(List.of("DR2"), d.get("resource_version"), "the release in the table's credits");
        assertEquals(List.of("doi:10.1/paper"), d.get("article"));
        assertEquals(List.of("bibcode:2021AJ....161...36B"), d.get("cites"));
        assertEquals(List.of("2026-01-02"), d.get("publication_date"));
        assertEquals(List.of("2026-03-04"), d.get("last_update_date"));
        assertEquals(1, d.get("citation").size(), "a table read twice, and uploads (not published), add nothing");
        assertTrue(origin.dataset().stream().allMatch(i -> i.content().contains("demo.plates")), "each names its table");
    }

    @Test
    void aTableWithoutItsOwnDoiIsCitedByItsSchemasOrItsLandingPage() {
        PublishedMetadata.Publication schema = new PublishedMetadata.Publication("10.5072/demo", null, null,
            "https://spdx.org/licenses/CC0-1.0.html", credits(List.of("Schema, Creator"), List.of(), null));
        Map<String, List<String>> d = byName(DataOrigin.of(SITE, request(null), metadata(schema), List.of("demo.bsc5")).dataset());
        assertEquals(List.of("doi:10.5072/demo"), d.get("citation"));
        assertEquals(List.of("https://spdx.org/licenses/CC0-1.0.html"), d.get("rights_uri"));
        assertEquals(List.of("Schema, Creator"), d.get("creator"));
        Map<String, List<String>> bare = byName(DataOrigin.of(SITE, request(null),
            metadata(PublishedMetadata.Publication.NONE), List.of("demo.bsc5")).dataset());
        assertEquals(List.of("https://archive.example.org/landing/demo.bsc5"), bare.get("citation"));
        assertFalse(bare.containsKey("rights_uri") || bare.containsKey("creator") || bare.containsKey("publication_date"),
            "nothing is invented: " + bare);
        assertEquals(List.of(), DataOrigin.of(SITE, request(null), metadata(schema), List.of("demo.unknown")).dataset());
    }

    @Test
    void infosAreEscapedAndTheLinksDocumentStaysAValidVOTable() throws Exception {
        DataOrigin origin = DataOrigin.of(SITE, request("SELECT '<&>\"' FROM demo.plates"),
            metadata(PublishedMetadata.Publication.NONE), List.of("demo.plates"));
        StringWriter w = new StringWriter();
        VoTableDocument.start(w, null).startResults().dataset(origin).endResults().end();
        assertTrue(w.toString().contains("<INFO name=\"creator\" value=\"Survey &lt;Team&gt; &amp; &quot;Friends&quot;\">"
            + "Creator of demo.plates</INFO>"), w.toString());
        LinksResponse response = new LinksResponse(List.of(Link.to("P1", "https://e.org/p1", "#this", null, null)),
            false, 10, List.of("demo.plates"), origin);
        for (LinksFormat f : List.of(LinksFormat.VOTABLE_TABLEDATA, LinksFormat.VOTABLE_BINARY2)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LinksWriter.write(response, f, out);
            assertEquals(List.of(), SchemaValidator.problems(out.toByteArray(), "http://www.ivoa.net/xml/VOTable/v1.3", "VOTABLE"));
            String doc = out.toString(StandardCharsets.UTF_8);
            assertTrue(doc.indexOf("<INFO name=\"publisher\"") < doc.indexOf("<RESOURCE"), "query items at the root");
            assertTrue(doc.indexOf("<INFO name=\"citation\" value=\"doi:10.5072/demo.plates\"") > doc.indexOf("<RESOURCE"),
                "the table's items in the resource");
            assertTrue(doc.contains("value=\"SELECT &apos;&lt;&amp;&gt;&quot;&apos; FROM demo.plates\""), doc);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LinksWriter.write(response, LinksFormat.JSON, json);
        String text = json.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"dataOrigin\":[{\"name\":\"publisher\",\"value\":\"Example Data Centre\""), text);
        assertTrue(text.contains("{\"name\":\"citation\",\"value\":\"doi:10.5072/demo.plates\""), text);
    }

    @Test
    void fitsCardsUseTheReservedKeywordsAndKeepEveryItemInComments() {
        DataOrigin origin = DataOrigin.of(SITE, new DataOrigin.Request("ivo://ivoa.net/std/TAP", "TAP 1.1",
                "ivo://example.org/tap", "https://archive.example.org/tap/sync?QUERY=" + "x".repeat(150) + "\u00e9",
                RECEIVED, null), metadata(PublishedMetadata.Publication.NONE), List.of("demo.plates"));
        List<String> cards = origin.fitsCards().stream().map(CardImage::toString).toList();
        for (String card : cards) {
            assertEquals(80, card.length(), card);
            assertTrue(card.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "printable ASCII only: " + card);
        }
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("ORIGIN  = 'Example Data Centre'")), cards.toString());
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("DATE    = '2026-12-04T10:11:12.345'")), cards.toString());
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("REFERENC= 'doi:10.5072/demo.plates'")), cards.toString());
        assertTrue(cards.stream().anyMatch(c -> c.startsWith("AUTHOR  = 'Plate, Ann; Survey <Team> & \"Friends\"'")),
            cards.toString());
        String comments = String.join("\n", cards.stream().filter(c -> c.startsWith("COMMENT")).toList());
        assertTrue(comments.contains("Data Origin service_protocol = ivo://ivoa.net/std/TAP"), comments);
        assertTrue(comments.contains("Data Origin rights_uri = https://creativecommons.org/licenses/by/4.0/"), comments);
        assertTrue(comments.contains("x?"), "the long request continues on further cards, non-ASCII replaced: " + comments);
        // two tables that disagree: no single REFERENC or AUTHOR, the comments still name both
        PublishedMetadata.Publication schema = new PublishedMetadata.Publication("10.5072/demo", null, null, null, null);
        List<String> two = DataOrigin.of(SITE, request(null), metadata(schema), List.of("demo.plates", "demo.bsc5"))
            .fitsCards().stream().map(CardImage::toString).toList();
        assertFalse(two.stream().anyMatch(c -> c.startsWith("REFERENC") || c.startsWith("AUTHOR")), two.toString());
        assertTrue(two.stream().anyMatch(c -> c.contains("citation = doi:10.5072/demo ")), two.toString());
    }
}
