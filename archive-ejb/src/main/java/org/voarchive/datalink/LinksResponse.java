package org.voarchive.datalink;

import java.util.List;

/**
 * The links of a request, the rows of each ID together and in request order.
 *
 * @param overflow more IDs were asked for than one request may have; the first ones were answered
 */
public record LinksResponse(List<Link> links, boolean overflow, int maxIds) {

    public LinksResponse {
        links = List.copyOf(links);
    }
}
