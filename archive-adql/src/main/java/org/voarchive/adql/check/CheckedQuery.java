package org.voarchive.adql.check;

import java.util.List;
import org.voarchive.adql.ast.Query;

/**
 * A query whose names all resolved: the rewritten syntax tree (every table and
 * column name the exact stored name, delimited), its result columns, and the
 * tables it reads (for the result's INFO and the caller's access rules).
 */
public record CheckedQuery(Query query, List<ResultColumn> columns, List<TableInfo> sourceTables) {

    public CheckedQuery {
        columns = List.copyOf(columns);
        sourceTables = List.copyOf(sourceTables);
    }
}
