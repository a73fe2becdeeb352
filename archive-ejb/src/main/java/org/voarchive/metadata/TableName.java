package org.voarchive.metadata;

import java.util.Objects;
import java.util.Optional;
import org.voarchive.database.Sql;

/**
 * A schema-qualified table name, and the one place that knows how one is written ({@code schema.table}, as
 * TAP_SCHEMA, VOSI, landing pages and messages write it) and read back.
 *
 * @param schema the schema's name as stored (case kept)
 * @param table  the table's name as stored (case kept)
 */
public record TableName(String schema, String table) {

    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /**
     * The name written {@code schema.table}, split at its first dot (the schema is what comes before it, the table
     * all that follows). Either part may be empty, a name no table has: callers that create tables check the parts
     * further (a command line's argument, an ingest job's TABLE).
     *
     * @return empty if there is no dot
     */
    public static Optional<TableName> parse(String qualified) {
        int dot = qualified == null ? -1 : qualified.indexOf('.');
        return dot < 0 ? Optional.empty()
            : Optional.of(new TableName(qualified.substring(0, dot), qualified.substring(dot + 1)));
    }

    /** The name in SQL: each part a delimited identifier ({@link Sql#identifier(String, String)}). */
    public String sql() {
        return Sql.identifier(schema, table);
    }

    /** {@code schema.table}. */
    @Override
    public String toString() {
        return schema + "." + table;
    }
}
