package org.voarchive.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parquet's FileMetaData (the Thrift struct the file ends with): the schema, where each row group's column
 * chunks are, and the key-value metadata. It grows by a few numbers per row group, not with the rows.
 */
final class Footer {

    /** Encoding ids: PLAIN values, RLE levels. */
    static final int PLAIN = 0;
    static final int RLE = 3;
    private static final int UNCOMPRESSED = 0;

    /** Where one column chunk (here: one data page) of a row group is, and its size with its page header. */
    record Chunk(long offset, long bytes, int values) {
    }

    private record RowGroup(List<Chunk> chunks, long rows) {
    }

    private final List<Column> columns;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private long rows;

    Footer(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    void rowGroup(List<Chunk> chunks, long groupRows) {
        rowGroups.add(new RowGroup(List.copyOf(chunks), groupRows));
        rows += groupRows;
    }

    long rows() {
        return rows;
    }

    /** The FileMetaData struct, Thrift compact encoded. */
    LittleEndianBuffer encode(Map<String, String> keyValues, String createdBy) {
        LittleEndianBuffer bytes = new LittleEndianBuffer();
        ThriftCompactWriter t = new ThriftCompactWriter(bytes);
        t.beginStruct().i32(1, 1);
        t.list(2, ThriftCompactWriter.STRUCT, 1 + columns.stream().mapToInt(Column::schemaElements).sum());
        t.beginStruct().string(4, "schema").i32(5, columns.size()).endStruct();
        for (Column c : columns) {
            c.writeSchema(t);
        }
        t.i64(3, rows);
        t.list(4, ThriftCompactWriter.STRUCT, rowGroups.size());
        for (RowGroup g : rowGroups) {
            rowGroup(t, g);
        }
        t.list(5, ThriftCompactWriter.STRUCT, keyValues.size());
        for (Map.Entry<String, String> kv : keyValues.entrySet()) {
            t.beginStruct().string(1, kv.getKey()).string(2, kv.getValue()).endStruct();
        }
        t.string(6, createdBy);
        t.endStruct();
        return bytes;
    }

    private void rowGroup(ThriftCompactWriter t, RowGroup g) {
        long bytes = g.chunks().stream().mapToLong(Chunk::bytes).sum();
        t.beginStruct().list(1, ThriftCompactWriter.STRUCT, g.chunks().size());
        for (int i = 0; i < columns.size(); i++) {
            Chunk c = g.chunks().get(i);
            t.beginStruct().i64(2, c.offset()).beginStruct(3)
                .i32(1, columns.get(i).type().physicalType())
                .list(2, ThriftCompactWriter.I32, 2).i32Element(PLAIN).i32Element(RLE);
            String[] path = columns.get(i).path();
            t.list(3, ThriftCompactWriter.BINARY, path.length);
            for (String p : path) {
                t.stringElement(p);
            }
            t.i32(4, UNCOMPRESSED).i64(5, c.values()).i64(6, c.bytes()).i64(7, c.bytes()).i64(9, c.offset())
                .endStruct().endStruct();
        }
        t.i64(2, bytes).i64(3, g.rows()).i64(5, g.chunks().get(0).offset()).i64(6, bytes).endStruct();
    }
}
