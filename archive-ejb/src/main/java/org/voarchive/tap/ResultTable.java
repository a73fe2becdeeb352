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
    private volatile long rows;
    private volatile Status status = Status.OK;
    private volatile SQLException failure;
    private RowSink sink;
    /** Reads the rows once a result is large (set by the thread reading the rows, read by the one closing them). */
    private volatile ReadAhead readAhead;
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

    /** Rows read one at a time on the caller's thread before a large result is read ahead ({@link ReadAhead}). */
    static final int READ_AHEAD_AFTER = 20_000;

    @Override
    public RowSequence getRowSequence() throws IOException {
        if (read) {
            throw new IOException("a query result can be read only once");
        }
        read = true;
        return new RowSequence() {
            private Object[] row = new Object[fields.size()];

            @Override
            public boolean next() throws IOException {
                if (readAhead != null) {
                    row = readAhead.next();
                    return row != null;
                }
                if (!readRow(row)) {
                    return false;
                }
                if (rows == READ_AHEAD_AFTER) {
                    readAhead = new ReadAhead();
                }
                return true;
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
                // the query owns the cursor, and stops a read-ahead before closing it (RunningQuery.close)
            }
        };
    }

    /**
     * Reads the cursor's next row into {@code row}; false at the end of the rows, with the status saying why.
     * On one thread at a time: the caller's, or the read-ahead's once it started.
     */
    private boolean readRow(Object[] row) {
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

    /**
     * Stops reading ahead, if it started.
     *
     * @return whether the reading thread is still in a read (then cancel the statement and {@link #awaitReading})
     */
    boolean stopReading() {
        ReadAhead running = readAhead;
        return running != null && running.stop();
    }

    /** Waits, up to 10 s, for the reading thread to end: after that it no longer uses the cursor or the sink. */
    void awaitReading() {
        ReadAhead running = readAhead;
        if (running != null) {
            running.await();
        }
    }

    /**
     * Reads a large result's rows on a thread of its own, batches ahead of the writer. The driver fetches rows in
     * round trips (fetch size), and with one thread PostgreSQL waited while the rows were written and the writer
     * waited while PostgreSQL made the next ones: neither of the two cores was busy (JFR). Batches pass through a
     * bounded queue, so memory stays a few batches whatever the row count; the queue's hand-over also publishes the
     * status and counts the reader wrote before its last batch.
     */
    private final class ReadAhead implements Runnable {
        private static final int BATCH = 1024;
        private static final Object[][] END = new Object[0][];

        private final java.util.concurrent.BlockingQueue<Object[][]> batches = new java.util.concurrent.ArrayBlockingQueue<>(4);
        private volatile boolean stopped;
        private Object[][] batch = END;
        private int next;
        private boolean ended;

        ReadAhead() {
            // a plain thread: it uses only this cursor and the row sink's own connection, no container context
            thread = new Thread(this, "tap-read-ahead");
            thread.setDaemon(true);
            thread.start();
        }

        private final Thread thread;

        @Override
        public void run() {
            try {
                boolean more = true;
                while (more && !stopped) {
                    Object[][] rowsRead = new Object[BATCH][];
                    int n = 0;
                    while (n < BATCH) {
                        Object[] row = new Object[fields.size()];
                        more = readRow(row);
                        if (!more) {
                            break;
                        }
                        rowsRead[n++] = row;
                    }
                    if (n > 0) {
                        hand(n == BATCH ? rowsRead : java.util.Arrays.copyOf(rowsRead, n));
                    }
                }
            } catch (RuntimeException | Error e) {
                status = Status.ERROR;
                failure = new SQLException("reading the rows failed: " + e, e);
            } finally {
                hand(END);
            }
        }

        private void hand(Object[][] b) {
            try {
                while (!stopped && !batches.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    // the writer is slower than the database: wait for it, unless it stopped reading
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        /** The next row, or null at the end. */
        Object[] next() throws IOException {
            if (ended) {
                return null;
            }
            if (next == batch.length) {
                try {
                    batch = batches.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading the rows");
                }
                next = 0;
                if (batch == END) {
                    ended = true;
                    return null;
                }
            }
            return batch[next++];
        }

        boolean stop() {
            stopped = true;
            batches.clear();
            return thread.isAlive();
        }

        void await() {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
