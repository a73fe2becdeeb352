package org.voarchive.dali;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voarchive.datalink.LinksFormat;
import org.voarchive.tap.OutputFormat;

class ResponseFormatsTest {

    @Test
    void onlyTheParametersThatChooseAFormatCount() {
        assertEquals(Optional.of("application/x-votable+xml;serialization=binary2"),
            ResponseFormats.key("application/x-votable+xml; charset=UTF-8; serialization=\"BINARY2\""));
        assertEquals(Optional.of("application/x-votable+xml"), ResponseFormats.key("application/x-votable+xml;content=datalink"));
        assertEquals(Optional.of("text/csv;header=present"), ResponseFormats.key("text/csv; header=present"));
        assertEquals(Optional.of("votable/td"), ResponseFormats.key("VOTable/TD"));
        assertEquals(Optional.empty(), ResponseFormats.key("text/csv;x"), "a malformed media type names nothing");
    }

    @Test
    void theClientsOwnMediaTypeIsTheContentType() {
        assertEquals("text/csv; header=present", ResponseFormats.contentType(" text/csv; header=present ", "text/csv"));
        assertEquals("text/csv", ResponseFormats.contentType("csv", "text/csv"));
        assertEquals("application/json", ResponseFormats.contentType(null, "application/json"));
    }

    @Test
    void tapAndDatalinkReadTheSameValueTheSameWay() {
        assertEquals(Optional.of(OutputFormat.VOTABLE_BINARY2), OutputFormat.forName("application/x-votable+xml;serialization=BINARY2"));
        assertEquals(Optional.of(LinksFormat.VOTABLE_BINARY2), LinksFormat.forName("application/x-votable+xml;serialization=BINARY2"));
        assertEquals(Optional.of(LinksFormat.VOTABLE_TABLEDATA), LinksFormat.forName(LinksFormat.DATALINK_TYPE));
        assertEquals(Optional.of(LinksFormat.VOTABLE_TABLEDATA), LinksFormat.forName(null));
        assertEquals(Optional.empty(), LinksFormat.forName("application/x-votable+xml;serialization=BINARY"),
            "a serialization {links} does not offer is refused, not answered in another under its name");
        assertEquals(Optional.empty(), OutputFormat.forName("text/csv;x"));
        assertEquals("application/x-votable+xml;content=datalink;serialization=BINARY2",
            LinksFormat.VOTABLE_BINARY2.contentType("binary2"));
    }
}
