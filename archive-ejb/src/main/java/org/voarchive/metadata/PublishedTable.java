package org.voarchive.metadata;

/**
 * A table user queries can read, as the database describes it.
 *
 * @param rows the row count PostgreSQL recorded at the last VACUUM/ANALYZE, or -1 if never analysed
 */
public record PublishedTable(String schema, String name, String description, long rows) {

    public String qualifiedName() {
        return schema + "." + name;
    }
}
