package org.voarchive.table;

import java.util.List;

/**
 * A table to load: its columns in file order, its primary key (null: the
 * loader adds an identity column {@value #ROW_ID_COLUMN}), and the ICRS RA/Dec
 * columns in degrees (null: no position) from which the loader derives the
 * pg_sphere position column {@value #POSITION_COLUMN}.
 */
public record TableDefinition(String schema, String name, String description,
                              List<ColumnDefinition> columns, String primaryKey,
                              String raColumn, String decColumn) {

    public static final String POSITION_COLUMN = "pos";
    public static final String ROW_ID_COLUMN = "row_id";
    /** The position column's metadata (UCD1+: "pos.eq" may only qualify, so the frame is not in the UCD). */
    public static final String POSITION_UCD = "pos;meta.main";
    public static final String POSITION_UNIT = "deg";

    public TableDefinition {
        columns = List.copyOf(columns);
        List<String> names = columns.stream().map(ColumnDefinition::name).toList();
        for (String named : java.util.Arrays.asList(primaryKey, raColumn, decColumn)) {
            if (named != null && !names.contains(named)) {
                throw new IllegalArgumentException(name + " has no column " + named);
            }
        }
        if ((raColumn == null) != (decColumn == null)) {
            throw new IllegalArgumentException(name + ": a position needs both RA and Dec");
        }
        for (String generated : List.of(POSITION_COLUMN, ROW_ID_COLUMN)) {
            if (names.contains(generated)) {
                throw new IllegalArgumentException(name + ": column name " + generated + " is reserved for the loader");
            }
        }
        if (names.size() != names.stream().distinct().count()) {
            throw new IllegalArgumentException(name + ": duplicate column names");
        }
    }

    public boolean hasPosition() {
        return raColumn != null;
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + column);
    }
}
