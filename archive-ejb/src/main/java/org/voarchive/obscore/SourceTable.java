package org.voarchive.obscore;

import java.util.Map;
import org.voarchive.adql.check.ValueType;
import org.voarchive.metadata.TableName;

/**
 * A table as the metadata publishes it, for checking a mapping of it.
 *
 * @param readable whether anonymous callers may read its data: it and its schema published with PUBLIC data and
 *                 metadata (the only tables ObsCore may show, since ivoa.obscore is public)
 * @param columns  its columns by name, in the metadata's types
 */
public record SourceTable(String schema, String table, boolean readable, Map<String, Column> columns) {

    public TableName name() {
        return new TableName(schema, table);
    }

    /** @param readable the column's data and metadata are PUBLIC */
    public record Column(String name, ValueType type, boolean readable) {
    }
}
