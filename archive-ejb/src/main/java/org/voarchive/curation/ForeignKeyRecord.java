package org.voarchive.curation;

import java.util.List;

/**
 * A foreign key of a table (TAP_SCHEMA.keys and key_columns) as the admin API
 * shows and takes it.
 *
 * @param keyId       unique in the archive (TAP_SCHEMA.keys.key_id)
 * @param targetTable "schema.table"
 * @param columns     the column pairs in order
 * @param curated     declared or edited by an operator (discovery leaves it alone), or read from the database
 * @param version     the version of the table the key belongs to (optimistic locking)
 */
public record ForeignKeyRecord(String keyId, String targetTable, List<ColumnPair> columns, String description,
                               String utype, Boolean curated, Integer version) {

    /** @param from a column of the key's table; @param target the column of the target table it refers to */
    public record ColumnPair(String from, String target) {
    }
}
