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

    /**
     * A PLAIN byte array value: the string's UTF-8 bytes after their length, encoded in place (getBytes would copy
     * every string once more: 8% of a result's CPU). Unpaired surrogates become '?', as String.getBytes has them.
     */
    void writeUtf8(String s) {
        int length = s.length();
        ensure(4 + 3 * length); // at most three bytes per char (a surrogate pair: four for two)
        int start = size;
        int at = start + 4;
        byte[] b = bytes;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        INT.set(b, start, at - start - 4);
        size = at;
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
