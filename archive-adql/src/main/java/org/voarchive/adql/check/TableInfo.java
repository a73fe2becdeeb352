package org.voarchive.adql.check;

import java.util.List;

/**
 * A queryable table as the metadata describes it.
 *
 * @param schema       the schema name as stored (and as TAP_SCHEMA writes it)
 * @param name         the table name as stored, without the schema
 * @param storedSchema where the SQL finds the table: the same as {@code schema} for
 *                     published tables; {@code pg_temp} for TAP uploads, which ADQL
 *                     names {@code TAP_UPLOAD.name} but which live as per-session
 *                     temporary tables
 */
public record TableInfo(String schema, String name, String description, List<ColumnInfo> columns,
                        String storedSchema) {

    public TableInfo {
        columns = List.copyOf(columns);
    }

    /** A table stored under its own schema name. */
    public TableInfo(String schema, String name, String description, List<ColumnInfo> columns) {
        this(schema, name, description, columns, schema);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
