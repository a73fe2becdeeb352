package org.voarchive.tap;

import java.util.List;
import org.voarchive.dali.DataOrigin;

/**
 * What a result document says about the query that produced it (the INFOs of
 * a TAP VOTable, the header of other formats).
 *
 * @param sourceTables    qualified names of the published tables read
 * @param tableDocs       the base URL of the VOSI table documents ({@code .../tap/tables/}), for FIELD links
 * @param datalinkColumns the result columns (from 0) whose values are Datalink IDs: each gets a FIELD ID and a
 *                        service descriptor of the {links} endpoint at {@code datalinkUrl} (DataLink 1.1 section 4)
 * @param origin          the Data Origin INFOs (IVOA note) of the request (with its date) and of the tables it read
 */
public record ResultInfo(String query, String lang, List<String> sourceTables, String tableDocs,
                         List<Integer> datalinkColumns, String datalinkUrl, DataOrigin origin) {

    public ResultInfo {
        sourceTables = List.copyOf(sourceTables);
        datalinkColumns = List.copyOf(datalinkColumns);
    }

    /** The XML ID of a Datalink ID column's FIELD, which its service descriptor refers to. */
    public static String fieldId(int column) {
        return "datalink_id_" + column;
    }
}
