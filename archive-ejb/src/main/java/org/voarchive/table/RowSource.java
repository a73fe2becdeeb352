package org.voarchive.table;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a table being read from a file or a request body (CSV, TSV, FITS, VOTable, a spooled TAP upload),
 * one at a time, each as the values of the target table's columns: what personal tables' loads and persisted
 * uploads copy into PostgreSQL. Streaming: nothing holds more than the current row. The parsers of this package
 * implement it; {@code usertables} and {@code tap} use it.
 *
 * <p>Values are already converted to the Java types of the columns' VOTable datatypes (Long, Double, String,
 * Boolean, arrays, pg_sphere values as the column types give them), or null; a value that does not convert is a
 * {@link TableRefusedException} from {@link #next} naming {@link #where} and the column.
 */
public interface RowSource extends AutoCloseable {

    /**
     * The names of the columns each row has values for, in the order of {@link #row}: a subset of the target
     * table's columns (a CSV header may name fewer, in any order; the others get NULL).
     */
    List<String> columnNames();

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
     * the file, the header being line 1) or {@code "row 12"} (FITS, VOTable: the row's number, from 1).
     */
    String where();

    @Override
    void close() throws IOException;
}
