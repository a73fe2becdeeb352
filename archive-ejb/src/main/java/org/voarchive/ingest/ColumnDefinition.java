package org.voarchive.ingest;

/**
 * One column of a table to load.
 *
 * @param sqlType the PostgreSQL type, e.g. {@code double precision}
 * @param description what the column holds, with its unit
 */
public record ColumnDefinition(String name, String sqlType, boolean nullable, String description) {

    public static ColumnDefinition required(String name, String sqlType, String description) {
        return new ColumnDefinition(name, sqlType, false, description);
    }

    public static ColumnDefinition optional(String name, String sqlType, String description) {
        return new ColumnDefinition(name, sqlType, true, description);
    }
}
