package org.voarchive.tap;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A query result as a one-pass STIL table read straight from the database
 * cursor: never more than one fetch of rows in memory. It delivers at most
 * MAXREC rows and notes whether more existed (OVERFLOW), and a database failure
 * part-way ends the rows and is kept for the writer to report (DALI's trailing
 * ERROR), instead of cutting the document off.
 */
final class ResultTable extends AbstractStarTable {

    /** How the rows ended, for the trailing QUERY_STATUS. */
    enum Status { OK, OVERFLOW, ERROR }

    /**
     * Sees each row delivered, on the cursor's current row, right after it was read: a second use of the rows
     * that reads the cursor no second time (a kept result: {@link ResultCopy}). It must not throw; what it
     * cannot do is its own business, never the result's.
     */
    interface RowSink {
        /** @param number the row's number in the result, from 1 */
        void row(ResultSet rs, long number);
    }

    private final ResultSet rs;
    private final List<ResultField> fields;
    private final long maxrec;
    private boolean read;
    private long rows;
    private Status status = Status.OK;
    private SQLException failure;
    private RowSink sink;
    private final boolean cutBefore;

    ResultTable(ResultSet rs, List<ResultField> fields, long maxrec) {
        this(rs, fields, maxrec, false);
    }

    /**
     * @param cutBefore the rows are what MAXREC left of the query's (a kept result read again): they end in
     *                  OVERFLOW as the query's did
     */
    ResultTable(ResultSet rs, List<ResultField> fields, long maxrec, boolean cutBefore) {
        this.rs = driverRows(rs);
        this.fields = List.copyOf(fields);
        this.maxrec = maxrec;
        this.cutBefore = cutBefore;
    }

    /**
     * The driver's own result set rather than the application server's wrapper of it: the wrapper looks up a method
     * by reflection on every {@code getObject(int, Class)}, a quarter of a large result's time (JFR). The wrapper
     * adds nothing here: the query owns the statement and closes it through the wrapper.
     */
    private static ResultSet driverRows(ResultSet rs) {
        try {
            return rs.isWrapperFor(org.postgresql.jdbc.PgResultSet.class) ? rs.unwrap(org.postgresql.jdbc.PgResultSet.class) : rs;
        } catch (SQLException e) {
            return rs;
        }
    }

    /** Shows each row delivered to {@code sink} too; before the rows are read. */
    void copyRowsTo(RowSink sink) {
        this.sink = sink;
    }

    List<ResultField> fields() {
        return fields;
    }

    @Override
    public ColumnInfo getColumnInfo(int i) {
        return fields.get(i).info();
    }

    @Override
    public int getColumnCount() {
        return fields.size();
    }

    @Override
    public long getRowCount() {
        return -1;
    }

    /** Only complete after the rows have been read. */
    Status status() {
        return status;
    }

    ResultField field(int i) {
        return fields.get(i);
    }

    SQLException failure() {
        return failure;
    }

    long rowsDelivered() {
        return rows;
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        if (read) {
            throw new IOException("a query result can be read only once");
        }
        read = true;
        return new RowSequence() {
            private final Object[] row = new Object[fields.size()];

            @Override
            public boolean next() throws IOException {
                if (status != Status.OK) {
                    return false;
                }
                if (maxrec == 0) {
                    status = Status.OVERFLOW; // MAXREC=0 asks for the metadata only (TAP 1.1 section 2.7.4)
                    return false;
                }
                try {
                    if (!rs.next()) {
                        if (cutBefore) {
                            status = Status.OVERFLOW;
                        }
                        return false;
                    }
                    if (rows >= maxrec) {
                        status = Status.OVERFLOW; // the extra row the LIMIT asked for: more exist
                        return false;
                    }
                    for (int i = 0; i < row.length; i++) {
                        row[i] = fields.get(i).read(rs, i + 1);
                    }
                    rows++;
                    if (sink != null) {
                        sink.row(rs, rows);
                    }
                    return true;
                } catch (SQLException e) {
                    status = Status.ERROR;
                    failure = e;
                    return false;
                }
            }

            @Override
            public Object getCell(int i) {
                return row[i];
            }

            @Override
            public Object[] getRow() {
                return row.clone();
            }

            @Override
            public void close() {
                // the query owns the cursor
            }
        };
    }
}
