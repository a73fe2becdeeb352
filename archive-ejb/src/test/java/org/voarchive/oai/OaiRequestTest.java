package org.voarchive.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OaiRequestTest {

    private static OaiRequest parse(String... pairs) throws OaiException {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return OaiRequest.parse(p);
    }

    private static String code(String... pairs) {
        return assertThrows(OaiException.class, () -> parse(pairs)).code();
    }

    @Test
    void datesAreInclusiveAtEitherGranularity() throws OaiException {
        OaiRequest r = parse("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-05-01", "until", "2024-05-02");
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), r.from());
        assertEquals(Instant.parse("2024-05-02T23:59:59Z"), r.until());
        OaiRequest s = parse("verb", "ListIdentifiers", "metadataPrefix", "datacite", "from", "2024-05-01T10:00:00Z");
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), s.from());
        assertNull(s.until());
        assertEquals("abc", parse("verb", "ListRecords", "resumptionToken", "abc").resumptionToken());
    }

    @Test
    void theArgumentRulesGiveTheirCodes() {
        assertEquals("badVerb", code());
        assertEquals("badVerb", code("verb", "Harvest"));
        assertEquals("badVerb", code("verb", "Identify", "verb", "Identify"));
        assertEquals("badArgument", code("verb", "Identify", "set", "x"));
        assertEquals("badArgument", code("verb", "GetRecord", "identifier", "oai:x:y"));
        assertEquals("badArgument", code("verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "datacite"));
        assertEquals("badArgument", code("verb", "ListRecords", "resumptionToken", "t", "set", "tables"));
        assertEquals("badArgument", code("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-13-01"));
        assertEquals("badArgument", code("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-05-01",
            "until", "2024-05-01T00:00:00Z"));
        assertEquals("badArgument", code("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-05-03",
            "until", "2024-05-01"));
    }

    @Test
    void resumptionTokensRoundTripAndForeignOnesAreRefused() throws OaiException {
        ResumptionToken t = new ResumptionToken("oai_dc", "tables", Instant.parse("2024-01-01T00:00:00Z"), null,
            new OaiItem("demo.plates", null, Instant.parse("2024-06-01T12:00:00Z"), false), 5, 1234);
        ResumptionToken back = ResumptionToken.decode(t.encode());
        assertEquals(t.metadataPrefix(), back.metadataPrefix());
        assertEquals(t.set(), back.set());
        assertEquals(t.from(), back.from());
        assertNull(back.until());
        assertEquals(t.last().id(), back.last().id());
        assertEquals(t.last().datestamp(), back.last().datestamp());
        assertEquals(5, back.cursor());
        assertEquals(1234, back.completeListSize());
        assertEquals("badResumptionToken", assertThrows(OaiException.class, () -> ResumptionToken.decode("!!")).code());
        assertEquals("badResumptionToken", assertThrows(OaiException.class,
            () -> ResumptionToken.decode(java.util.Base64.getUrlEncoder().encodeToString("2\nx".getBytes()))).code());
    }
}
