package org.voarchive.table;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a table being read from a file or a request body (CSV, TSV, FITS, VOTable, a spooled TAP upload),
 * one at a time, each as the values of the target table's columns: what personal tables' loads and persisted
 * uploads copy into PostgreSQL. Streaming: nothing holds more than the current row. The parsers of this package
 * implement it ({@link DelimitedRows}, {@link StilRows}); {@code usertables} and {@code tap} use it. Nothing here
 * touches a database: the caller copies the rows where they go.
 *
 * <p>Values are converted to the types of the columns they go to ({@link #convertTo}, {@link ColumnTypes}), in
 * the form {@link CopyEncoder} writes, or null; a value that does not convert is a {@link TableRefusedException}
 * from {@link #next} naming where and the column ({@code line 5, column dec: 'x41.2' is not a double}, {@code
 * row 12, column ra: ...}): the sender's mistake.
 */
public interface RowSource extends AutoCloseable {

    /**
     * The names of the columns each row has values for, in the order of {@link #row}: a subset of the target
     * table's columns (a CSV header may name fewer, in any order; the others get NULL).
     */
    List<String> columnNames();

    /**
     * Says what each value of a row goes to, before the first {@link #next}: one column per name of
     * {@link #columnNames}, in that order, with its name (for messages) and PostgreSQL type
     * ({@link ColumnTypes#sqlType}).
     */
    void convertTo(List<ColumnDefinition> columns);

    /**
     * Moves to the next row.
     *
     * @return false after the last
     * @throws TableRefusedException a malformed row or a value that does not convert, naming where
     */
    boolean next() throws IOException;

    /** The current row's values, in the order of {@link #columnNames}; the array may be reused by the next row. */
    Object[] row();

    /**
     * Where the current row is in its source, for messages: {@code "line 5"} (CSV and TSV: the physical line of
     * the file where the record starts, the header being line 1) or {@code "row 12"} (FITS, VOTable: the row's
     * number, from 1).
     */
    default String where() {
        return where(rows());
    }

    /**
     * As {@link #where()}, for any row read so far (a row COPY refused after it was sent).
     *
     * @param row the row's number, 1 for the first {@link #next} gave (as COPY counts the rows it was sent)
     */
    String where(long row);

    /** How many rows {@link #next} has given. */
    long rows();

    @Override
    void close() throws IOException;
}
