package org.voarchive.adql.check;

import java.util.List;

/**
 * A queryable table as the metadata describes it.
 *
 * @param schema the schema name as stored (and as TAP_SCHEMA writes it)
 * @param name   the table name as stored, without the schema
 */
public record TableInfo(String schema, String name, String description, List<ColumnInfo> columns) {

    public TableInfo {
        columns = List.copyOf(columns);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
