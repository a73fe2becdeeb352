package org.voarchive.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.tap.OutputFormat;

class ConeRequestTest {

    private static ConeRequest parse(Map<String, String> params) throws DaliException {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return ConeRequest.parse(DaliParameters.of(multi));
    }

    private static String refused(Map<String, String> params) {
        DaliException e = assertThrows(DaliException.class, () -> parse(params));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void defaultsAreVerbTwoAndTheVOTableScsClientsExpect() throws DaliException {
        ConeRequest r = parse(Map.of("ra", "10.5", "Dec", "-20", "SR", "0.5", "UNKNOWN", "ignored"));
        assertEquals(10.5, r.ra());
        assertEquals(-20, r.dec());
        assertEquals(0.5, r.sr());
        assertEquals(2, r.verb());
        assertEquals(OptionalLong.empty(), r.maxrec());
        assertEquals(OutputFormat.VOTABLE_TABLEDATA, r.format());
        assertEquals("text/xml;content=x-votable", r.format().contentType(r.formatRequested()));
        assertFalse(r.metadataOnly());
    }

    @Test
    void responseFormatAndMaxrecFollowDali() throws DaliException {
        ConeRequest r = parse(Map.of("RA", "0", "DEC", "90", "SR", "180", "VERB", "3", "MAXREC", "10",
            "RESPONSEFORMAT", "text/csv"));
        assertEquals(OutputFormat.CSV, r.format());
        assertEquals("text/csv", r.format().contentType(r.formatRequested()));
        assertEquals(OptionalLong.of(10), r.maxrec());
        assertEquals(3, r.verb());
        assertTrue(parse(Map.of("RA", "0", "DEC", "0", "SR", "0")).metadataOnly());
        assertTrue(parse(Map.of("RA", "0", "DEC", "0", "SR", "1", "MAXREC", "0")).metadataOnly());
    }

    @Test
    void missingUnparseableAndOutOfRangeValuesAreRefusedByName() {
        assertTrue(refused(Map.of("DEC", "0", "SR", "1")).startsWith("RA is missing"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "0", "SR", " ")).startsWith("SR is missing"));
        assertTrue(refused(Map.of("RA", "ten", "DEC", "0", "SR", "1")).contains("RA must be a number"));
        assertTrue(refused(Map.of("RA", "360.5", "DEC", "0", "SR", "1")).contains("RA=360.5 is out of range"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "-90.01", "SR", "1")).contains("DEC=-90.01 is out of range"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "0", "SR", "-0.1")).contains("SR=-0.1"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "0", "SR", "181")).contains("SR=181"));
        assertTrue(refused(Map.of("RA", "Infinity", "DEC", "0", "SR", "1")).contains("out of range"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "NaN", "SR", "1")).contains("out of range"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "0", "SR", "1", "VERB", "4")).contains("VERB must be 1, 2 or 3"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "0", "SR", "1", "MAXREC", "-1")).contains("MAXREC"));
        assertTrue(refused(Map.of("RA", "1", "DEC", "0", "SR", "1", "RESPONSEFORMAT", "pdf")).contains("RESPONSEFORMAT=pdf"));
    }
}
