package org.voarchive.parquet;

import java.util.Arrays;

/**
 * Definition or repetition levels in Parquet's RLE/bit-packed hybrid encoding. The levels of a row group are
 * kept one byte each and encoded when its page is written: a value repeated at least eight times is an RLE run
 * (two bytes whatever its length: the common case of a column without nulls, or arrays of one length), and
 * anything shorter is bit-packed eight values at a time (a column whose nulls come and go costs a bit or two per
 * value instead of two bytes per change).
 */
final class LevelEncoder {

    /** A run shorter than this is bit-packed: shorter RLE runs would cost more than packing. */
    private static final int MIN_RUN = 8;
    /** Groups of eight values per bit-packed run, as parquet-mr writes them (one header byte). */
    private static final int MAX_GROUPS = 63;

    private final int bitWidth;
    private final LittleEndianBuffer encoded = new LittleEndianBuffer();
    private byte[] levels = new byte[1024];
    private int count;

    /** @param maxLevel the highest level the column has (1 to 3 here) */
    LevelEncoder(int maxLevel) {
        this.bitWidth = 32 - Integer.numberOfLeadingZeros(maxLevel);
    }

    void add(int level) {
        if (count == levels.length) {
            levels = Arrays.copyOf(levels, count * 2);
        }
        levels[count++] = (byte) level;
    }

    int count() {
        return count;
    }

    /** The levels added since the last {@link #clear()}, encoded. */
    LittleEndianBuffer finish() {
        encoded.clear();
        int i = 0;
        while (i < count) {
            int run = runLength(i);
            if (run >= MIN_RUN) {
                encoded.writeVarint((long) run << 1); // low bit 0: an RLE run; its value in one byte (width <= 8)
                encoded.writeByte(levels[i]);
                i += run;
            } else {
                i = bitPacked(i);
            }
        }
        return encoded;
    }

    void clear() {
        count = 0;
        encoded.clear();
    }

    private int runLength(int from) {
        int end = from + 1;
        while (end < count && levels[end] == levels[from]) {
            end++;
        }
        return end - from;
    }

    /** Bit-packs groups of eight from {@code from} until a long run starts or the levels end; returns where it stopped. */
    private int bitPacked(int from) {
        int groups = 0;
        int i = from;
        while (i < count && groups < MAX_GROUPS && (groups == 0 || runLength(i) < MIN_RUN)) {
            groups++;
            i += 8;
        }
        encoded.writeVarint((long) groups << 1 | 1); // low bit 1: bit-packed groups of eight
        for (int g = from; g < from + groups * 8; g += 8) {
            long bits = 0;
            for (int j = 0; j < 8; j++) {
                int index = g + j;
                // the last group is padded with zeros, which the reader does not count (num_values says how many)
                bits |= (long) (index < count ? levels[index] : 0) << (j * bitWidth);
            }
            for (int b = 0; b < bitWidth; b++) {
                encoded.writeByte((int) (bits >>> (8 * b)));
            }
        }
        return Math.min(i, count);
    }
}
