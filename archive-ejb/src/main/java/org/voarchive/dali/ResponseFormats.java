package org.voarchive.dali;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one reading of DALI's RESPONSEFORMAT (DALI 1.1 section 3.3.2) for every service: a value is a media type
 * or a short name the service lists; each service keeps its own table of formats and looks the value up by
 * {@link #key}; and the answer's Content-Type is the client's own media type when it named one.
 */
public final class ResponseFormats {

    private ResponseFormats() {
    }

    /** Whether the value names a media type, not a short name (VOTable's short names contain a slash too). */
    static boolean isMediaType(String value) {
        return value.contains("/") && !value.toLowerCase(Locale.ROOT).startsWith("votable/");
    }

    /**
     * The value as a lookup key: lower case, without white space or quotes, and of its parameters only those that
     * choose a format (VOTable's {@code serialization}, CSV's {@code header}); others ({@code charset},
     * {@code content=datalink}) do not. Empty for a malformed media type, which names no format and could not be
     * answered as a Content-Type (e.g. {@code text/csv;x}).
     */
    public static Optional<String> key(String value) {
        if (isMediaType(value) && !MediaTypes.wellFormed(value)) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT).replace(" ", "").replace("\t", "");
        int semicolon = v.indexOf(';');
        if (semicolon < 0) {
            return Optional.of(v);
        }
        String base = v.substring(0, semicolon);
        for (String parameter : v.substring(semicolon + 1).split(";")) {
            if (parameter.startsWith("serialization=") || parameter.startsWith("header=")) {
                return Optional.of(base + ";" + parameter.replace("\"", ""));
            }
        }
        return Optional.of(base);
    }

    /** The format of a service's table whose names (as {@link #key} writes them) include the value's key. */
    public static <F> Optional<F> lookup(String value, F[] formats, java.util.function.Function<F, List<String>> names) {
        Optional<String> key = key(value);
        return key.flatMap(k -> java.util.Arrays.stream(formats).filter(f -> names.apply(f).contains(k)).findFirst());
    }

    /**
     * The Content-Type of a response: the client's own media type when it named one (so that it finds exactly
     * what it asked for), else the format's canonical one.
     */
    public static String contentType(String requested, String canonical) {
        return requested != null && isMediaType(requested) ? requested.trim() : canonical;
    }
}
