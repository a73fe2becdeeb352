package org.voarchive.table;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a column name of a table made from outside (TAP uploads, personal tables) may be, for PostgreSQL and
 * ADQL alike: the one rule, so that an upload that loads also loads as a personal table.
 */
public final class ColumnNames {

    /** PostgreSQL's own limit on names (NAMEDATALEN - 1), in bytes of UTF-8. */
    public static final int MAX_NAME_BYTES = 63;
    /** Every PostgreSQL table has these (oid only before PostgreSQL 12): a column may not take their names. */
    public static final Set<String> SYSTEM_COLUMNS = Set.of("ctid", "xmin", "xmax", "cmin", "cmax", "tableoid", "oid");

    private ColumnNames() {
    }

    /** Whether {@code name} is a system column's (case-insensitively: PostgreSQL folds unquoted names). */
    public static boolean isSystemColumn(String name) {
        return SYSTEM_COLUMNS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks names as PostgreSQL and ADQL can hold them: unique (ADQL names are case-insensitive), at most 63
     * bytes (PostgreSQL would cut longer ones, so that two names could become one), none a system column's,
     * none empty or with NUL.
     *
     * @throws TableRefusedException naming the column and what is wrong
     */
    public static void check(List<String> names) {
        Map<String, String> seen = new HashMap<>();
        for (String column : names) {
            String shown = column == null ? "" : column.replace("\0", "\\0");
            if (column == null || column.isBlank()) {
                throw new TableRefusedException("the table has a column without a name");
            }
            if (column.indexOf('\0') >= 0) {
                throw new TableRefusedException("the column name '" + shown + "' contains U+0000");
            }
            if (column.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new TableRefusedException("the column name '" + shown + "' is longer than " + MAX_NAME_BYTES
                    + " bytes, which is the most a database name can have");
            }
            if (isSystemColumn(column)) {
                throw new TableRefusedException("the column name '" + column + "' is reserved by the database"
                    + " (ctid, xmin, xmax, cmin, cmax, tableoid, oid); rename the column");
            }
            String before = seen.putIfAbsent(column.toLowerCase(Locale.ROOT), column);
            if (before != null) {
                throw new TableRefusedException("the table has the column '" + column + "' twice"
                    + (before.equals(column) ? "" : " (as '" + before + "'; ADQL names do not distinguish case)"));
            }
        }
    }
}
