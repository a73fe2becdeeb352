package org.voarchive.table;

import java.util.Locale;
import java.util.Set;

/**
 * Rules for the names of columns of tables the archive creates from callers' documents and files (TAP uploads,
 * personal tables): the one list of PostgreSQL's system column names.
 */
public final class ColumnNames {

    /** Every PostgreSQL table has these (oid only before PostgreSQL 12): a column may not take their names. */
    public static final Set<String> SYSTEM_COLUMNS = Set.of("ctid", "xmin", "xmax", "cmin", "cmax", "tableoid", "oid");

    private ColumnNames() {
    }

    /** Whether {@code name} is a system column's (case-insensitively: PostgreSQL folds unquoted names). */
    public static boolean isSystemColumn(String name) {
        return SYSTEM_COLUMNS.contains(name.toLowerCase(Locale.ROOT));
    }
}
