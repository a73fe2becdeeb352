package org.voarchive.tap;

import java.time.Instant;
import java.util.List;

/**
 * What a result document says about the query that produced it (the INFOs of
 * a TAP VOTable, the header of other formats).
 *
 * @param sourceTables qualified names of the published tables read
 * @param tableDocs    the base URL of the VOSI table documents ({@code .../tap/tables/}), for FIELD links
 */
public record ResultInfo(String query, String lang, Instant requestDate, List<String> sourceTables, String tableDocs) {

    public ResultInfo {
        sourceTables = List.copyOf(sourceTables);
    }
}
