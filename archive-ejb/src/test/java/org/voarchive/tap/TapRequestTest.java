package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;

class TapRequestTest {

    private static TapRequest parse(Map<String, List<String>> query, Map<String, List<String>> form) throws DaliException {
        return TapRequest.parse(DaliParameters.of(query, form), 100_000);
    }

    private static String refused(Map<String, List<String>> params) {
        DaliException e = assertThrows(DaliException.class, () -> parse(params, Map.of()));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void namesAreCaseInsensitiveAcrossQueryStringAndFormAndValuesKeptAsGiven() throws DaliException {
        TapRequest r = parse(Map.of("lang", List.of("adql-2.1")), Map.of("Query", List.of("SELECT Name FROM t"),
            "ResponseFormat", List.of("text/csv"), "maxrec", List.of("7"), "RUNID", List.of("Run 1")));
        assertEquals("SELECT Name FROM t", r.query());
        assertEquals("ADQL-2.1", r.lang());
        assertEquals(OutputFormat.CSV, r.format());
        assertEquals("text/csv", r.format().contentType(r.formatRequested()));
        assertEquals(OptionalLong.of(7), r.maxrec());
        assertEquals("Run 1", r.runId());
        assertEquals(OutputFormat.VOTABLE_BINARY2, parse(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("SELECT 1")),
            Map.of()).format());
    }

    @Test
    void protocolMistakesAreRefusedWithTheReason() {
        assertTrue(refused(Map.of("QUERY", List.of("SELECT 1"))).contains("LANG is missing"));
        assertTrue(refused(Map.of("LANG", List.of("PQL"), "QUERY", List.of("x"))).contains("LANG=PQL"));
        assertTrue(refused(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("a", "b"))).contains("given 2 times"));
        assertTrue(refused(Map.of("LANG", List.of("ADQL"), "QUERY", List.of(" "))).contains("QUERY is empty"));
        assertTrue(refused(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("x"), "MAXREC", List.of("ten"))).contains("whole number"));
        assertTrue(refused(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("x"), "REQUEST", List.of("getCapabilities")))
            .contains("REQUEST=getCapabilities"));
        assertTrue(refused(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("x"), "FORMAT", List.of("csv"),
            "RESPONSEFORMAT", List.of("fits"))).contains("disagree"));
    }

    @Test
    void formatsByShortNameAndMimeType() {
        assertEquals(Optional.of(OutputFormat.VOTABLE_TABLEDATA),
            OutputFormat.forName("application/x-votable+xml; serialization=\"TABLEDATA\""));
        assertEquals(Optional.of(OutputFormat.VOTABLE_BINARY), OutputFormat.forName("VOTable/B"));
        assertEquals(Optional.of(OutputFormat.VOTABLE_BINARY2), OutputFormat.forName("application/x-votable+xml;content=x"));
        assertEquals(Optional.of(OutputFormat.CSV), OutputFormat.forName("text/csv;header=present"));
        assertEquals(Optional.empty(), OutputFormat.forName("text/csv;header=absent"));
        assertEquals(Optional.empty(), OutputFormat.forName("xls"));
        assertEquals("application/x-votable+xml;serialization=TABLEDATA", OutputFormat.VOTABLE_TABLEDATA.contentType("votable/td"));
    }

    @Test
    void uploadsNameTablesAndSources() throws DaliException {
        List<Upload> uploads = Upload.parse(List.of("a,param:p1;b,https://example.org/t.vot", "c,http://h/x?y=1"));
        assertEquals(List.of("a", "b", "c"), uploads.stream().map(Upload::name).toList());
        assertEquals("p1", uploads.get(0).part());
        assertNull(uploads.get(0).url());
        assertEquals(URI.create("https://example.org/t.vot"), uploads.get(1).url());
        assertTrue(assertThrows(DaliException.class, () -> Upload.parse(List.of("a,param:x", "A,param:y"))).getMessage()
            .contains("twice"));
        assertTrue(assertThrows(DaliException.class, () -> Upload.parse(List.of("t,file:///etc/passwd"))).getMessage()
            .contains("only param:"));
        assertTrue(assertThrows(DaliException.class, () -> Upload.parse(List.of("noComma"))).getMessage().contains("name,param:"));
    }

    @Test
    void aQueryLongerThanTheLimitIsRefusedBeforeItIsParsed() throws DaliException {
        String query = "SELECT 1 FROM t WHERE " + "1 = 1 AND ".repeat(20) + "1 = 1";
        DaliException e = assertThrows(DaliException.class, () -> TapRequest.parse(
            DaliParameters.of(Map.of("LANG", List.of("ADQL"), "QUERY", List.of(query)), Map.of()), query.length() - 1));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(query.length() + " characters") && e.getMessage().contains("at most "
            + (query.length() - 1)), e.getMessage());
        assertEquals(query, TapRequest.parse(DaliParameters.of(Map.of("LANG", List.of("ADQL"), "QUERY", List.of(query)),
            Map.of()), query.length()).query());
    }

    @Test
    void keepUploadNamesAnUploadOfTheRequestAndOptionallyTheTable() throws DaliException {
        TapRequest r = parse(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("SELECT * FROM TAP_UPLOAD.t"),
            "UPLOAD", List.of("t,param:t", "u,param:u")), Map.of("keep_upload", List.of("t:targets", " u ")));
        assertEquals(List.of(new KeepUpload("t", "targets"), new KeepUpload("u", "u")), r.keepUploads());
        assertEquals(List.of(), parse(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("SELECT 1")), Map.of()).keepUploads());
        assertEquals("KEEP_UPLOAD=x names no UPLOAD of this request", refused(Map.of("LANG", List.of("ADQL"),
            "QUERY", List.of("SELECT 1"), "UPLOAD", List.of("t,param:t"), "KEEP_UPLOAD", List.of("x"))));
        assertEquals("KEEP_UPLOAD=t: must be upload or upload:table", refused(Map.of("LANG", List.of("ADQL"),
            "QUERY", List.of("SELECT 1"), "UPLOAD", List.of("t,param:t"), "KEEP_UPLOAD", List.of("t:"))));
        assertEquals("KEEP_UPLOAD names the upload T twice", refused(Map.of("LANG", List.of("ADQL"),
            "QUERY", List.of("SELECT 1"), "UPLOAD", List.of("t,param:t"), "KEEP_UPLOAD", List.of("t", "T:b"))));
    }
}
