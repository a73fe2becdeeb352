package org.voarchive.table;

import java.util.List;

/** The target columns of a {@link RowSource}'s values ({@link RowSource#convertTo}): a converter and a name each. */
final class Conversions {

    private final ColumnTypes.Converter[] converters;
    private final String[] names;

    Conversions(List<ColumnDefinition> columns) {
        converters = new ColumnTypes.Converter[columns.size()];
        names = new String[columns.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = ColumnTypes.converter(columns.get(i).sqlType());
            names[i] = columns.get(i).name();
        }
    }

    int size() {
        return converters.length;
    }

    ColumnTypes.Converter converter(int column) {
        return converters[column];
    }

    /** The column's name, as messages give it. */
    String name(int column) {
        return names[column];
    }
}
