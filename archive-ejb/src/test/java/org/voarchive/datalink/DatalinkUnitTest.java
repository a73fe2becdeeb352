package org.voarchive.datalink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voarchive.conformance.SchemaValidator;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.metadata.Credits;

/** Semantics, request parsing, row checks, CSV reading, resolvers and the {links} document. */
class DatalinkUnitTest {

    private static final String BASE = "https://archive.example.org";

    @Test
    void semanticsAreStoredAsTermsAndWrittenAsDataLinkWants() {
        assertEquals(Optional.of("#preview"), Semantics.stored("#preview", BASE));
        assertEquals(Optional.of("#preview"), Semantics.stored("http://www.ivoa.net/rdf/datalink/core#preview", BASE));
        assertEquals(Optional.of("#doi"), Semantics.stored("#doi", BASE));
        assertEquals(Optional.of("#doi"), Semantics.stored(BASE + "/datalink/semantics#doi", BASE));
        assertEquals(Optional.of("http://other.org/vocab#x"), Semantics.stored("http://other.org/vocab#x", BASE));
        assertEquals(Optional.empty(), Semantics.stored("#nonsense", BASE));
        assertEquals(Optional.empty(), Semantics.stored("preview", BASE));
        assertEquals(BASE + "/datalink/semantics#doi", Semantics.written("#doi", BASE));
        assertEquals("#this", Semantics.written("#this", BASE));
    }

    private static LinksRequest parse(Map<String, List<String>> params) throws DaliException {
        return LinksRequest.parse(DaliParameters.of(params));
    }

    @Test
    void requestsTakeRepeatedIdsAndTheFormatsDataLinkNames() throws DaliException {
        LinksRequest r = parse(Map.of("id", List.of("a", "b"), "RESPONSEFORMAT", List.of("application/x-votable+xml;content=datalink")));
        assertEquals(List.of("a", "b"), r.ids());
        assertEquals(LinksFormat.VOTABLE_TABLEDATA, r.format());
        assertEquals(LinksFormat.VOTABLE_TABLEDATA, parse(Map.of("RESPONSEFORMAT", List.of("votable"))).format());
        assertEquals(LinksFormat.DATALINK_TYPE, LinksFormat.VOTABLE_TABLEDATA.contentType(null));
        assertEquals(LinksFormat.VOTABLE_BINARY2, parse(Map.of("RESPONSEFORMAT", List.of("votable/b2"))).format());
        assertEquals(LinksFormat.JSON, parse(Map.of("RESPONSEFORMAT", List.of("application/json"))).format());
        assertEquals(List.of(), parse(Map.of()).ids());
        DaliException bad = assertThrows(DaliException.class, () -> parse(Map.of("RESPONSEFORMAT", List.of("text/csv"))));
        assertTrue(bad.getMessage().startsWith("UsageFault: "), bad.getMessage());
        assertThrows(DaliException.class, () -> parse(Map.of("ID", List.of(" "))));
    }

    @Test
    void idsNoTableCanEchoAreAUsageFault() throws DaliException {
        DaliException nul = assertThrows(DaliException.class, () -> parse(Map.of("ID", List.of("a\0b"))));
        assertEquals(400, nul.status());
        assertTrue(nul.getMessage().startsWith("UsageFault: an ID contains the character U+0000"), nul.getMessage());
        assertEquals(400, assertThrows(DaliException.class, () -> parse(Map.of("ID", List.of("x\u0001")))).status());
        assertEquals(List.of("ivo://x/y?\u00e9\t\ud83d\ude00"), parse(Map.of("ID", List.of("ivo://x/y?\u00e9\t\ud83d\ude00"))).ids());
    }

