package org.voarchive.datalink;

import java.util.List;
import org.voarchive.dali.DataOrigin;

/**
 * The links of a request, the rows of each ID together and in request order.
 *
 * @param overflow more IDs were asked for than one request may have; the first ones were answered
 * @param tables   the published tables the answered IDs' rows belong to (stored rows' tables, and tables
 *                 asked about by name), in order: the data sets the response's Data Origin INFOs describe
 * @param origin   the response's Data Origin INFOs, or null where nothing is written for a client
 */
public record LinksResponse(List<Link> links, boolean overflow, int maxIds, List<String> tables, DataOrigin origin) {

    public LinksResponse {
        links = List.copyOf(links);
        tables = List.copyOf(tables);
    }

    /** Without tables or origin. */
    public LinksResponse(List<Link> links, boolean overflow, int maxIds) {
        this(links, overflow, maxIds, List.of(), null);
    }

    public LinksResponse withOrigin(DataOrigin origin) {
        return new LinksResponse(links, overflow, maxIds, tables, origin);
    }
}
