package org.voarchive.datalink;

import java.util.List;
import java.util.Optional;
import org.voarchive.dali.ResponseFormats;

/** The {links} output formats (DataLink 1.1 section 3.1.2): VOTable TABLEDATA is the standard one. */
public enum LinksFormat {
    VOTABLE_TABLEDATA(List.of("votable", "application/x-votable+xml", "text/xml", "votable/td", "votabletd",
        "application/x-votable+xml;serialization=tabledata", "text/xml;serialization=tabledata", "votable;serialization=tabledata")),
    VOTABLE_BINARY2(List.of("votable/b2", "votableb2", "binary2", "application/x-votable+xml;serialization=binary2",
        "text/xml;serialization=binary2", "votable;serialization=binary2")),
    JSON(List.of("json", "application/json"));

    /** The Content-Type of the standard output (DataLink 1.1 section 3.3). */
    public static final String DATALINK_TYPE = "application/x-votable+xml;content=datalink";

    private final List<String> names;

    LinksFormat(List<String> names) {
        this.names = names;
    }

    /**
     * The format RESPONSEFORMAT names (read as every DALI service reads it: {@link ResponseFormats}); none given is
     * the standard format.
     */
    public static Optional<LinksFormat> forName(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(VOTABLE_TABLEDATA);
        }
        return ResponseFormats.lookup(value, values(), f -> f.names);
    }

    /** The response's Content-Type: the standard one unless the client asked for a media type (DALI's rule). */
    public String contentType(String requested) {
        return ResponseFormats.contentType(requested, switch (this) {
            case VOTABLE_TABLEDATA -> DATALINK_TYPE;
            case VOTABLE_BINARY2 -> DATALINK_TYPE + ";serialization=BINARY2";
            case JSON -> "application/json";
        });
    }
}