    @Test
    void rowsAreCheckedAndNamed() {
        DatalinkLoader loader = new DatalinkLoader(null, BASE);
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Object[] row = loader.checked(new String[] {" x ", "https://e.org/a", null, null, "#this", "", null, "12", null,
            null, null}, all, 1);
        assertArrayEquals(new Object[] {"x", "https://e.org/a", null, null, "#this", null, null, 12L, null, null, null}, row);
        assertEquals("#doi", loader.checked(new String[] {"x", "/files/a", null, null, BASE + "/datalink/semantics#doi",
            null, null, null, null, null, null}, all, 1)[4]);
        String[][] bad = {{null, "https://e.org/a", null, null, "#this"}, {"x", null, null, null, "#this"},
            {"x", "https://e.org/a", "sd", null, "#this"}, {"x", "relative/a", null, null, "#this"},
            {"x", "https://e.org/a", null, null, "#unknown"}, {"x", "https://e.org/a", null, null, null}};
        for (String[] b : bad) {
            String[] cells = java.util.Arrays.copyOf(b, 11);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loader.checked(cells, all, 7));
            assertTrue(e.getMessage().startsWith("row 7"), e.getMessage());
        }
    }

    @Test
    void csvIsReadAsTextWithQuotesAndLineBreaks(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("l.csv");
        Files.writeString(csv, "ID,description,content_length\r\n00123,\"a, \"\"quoted\"\"\nline\",\r\n,\"\",7\n");
        List<String[]> rows = new ArrayList<>();
        try (LinkRows in = LinkRows.open(csv, "csv")) {
            assertEquals(List.of("ID", "description", "content_length"), in.columns());
            String[] r;
            while ((r = in.next()) != null) {
                rows.add(r);
            }
        }
        assertArrayEquals(new String[] {"00123", "a, \"quoted\"\nline", null}, rows.get(0));
        assertArrayEquals(new String[] {null, "", "7"}, rows.get(1));
        Files.writeString(csv, "ID,semantics\nx\n");
        try (LinkRows in = LinkRows.open(csv, "csv")) {
            assertTrue(assertThrows(IllegalArgumentException.class, in::next).getMessage().contains("line 2"));
        }
    }

    @Test
    void relatedIdentifiersWithResolversBecomeLinks() {
        assertEquals(Optional.of("https://doi.org/10.1/x"), MetadataLinks.resolvable(new Credits.RelatedIdentifier("10.1/x", "DOI", "Cites", null)));
        assertEquals(Optional.of("https://arxiv.org/abs/2101.00001"), MetadataLinks.resolvable(
            new Credits.RelatedIdentifier("arXiv:2101.00001", "arXiv", "IsDescribedBy", null)));
        assertEquals(Optional.of("https://ui.adsabs.harvard.edu/abs/2020A&A...1A"), MetadataLinks.resolvable(
            new Credits.RelatedIdentifier("2020A&A...1A", "bibcode", "IsCitedBy", null)));
        assertEquals(Optional.empty(), MetadataLinks.resolvable(new Credits.RelatedIdentifier("978-3", "ISBN", "Cites", null)));
    }

    @Test
    void theLinksDocumentIsAValidVOTableWithTheDataLinkColumns() throws Exception {
        LinksResponse response = new LinksResponse(List.of(
            new Link("a & b", "https://e.org/a", null, null, "#this", "A \"file\"", "image/fits", 5L, null, null),
            Link.notFound("zz")), true, 2);
        for (LinksFormat f : List.of(LinksFormat.VOTABLE_TABLEDATA, LinksFormat.VOTABLE_BINARY2)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LinksWriter.write(response, f, out);
            assertEquals(List.of(), SchemaValidator.problems(out.toByteArray(), "http://www.ivoa.net/xml/VOTable/v1.3", "VOTABLE"));
            String doc = out.toString(StandardCharsets.UTF_8);
            assertTrue(doc.contains("<INFO name=\"standardID\" value=\"ivo://ivoa.net/std/DataLink#links-1.1\"/>"), doc);
            assertTrue(doc.contains("name=\"content_length\"") && doc.contains("unit=\"byte\""), doc);
            assertTrue(doc.contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\">"), doc);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LinksWriter.write(response, LinksFormat.JSON, json);
        assertTrue(json.toString(StandardCharsets.UTF_8).contains("[\"a & b\",\"https://e.org/a\",null,null,\"#this\","
            + "\"A \\\"file\\\"\",\"image/fits\",5,null,null]"), json.toString(StandardCharsets.UTF_8));
    }
}
