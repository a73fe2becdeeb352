package org.voarchive.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable byte array written in Parquet's byte order (little-endian), reused from one row group to the next. */
final class LittleEndianBuffer {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int SLICE = 1 << 16;

    private byte[] bytes = new byte[1024];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeInt(int v) {
        ensure(4);
        INT.set(bytes, size, v);
        size += 4;
    }

    void writeLong(long v) {
        ensure(8);
        LONG.set(bytes, size, v);
        size += 8;
    }

    void write(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** An unsigned LEB128 varint (Thrift compact integers, RLE run headers). */
    void writeVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((int) v);
    }

    /**
     * Writes the bytes in slices of 64 KiB, the size the other result writers hand the servlet output stream,
     * rather than a page of up to megabytes at once, so the response keeps flowing while a page goes out.
     */
    void writeTo(OutputStream out) throws IOException {
        for (int offset = 0; offset < size; offset += SLICE) {
            out.write(bytes, offset, Math.min(SLICE, size - offset));
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a Parquet buffer cannot exceed 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
