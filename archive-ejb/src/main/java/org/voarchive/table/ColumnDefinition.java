package org.voarchive.table;

/**
 * One column of a table to load, with the metadata the loader knows of it.
 *
 * @param sqlType     the PostgreSQL type, e.g. {@code double precision}
 * @param unit        VOUnit, or null
 * @param ucd         UCD1+, or null
 * @param principal   of principal interest (shown first by clients)
 * @param description what the column holds
 */
public record ColumnDefinition(String name, String sqlType, boolean nullable, String unit, String ucd, boolean principal,
                               String description) {

    public static ColumnDefinition required(String name, String sqlType, String description) {
        return new ColumnDefinition(name, sqlType, false, null, null, false, description);
    }

    public static ColumnDefinition optional(String name, String sqlType, String description) {
        return new ColumnDefinition(name, sqlType, true, null, null, false, description);
    }

    /** The same column with its unit and UCD. */
    public ColumnDefinition with(String newUnit, String newUcd) {
        return new ColumnDefinition(name, sqlType, nullable, newUnit, newUcd, principal, description);
    }

    /** The same column, of principal interest. */
    public ColumnDefinition asPrincipal() {
        return new ColumnDefinition(name, sqlType, nullable, unit, ucd, true, description);
    }
}
