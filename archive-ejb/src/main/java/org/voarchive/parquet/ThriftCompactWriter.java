package org.voarchive.parquet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Thrift compact protocol, as far as Parquet's page headers and file footer use it: structs of integer,
 * boolean, string and list fields, written in field order. Field headers carry the delta from the previous field
 * id of the same struct, so each struct remembers its last id.
 */
final class ThriftCompactWriter {

    static final int BOOLEAN_TRUE = 1;
    static final int BOOLEAN_FALSE = 2;
    static final int BYTE = 3;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final LittleEndianBuffer out;
    private final Deque<Integer> lastIds = new ArrayDeque<>();
    private int lastId;

    ThriftCompactWriter(LittleEndianBuffer out) {
        this.out = out;
    }

    ThriftCompactWriter i32(int id, int value) {
        header(id, I32);
        out.writeVarint(zigzag(value));
        return this;
    }

    ThriftCompactWriter i64(int id, long value) {
        header(id, I64);
        out.writeVarint(zigzag(value));
        return this;
    }

    ThriftCompactWriter byteField(int id, int value) {
        header(id, BYTE);
        out.writeByte(value);
        return this;
    }

    ThriftCompactWriter bool(int id, boolean value) {
        header(id, value ? BOOLEAN_TRUE : BOOLEAN_FALSE);
        return this;
    }

    ThriftCompactWriter string(int id, String value) {
        header(id, BINARY);
        stringElement(value);
        return this;
    }

    /** Opens a struct-valued field; close it with {@link #endStruct()}. */
    ThriftCompactWriter beginStruct(int id) {
        header(id, STRUCT);
        return beginStruct();
    }

    /** Opens a struct as a list element (or the outermost struct). */
    ThriftCompactWriter beginStruct() {
        lastIds.push(lastId);
        lastId = 0;
        return this;
    }

    ThriftCompactWriter endStruct() {
        out.writeByte(0); // the stop field
        lastId = lastIds.pop();
        return this;
    }

    /** A list field's header; its {@code size} elements follow, written with the element methods. */
    ThriftCompactWriter list(int id, int elementType, int size) {
        header(id, LIST);
        if (size < 15) {
            out.writeByte(size << 4 | elementType);
        } else {
            out.writeByte(0xF0 | elementType);
            out.writeVarint(size);
        }
        return this;
    }

    ThriftCompactWriter i32Element(int value) {
        out.writeVarint(zigzag(value));
        return this;
    }

    ThriftCompactWriter stringElement(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeVarint(bytes.length);
        out.write(bytes);
        return this;
    }

    private void header(int id, int type) {
        int delta = id - lastId;
        if (delta > 0 && delta <= 15) {
            out.writeByte(delta << 4 | type);
        } else {
            out.writeByte(type);
            out.writeVarint(zigzag(id)); // an i16
        }
        lastId = id;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
