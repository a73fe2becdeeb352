package org.voarchive.datalink;

import org.voarchive.metadata.PublishedMetadata;

/**
 * What link generators know of a request.
 *
 * @param metadata the published metadata the caller may see
 * @param baseUrl  the archive's public base URL
 */
public record LinkContext(PublishedMetadata metadata, String baseUrl) {
}
