package org.voarchive.database;

/**
 * Quoting for the few statements that cannot bind parameters (DDL, COMMENT ON).
 * Names always go through {@link #identifier}; values through bind parameters
 * wherever JDBC allows.
 */
public final class Sql {

    private Sql() {
    }

    /** A delimited identifier: case kept, any character allowed. */
    public static String identifier(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable SQL identifier: " + name);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A schema-qualified name, each part delimited. */
    public static String identifier(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /** A string literal (standard_conforming_strings, PostgreSQL's default since 9.1). */
    public static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character in SQL literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
