package org.voarchive.usertables;

import java.time.Instant;
import java.util.List;
import org.voarchive.metadata.TableName;

/**
 * A personal table as its owner sees it: archive.tables and archive.personal_tables (V30).
 *
 * @param id           its metadata row's (archive.tables.id): what the writes of {@link PersonalTables} change
 * @param rows         rows after the last change
 * @param bytes        its size with its indexes after the last change (pg_total_relation_size)
 * @param origin       {@code created} (PUT), {@code upload} (KEEP_UPLOAD), {@code kept} (an async result kept)
 * @param sourceTables the published tables a kept result's query read (schema.table), else empty
 * @param indexed      its columns with an index (archive.columns.indexed)
 */
public record PersonalTable(long id, TableName name, String owner, long rows, long bytes, Sharing sharing, String origin,
                            Instant created, String description, List<ColumnSpec> columns, List<String> indexed,
                            List<String> sourceTables) {

    public PersonalTable {
        columns = List.copyOf(columns);
        indexed = List.copyOf(indexed);
        sourceTables = List.copyOf(sourceTables);
    }
}
