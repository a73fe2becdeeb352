package org.voarchive.adql.check;

/**
 * A column as the metadata describes it: its value type plus the descriptive
 * metadata that flows into result FIELDs.
 */
public record ColumnInfo(String name, ValueType type, String unit, String ucd, String utype, String description) {

    public static ColumnInfo of(String name, ValueType type) {
        return new ColumnInfo(name, type, null, null, null, null);
    }
}
