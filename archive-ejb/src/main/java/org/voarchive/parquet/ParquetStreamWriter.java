package org.voarchive.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a Parquet file to a stream as rows are added: the rows are buffered in column buffers until a row
 * group is full (by rows or by bytes), which is then written as one data page per column; the footer follows
 * the last row group. Memory is bounded by the row group, whatever the row count. Pages are not compressed:
 * Parquet's one codec the JDK has (GZIP, zlib's deflate) would add a quarter to the CPU a result costs at its
 * fastest level (0.7 s for bench/tap-sync's 1,000,000 rows, which take 2.8 s of server CPU to write) for a file
 * four times smaller, and the CPU is what limits the rows per second, not the network.
 */
public final class ParquetStreamWriter {

    /** A row group ends at this many rows, or at {@link #ROW_GROUP_BYTES} buffered, whichever comes first. */
    public static final int ROW_GROUP_ROWS = 65_536;
    static final long ROW_GROUP_BYTES = 32L << 20;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final Position out;
    private final List<ColumnBuffer> buffers = new ArrayList<>();
    private final Footer footer;
    private final LittleEndianBuffer header = new LittleEndianBuffer();
    private final LittleEndianBuffer length = new LittleEndianBuffer();
    private int rows;

    /** Starts the file (its magic number) on {@code out}, which it never closes. */
    public ParquetStreamWriter(OutputStream out, List<Column> columns) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a Parquet file needs at least one column");
        }
        // page headers and level lengths are a few bytes each: they go out with the values, not on their own
        this.out = new Position(new java.io.BufferedOutputStream(out, 1 << 16));
        for (Column c : columns) {
            buffers.add(new ColumnBuffer(c));
        }
        footer = new Footer(columns);
        this.out.write(MAGIC);
    }

    /** One row: a cell per column, null or of the column's type (an array of it for an array column). */
    public void addRow(Object[] cells) throws IOException {
        long bytes = 0;
        for (int i = 0; i < cells.length; i++) {
            ColumnBuffer b = buffers.get(i);
            b.add(cells[i]);
            bytes += b.bufferedBytes();
        }
        if (++rows >= ROW_GROUP_ROWS || bytes >= ROW_GROUP_BYTES) {
            writeRowGroup();
        }
    }

    /** The rows added so far. */
    public long rows() {
        return footer.rows() + rows;
    }

    /**
     * Writes the last row group and the footer with these key-value metadata; {@code out} is flushed, not closed.
     */
    public void finish(Map<String, String> keyValues, String createdBy) throws IOException {
        if (rows > 0) {
            writeRowGroup();
        }
        LittleEndianBuffer metadata = footer.encode(keyValues, createdBy);
        metadata.writeTo(out);
        length.clear();
        length.writeInt(metadata.size());
        length.writeTo(out);
        out.write(MAGIC);
        out.flush();
    }

    private void writeRowGroup() throws IOException {
        List<Footer.Chunk> chunks = new ArrayList<>(buffers.size());
        for (ColumnBuffer b : buffers) {
            chunks.add(writePage(b));
            b.clear();
        }
        footer.rowGroup(chunks, rows);
        rows = 0;
    }

    /** A DataPage (v1): repetition levels, definition levels (each length-prefixed), then the values. */
    private Footer.Chunk writePage(ColumnBuffer b) throws IOException {
        long offset = out.position();
        LittleEndianBuffer repetitions = b.repetitionLevels();
        LittleEndianBuffer definitions = b.definitionLevels();
        LittleEndianBuffer values = b.values();
        long body = (repetitions == null ? 0 : 4L + repetitions.size()) + 4L + definitions.size() + values.size();
        header.clear();
        new ThriftCompactWriter(header).beginStruct().i32(1, 0).i32(2, (int) body).i32(3, (int) body)
            .beginStruct(5).i32(1, b.entries()).i32(2, Footer.PLAIN).i32(3, Footer.RLE).i32(4, Footer.RLE).endStruct()
            .endStruct();
        header.writeTo(out);
        if (repetitions != null) {
            writeLevels(repetitions);
        }
        writeLevels(definitions);
        values.writeTo(out);
        return new Footer.Chunk(offset, out.position() - offset, b.entries());
    }

    private void writeLevels(LittleEndianBuffer levels) throws IOException {
        length.clear();
        length.writeInt(levels.size());
        length.writeTo(out);
        levels.writeTo(out);
    }

    /** The stream, counting the bytes written: the footer gives each page's offset in the file. */
    private static final class Position extends java.io.FilterOutputStream {
        private long position;

        Position(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        long position() {
            return position;
        }
    }
}
