package org.voarchive.datalink;

import java.util.Locale;
import java.util.Optional;

/** The {links} output formats (DataLink 1.1 section 3.1.2): VOTable TABLEDATA is the standard one. */
public enum LinksFormat {
    VOTABLE_TABLEDATA, VOTABLE_BINARY2, JSON;

    /** The Content-Type of the standard output (DataLink 1.1 section 3.3). */
    public static final String DATALINK_TYPE = "application/x-votable+xml;content=datalink";

    /**
     * The format RESPONSEFORMAT names: MIME types with their parameters stripped (except a VOTable
     * serialization) or short names; null or blank is the standard format.
     */
    public static Optional<LinksFormat> forName(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(VOTABLE_TABLEDATA);
        }
        if (value.contains("/") && !value.toLowerCase(Locale.ROOT).startsWith("votable/")
            && !org.voarchive.dali.MediaTypes.wellFormed(value)) {
            return Optional.empty(); // a malformed media type names no format (and is no Content-Type)
        }
        String v = value.toLowerCase(Locale.ROOT).replace(" ", "");
        String base = v.contains(";") ? v.substring(0, v.indexOf(';')) : v;
        boolean binary2 = v.contains("serialization=binary2");
        return switch (base) {
            case "votable", "application/x-votable+xml", "text/xml" -> Optional.of(binary2 ? VOTABLE_BINARY2 : VOTABLE_TABLEDATA);
            case "votable/td", "votabletd" -> Optional.of(VOTABLE_TABLEDATA);
            case "votable/b2", "votableb2", "binary2" -> Optional.of(VOTABLE_BINARY2);
            case "json", "application/json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The response's Content-Type: the standard one unless the client asked for a MIME type (DALI's rule). */
    public String contentType(String requested) {
        if (requested != null && requested.contains("/") && !requested.toLowerCase(Locale.ROOT).startsWith("votable/")) {
            return requested.trim();
        }
        return switch (this) {
            case VOTABLE_TABLEDATA -> DATALINK_TYPE;
            case VOTABLE_BINARY2 -> DATALINK_TYPE + ";serialization=BINARY2";
            case JSON -> "application/json";
        };
    }
}
