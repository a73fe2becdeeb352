package org.voarchive.table;

import java.util.Optional;

/** A plain-text catalogue: what table it fills and how one line becomes a row. */
public interface CatalogueFormat {

    TableDefinition table();

    /**
     * The row on this line in the order of {@link TableDefinition#columns()},
     * or empty for comments and blank lines.
     *
     * @param ordinal 1-based count of data rows so far, for files without an identifier column
     * @throws IllegalArgumentException if the line is malformed
     */
    Optional<Object[]> parse(String line, long ordinal);
}
