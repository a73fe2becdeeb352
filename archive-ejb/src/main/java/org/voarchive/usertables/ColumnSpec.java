package org.voarchive.usertables;

/**
 * A column of a personal table as its owner describes it (VOSI table or VOTable FIELD) and as TAP_SCHEMA shows
 * it: VOTable datatype, arraysize and xtype (which decide the PostgreSQL type, {@code table.ColumnTypes}) and the
 * free text. Null: not given (in an update: left as it is).
 */
public record ColumnSpec(String name, String datatype, String arraysize, String xtype,
                         String unit, String ucd, String utype, String description) {
}
