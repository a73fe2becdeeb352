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

    private static final ResumptionToken.Key KEY = new ResumptionToken.Key("a server secret");

    private static String bad(String token) {
        return assertThrows(OaiException.class, () -> ResumptionToken.decode(token, KEY), token).code();
    }

    @Test
    void resumptionTokensRoundTripAndForeignOnesAreRefused() throws OaiException {
        ResumptionToken t = new ResumptionToken("oai_dc", "tables", Instant.parse("2024-01-01T00:00:00Z"), null,
            new OaiItem("demo.plates", null, Instant.parse("2024-06-01T12:00:00Z"), false), 5, 1234);
        ResumptionToken back = ResumptionToken.decode(t.encode(KEY), new ResumptionToken.Key("a server secret"));
        assertEquals(t.metadataPrefix(), back.metadataPrefix());
        assertEquals(t.set(), back.set());
        assertEquals(t.from(), back.from());
        assertNull(back.until());
        assertEquals(t.last().id(), back.last().id());
        assertEquals(t.last().datestamp(), back.last().datestamp());
        assertEquals(5, back.cursor());
        assertEquals(1234, back.completeListSize());
        assertEquals("badResumptionToken", bad("!!"));
        assertEquals("badResumptionToken", bad(java.util.Base64.getUrlEncoder().encodeToString("2\nx".getBytes())));
        assertEquals("badResumptionToken", bad(""));
        assertEquals("badResumptionToken", bad("."));
    }

    @Test
    void tamperedOrForeignlySignedTokensAreBadResumptionTokens() {
        ResumptionToken t = new ResumptionToken("oai_dc", null, null, null,
            new OaiItem("demo.plates", null, Instant.parse("2024-06-01T12:00:00Z"), false), 100, 250);
        String token = t.encode(KEY);
        // every single-character change of the token, in its fields or its signature
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String tampered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            if (!tampered.equals(token)) {
                assertEquals("badResumptionToken", bad(tampered));
            }
        }
        assertEquals("badResumptionToken", assertThrows(OaiException.class,
            () -> ResumptionToken.decode(token, new ResumptionToken.Key("another secret"))).code());
        assertEquals("badResumptionToken", bad(token.substring(0, token.indexOf('.'))));
        // the old unsigned layout with a forged date, and signed but malformed fields, are refused, not a 500
        String fields = String.join("\n", "2", "oai_dc", "", "not-a-date", "", "0", "x", "0", "0");
        assertEquals("badResumptionToken", bad(java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(fields.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("badResumptionToken", bad(ResumptionToken.sign(fields, KEY)));
        assertEquals("badResumptionToken", bad(ResumptionToken.sign(
            String.join("\n", "2", "oai_dc", "", "", "", "99999999999999999999", "x", "0", "0"), KEY)));
        assertEquals("badResumptionToken", bad(ResumptionToken.sign(
            String.join("\n", "2", "oai_dc", "", "", "", "0", "x", "-1", "0"), KEY)));
    }
}
