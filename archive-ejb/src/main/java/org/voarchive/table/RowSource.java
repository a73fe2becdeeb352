package org.voarchive.table;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a table sent from outside (CSV, TSV, FITS, VOTable), read one at a time, each value converted to
 * the type of the database column it goes to, in the form {@link CopyEncoder} writes. A value that does not
 * convert, or a malformed record, is a {@link TableRefusedException} naming where it is ({@code line 5, column
 * dec: 'x41.2' is not a double} for text files, {@code row 12, column ra: ...} for FITS and VOTable): the
 * sender's mistake. Nothing here touches a database: the caller copies the rows where they go.
 */
public interface RowSource extends AutoCloseable {

    /**
     * The column names the source gives, in its order (a header line, FIELDs, TTYPEs); empty when it gives none
     * (a CSV or TSV file without header: its fields are the table's columns in the table's order).
     */
    List<String> names();

    /**
     * Says what each field of a row goes to, before the first {@link #next}: one column per field, in the
     * source's order (a source with {@link #names} gives a column of each of those names), with its name (for
     * messages) and database type ({@link ColumnTypes#sqlType}).
     */
    void convertTo(List<ColumnDefinition> columns);

    /**
     * @return the next row's values, converted for {@link CopyEncoder} (null for NULL); null after the last row.
     *         The array may be reused by the next call.
     * @throws TableRefusedException for a row that is malformed or has a value of the wrong type
     */
    Object[] next() throws IOException;

    /**
     * Where a row {@link #next} gave comes from, as messages name it: {@code line 12} (the physical line of the
     * file where the record starts, the header being line 1), {@code row 3}.
     *
     * @param row the row's number, 1 for the first {@link #next} gave (as COPY counts the rows it was sent)
     */
    String where(long row);

    /** How many rows {@link #next} has given. */
    long rows();

    @Override
    void close() throws IOException;
}
