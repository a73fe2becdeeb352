package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.dali.MediaTypes;
import org.voarchive.datalink.LinksFormat;

/** Malformed values of DALI parameters are the client's 400, never a response the server cannot build. */
class MalformedParametersTest {

    private static DaliException refused(Map<String, List<String>> p) {
        return assertThrows(DaliException.class, () -> TapRequest.parse(DaliParameters.of(p), 100_000));
    }

    @Test
    void mediaTypesFollowTheirSyntax() {
        assertTrue(MediaTypes.wellFormed("text/csv"));
        assertTrue(MediaTypes.wellFormed("text/csv;header=present"));
        assertTrue(MediaTypes.wellFormed("application/x-votable+xml; serialization=\"TABLEDATA\""));
        assertFalse(MediaTypes.wellFormed("text/csv;x"));
        assertFalse(MediaTypes.wellFormed("text/csv;"));
        assertFalse(MediaTypes.wellFormed("text/"));
        assertFalse(MediaTypes.wellFormed("text/csv;a=\"unclosed"));
        assertFalse(MediaTypes.wellFormed("text/csv\r\nX-Injected: 1"));
    }

    @Test
    void aMalformedResponseFormatIs400() {
        assertEquals(Optional.empty(), OutputFormat.forName("text/csv;x"));
        assertEquals(Optional.empty(), LinksFormat.forName("application/json;;"));
        DaliException e = refused(Map.of("LANG", List.of("ADQL"), "QUERY", List.of("SELECT 1"),
            "RESPONSEFORMAT", List.of("text/csv;x")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("RESPONSEFORMAT=text/csv;x"));
        assertEquals(Optional.of(OutputFormat.VOTABLE_TABLEDATA), OutputFormat.forName("votable/td"));
    }

    @Test
    void uploadUrlsNeedAHost() {
        for (String url : List.of("http:x", "http://:80/", "https:///t.vot", "http://user:pw@example.org/t.vot")) {
            DaliException e = assertThrows(DaliException.class, () -> Upload.parse(List.of("t," + url)), url);
            assertEquals(400, e.status());
        }
        assertEquals(400, assertThrows(DaliException.class, () -> Upload.parse(List.of("t,http://exa mple.org/"))).status());
        assertTrue(assertThrows(DaliException.class, () -> Upload.parse(List.of("a".repeat(64) + ",param:x"))).getMessage()
            .contains("at most 63"));
    }
}
