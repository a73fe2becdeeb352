package org.voarchive.metadata;

/**
 * A published table, as the home page lists it.
 *
 * @param rows       the row count the last metadata discovery recorded, or -1 if unknown
 * @param coneSearch whether it has a Simple Cone Search
 */
public record PublishedTable(String schema, String name, String description, long rows, boolean coneSearch) {

    public String qualifiedName() {
        return schema + "." + name;
    }
}
