package org.voarchive.datalink;

/**
 * One row of a {links} response (DataLink 1.1 section 3.2): exactly one of
 * access URL, service descriptor reference and error message, with the
 * semantics of the link ({@code #term} of the core vocabulary, or a full URI).
 *
 * @param contentLength bytes, or null if unknown
 */
public record Link(String id, String accessUrl, String serviceDef, String errorMessage, String semantics,
                   String description, String contentType, Long contentLength, String contentQualifier,
                   String localSemantics) {

    /** A link to a URL. */
    public static Link to(String id, String url, String semantics, String description, String contentType) {
        return new Link(id, url, null, null, semantics, description, contentType, null, null, null);
    }

    /** The one row an unknown (or forbidden) ID gets. */
    public static Link notFound(String id) {
        return new Link(id, null, null, "NotFoundFault: no object with the ID " + id + " is known here", Semantics.THIS,
            null, null, null, null, null);
    }
}
