package org.voarchive.datalink;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Link semantics: the IVOA DataLink core vocabulary, written {@code #term}
 * as DataLink prefers, and this archive's own terms, which must be full URIs
 * ({@code <base>/datalink/semantics#term}, published by the semantics page).
 */
public final class Semantics {

    /** The core vocabulary's base URI, against which relative terms resolve (DataLink 1.1 section 3.2.6). */
    public static final String CORE = "http://www.ivoa.net/rdf/datalink/core";
    public static final String THIS = "#this";
    /** The path of the local vocabulary below the base URL. */
    public static final String LOCAL_PATH = "/datalink/semantics";

    /** Terms of http://www.ivoa.net/rdf/datalink/core. */
    static final Set<String> CORE_TERMS = Set.of("this", "progenitor", "derivation", "auxiliary", "weight", "error",
        "noise", "calibration", "bias", "dark", "flat", "preview", "preview-image", "preview-plot", "thumbnail", "proc",
        "cutout", "counterpart", "coderived", "documentation", "detached-header", "package");

    /** The local vocabulary: term, label, definition. */
    public static final Map<String, String[]> LOCAL_TERMS = Map.of(
        "doi", new String[] {"Digital Object Identifier",
            "The access_url points to the Digital Object Identifier (DOI) of the object, resolved at https://doi.org/:"
                + " the persistent, citable identifier of the dataset, schema or table the link belongs to."});

    private Semantics() {
    }

    /** The full URI of a local term. */
    public static String local(String baseUrl, String term) {
        return baseUrl + LOCAL_PATH + "#" + term;
    }

    /**
     * A semantics value as the archive stores it: {@code #term} for core and local terms (also when given as
     * their full URIs), so that stored rows do not depend on the base URL; other URIs as they are.
     *
     * @return empty if the value is no known term and no absolute URI
     */
    public static Optional<String> stored(String value, String baseUrl) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        String term = v.startsWith("#") ? v.substring(1)
            : v.startsWith(CORE + "#") ? v.substring(CORE.length() + 1)
            : v.startsWith(baseUrl + LOCAL_PATH + "#") ? v.substring((baseUrl + LOCAL_PATH).length() + 1) : null;
        if (term != null) {
            return CORE_TERMS.contains(term) || LOCAL_TERMS.containsKey(term) ? Optional.of("#" + term) : Optional.empty();
        }
        return v.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+") ? Optional.of(v) : Optional.empty();
    }

    /** A stored value as {links} writes it: core terms relative, local terms as full URIs (DataLink 1.1 section 3.2.6). */
    public static String written(String stored, String baseUrl) {
        if (stored.startsWith("#") && LOCAL_TERMS.containsKey(stored.substring(1))) {
            return local(baseUrl, stored.substring(1));
        }
        return stored;
    }
}
