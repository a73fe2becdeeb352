package org.voarchive.tap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;

/**
 * A TAP query request (TAP 1.1 section 2.3), checked against the protocol's
 * rules before anything runs. Shared by sync and async execution.
 *
 * @param formatRequested the RESPONSEFORMAT/FORMAT value as given (null for the default)
 * @param maxrec          MAXREC as given, or empty for the service default
 */
public record TapRequest(String query, String lang, OutputFormat format, String formatRequested, OptionalLong maxrec,
                         String runId, List<Upload> uploads, List<KeepUpload> keepUploads) {

    /** The query languages accepted in LANG; the capabilities declare ADQL 2.0 and 2.1. */
    static final List<String> LANGUAGES = List.of("ADQL", "ADQL-2.0", "ADQL-2.1");

    public TapRequest {
        uploads = List.copyOf(uploads);
        keepUploads = List.copyOf(keepUploads);
    }

    /** A request that keeps none of its uploads. */
    public TapRequest(String query, String lang, OutputFormat format, String formatRequested, OptionalLong maxrec,
                      String runId, List<Upload> uploads) {
        this(query, lang, format, formatRequested, maxrec, runId, uploads, List.of());
    }

    /** @param maxQueryLength the most characters QUERY may have ({@link TapLimits#queryMaxLength()}) */
    public static TapRequest parse(DaliParameters p, int maxQueryLength) throws DaliException {
        Optional<String> request = p.single("REQUEST");
        if (request.isPresent() && !request.get().equalsIgnoreCase("doQuery")) {
            throw DaliException.badRequest("REQUEST=" + request.get() + " is not supported; TAP 1.1 needs no REQUEST, "
                + "and the only TAP 1.0 value is doQuery");
        }
        p.single("VERSION"); // TAP 1.0 leftover, ignored, but still single-valued
        String lang = p.single("LANG").orElseThrow(() -> DaliException.badRequest(
            "LANG is missing: give LANG=ADQL"));
        if (LANGUAGES.stream().noneMatch(l -> l.equalsIgnoreCase(lang.trim()))) {
            throw DaliException.badRequest("LANG=" + lang + " is not supported; use one of " + String.join(", ", LANGUAGES));
        }
        String query = p.single("QUERY").orElseThrow(() -> DaliException.badRequest("QUERY is missing"));
        if (query.isBlank()) {
            throw DaliException.badRequest("QUERY is empty");
        }
        checkQueryLength(query, maxQueryLength);
        Optional<String> responseFormat = p.single("RESPONSEFORMAT");
        Optional<String> format = p.single("FORMAT");
        if (responseFormat.isPresent() && format.isPresent() && !responseFormat.get().equals(format.get())) {
            throw DaliException.badRequest("RESPONSEFORMAT and FORMAT disagree; give one of them");
        }
        String formatName = responseFormat.or(() -> format).filter(s -> !s.isBlank()).orElse(null);
        OutputFormat output = formatName == null ? OutputFormat.VOTABLE_BINARY2
            : OutputFormat.forName(formatName).orElseThrow(() -> DaliException.badRequest("RESPONSEFORMAT=" + formatName
                + " is not supported; use one of votable, votable/b, votable/td, csv, tsv, fits, json or their MIME types"));
        List<Upload> uploads = Upload.parse(p.all("UPLOAD"));
        return new TapRequest(query, lang.trim().toUpperCase(Locale.ROOT), output, formatName, maxrec(p),
            p.single("RUNID").orElse(null), uploads, KeepUpload.parse(p.all("KEEP_UPLOAD"), uploads));
    }

    /** A QUERY longer than the service's limit is refused before it is parsed. */
    public static void checkQueryLength(String query, int maxQueryLength) throws DaliException {
        if (query.length() > maxQueryLength) {
            throw DaliException.badRequest("QUERY has " + query.length() + " characters; this service accepts at most "
                + maxQueryLength);
        }
    }

    /** MAXREC (DALI 1.1 section 3.2.4) as given: empty if absent; a negative or non-integer value is an error. */
    public static OptionalLong maxrec(DaliParameters p) throws DaliException {
        Optional<String> value = p.single("MAXREC");
        if (value.isEmpty() || value.get().isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(value.get().trim());
            if (n < 0) {
                throw DaliException.badRequest("MAXREC must not be negative, not " + n);
            }
            return OptionalLong.of(n);
        } catch (NumberFormatException e) {
            throw DaliException.badRequest("MAXREC must be a whole number, not '" + value.get() + "'");
        }
    }

    /** The rows to deliver at most: MAXREC capped by the hard limit, or the default. */
    public long effectiveMaxrec(TapLimits limits) {
        return Math.min(maxrec.orElse(limits.defaultMaxrec()), limits.hardMaxrec());
    }
}
