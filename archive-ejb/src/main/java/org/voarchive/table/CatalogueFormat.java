package org.voarchive.table;

import java.util.Optional;

/** A plain-text catalogue: what table it fills and how one line becomes a row. */
public interface CatalogueFormat {

    TableDefinition table();

    /**
     * The row on this line in the order of {@link TableDefinition#columns()}, or empty for comments (lines
     * starting with '#') and blank lines, which every catalogue format skips alike.
     *
     * @param ordinal 1-based count of data rows so far, for files without an identifier column
     * @throws IllegalArgumentException if the line is malformed
     */
    default Optional<Object[]> parse(String line, long ordinal) {
        return line.isBlank() || line.startsWith("#") ? Optional.empty() : Optional.of(row(line, ordinal));
    }

    /**
     * The row of a line that is neither blank nor a comment.
     *
     * @throws IllegalArgumentException if the line is malformed
     */
    Object[] row(String line, long ordinal);
}
