package org.voarchive.parquet;

/**
 * Definition or repetition levels in Parquet's RLE/bit-packed hybrid encoding, using RLE runs only (a legal
 * subset): levels of a table result come in long runs (no nulls, or arrays of one length), where a run costs two
 * bytes whatever its length. Levels are at most 3 here, so a run's value takes one byte.
 */
final class LevelEncoder {

    private final LittleEndianBuffer runs = new LittleEndianBuffer();
    private int value;
    private int count;

    void add(int level) {
        if (level == value) {
            count++;
        } else {
            endRun();
            value = level;
            count = 1;
        }
    }

    /** The encoded levels added since the last {@link #clear()}. */
    LittleEndianBuffer finish() {
        endRun();
        return runs;
    }

    void clear() {
        runs.clear();
        count = 0;
    }

    private void endRun() {
        if (count > 0) {
            runs.writeVarint((long) count << 1); // low bit 0: an RLE run
            runs.writeByte(value);
            count = 0;
        }
    }
}
