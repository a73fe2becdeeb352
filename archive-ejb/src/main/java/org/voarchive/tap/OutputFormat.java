package org.voarchive.tap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voarchive.dali.ResponseFormats;

/**
 * The result formats of the TAP service (TAP 1.1 section 2.7.1), each with its
 * MIME type, the short names clients use for RESPONSEFORMAT, and the
 * TAPRegExt identifier declared in the capabilities where one exists.
 */
public enum OutputFormat {

    VOTABLE_BINARY2("application/x-votable+xml", "ivo://ivoa.net/std/TAPRegExt#output-votable-binary2",
        List.of("votable", "votable/b2", "votableb2", "binary2", "application/x-votable+xml;serialization=binary2",
            "text/xml", "application/x-votable+xml")),
    VOTABLE_BINARY("application/x-votable+xml;serialization=BINARY", "ivo://ivoa.net/std/TAPRegExt#output-votable-binary",
        List.of("votable/b", "votableb", "binary", "application/x-votable+xml;serialization=binary")),
    VOTABLE_TABLEDATA("application/x-votable+xml;serialization=TABLEDATA", "ivo://ivoa.net/std/TAPRegExt#output-votable-td",
        List.of("votable/td", "votabletd", "tabledata", "application/x-votable+xml;serialization=tabledata")),
    CSV("text/csv;header=present", null, List.of("csv", "text/csv", "text/csv;header=present")),
    TSV("text/tab-separated-values", null, List.of("tsv", "text/tab-separated-values")),
    FITS("application/fits", null, List.of("fits", "application/fits")),
    JSON("application/json", null, List.of("json", "application/json")),
    /** IANA-registered in 2024; TAPRegExt has no identifier for it, so it is declared by MIME type and alias only. */
    PARQUET("application/vnd.apache.parquet", null,
        List.of("parquet", "application/vnd.apache.parquet", "application/x-parquet"));

    private final String mimeType;
    private final String standardId;
    private final List<String> names;

    OutputFormat(String mimeType, String standardId, List<String> names) {
        this.mimeType = mimeType;
        this.standardId = standardId;
        this.names = names;
    }

    /** The canonical MIME type, as declared in the capabilities. */
    public String mimeType() {
        return mimeType;
    }

    public Optional<String> standardId() {
        return Optional.ofNullable(standardId);
    }

    /** The short names (those without a slash-separated MIME form). */
    public List<String> aliases() {
        return names.stream().filter(n -> !n.contains("/") || n.startsWith("votable/")).toList();
    }

    /** The file name extension of a stored result (async jobs). */
    public String fileExtension() {
        return isVOTable() ? "vot" : name().toLowerCase(Locale.ROOT);
    }

    public boolean isVOTable() {
        return name().startsWith("VOTABLE");
    }

    /** The format a RESPONSEFORMAT value names (read as every DALI service reads it: {@link ResponseFormats}). */
    public static Optional<OutputFormat> forName(String value) {
        return ResponseFormats.lookup(value, values(), f -> f.names);
    }

    /** The Content-Type of a response in this format (DALI's rule: {@link ResponseFormats#contentType}). */
    public String contentType(String requested) {
        return ResponseFormats.contentType(requested, mimeType);
    }
}
