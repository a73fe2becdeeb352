package org.voarchive.usertables;

import java.util.List;

/**
 * A personal table as a document describes it (§1.1 create, §1.2 describe): its description, utype and columns in
 * order. The name is not here: the request's path decides it, whatever the document says (as youcat does).
 */
public record TableSpec(String description, String utype, List<ColumnSpec> columns) {

    public TableSpec {
        columns = List.copyOf(columns);
    }
}
