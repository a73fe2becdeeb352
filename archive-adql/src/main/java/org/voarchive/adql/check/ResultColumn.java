package org.voarchive.adql.check;

import java.util.Optional;

/**
 * One column of a query's result, with what a VOTable FIELD says of it.
 *
 * @param name   unique within the result, a valid ADQL name
 * @param source the table column it is a copy of, if it is one ({@code schema.table.column})
 */
public record ResultColumn(String name, ValueType type, String unit, String ucd, String utype, String description,
                           Optional<String> source) {

    ResultColumn renamed(String newName) {
        return new ResultColumn(newName, type, unit, ucd, utype, description, source);
    }
}
