package org.voarchive.ingest;

import java.util.List;

/**
 * A table to load: its columns in file order, its primary key, and the ICRS
 * RA/Dec columns (degrees) from which the loader derives the pg_sphere
 * position column {@value #POSITION_COLUMN}.
 */
public record TableDefinition(String schema, String name, String description,
                              List<ColumnDefinition> columns, String primaryKey,
                              String raColumn, String decColumn) {

    public static final String POSITION_COLUMN = "pos";

    public TableDefinition {
        columns = List.copyOf(columns);
        List<String> names = columns.stream().map(ColumnDefinition::name).toList();
        for (String required : List.of(primaryKey, raColumn, decColumn)) {
            if (!names.contains(required)) {
                throw new IllegalArgumentException(name + " has no column " + required);
            }
        }
        if (names.contains(POSITION_COLUMN)) {
            throw new IllegalArgumentException(name + ": column name " + POSITION_COLUMN + " is reserved");
        }
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
