package org.voarchive.parquet;

/**
 * The values and levels of one column for the row group being buffered: PLAIN values (little-endian numbers,
 * bit-packed booleans, length-prefixed UTF-8 strings), one definition level per entry (and one repetition level
 * for arrays), where an entry is a scalar cell, a null or empty array, or one array element.
 */
final class ColumnBuffer {

    private final Column column;
    private final int maxDefinition;
    private final LittleEndianBuffer values = new LittleEndianBuffer();
    private final LevelEncoder definitions;
    private final LevelEncoder repetitions;
    private int entries;
    /** Booleans not yet written: PLAIN packs eight to a byte, the first in the lowest bit. */
    private int bits;
    private int bitCount;

    ColumnBuffer(Column column) {
        this.column = column;
        this.maxDefinition = column.maxDefinitionLevel();
        this.definitions = new LevelEncoder(maxDefinition);
        this.repetitions = new LevelEncoder(Math.max(1, column.maxRepetitionLevel()));
    }

    Column column() {
        return column;
    }

    /** @param cell null, a value of the column's type, or for an array column an array of them */
    void add(Object cell) {
        if (!column.array()) {
            entries++;
            if (cell == null) {
                definitions.add(0);
            } else {
                definitions.add(1);
                value(cell);
            }
            return;
        }
        if (cell == null) {
            entry(0, 0);
            return;
        }
        if (java.lang.reflect.Array.getLength(cell) == 0) {
            entry(0, 1); // the list is there, with no elements
            return;
        }
        switch (column.type()) {
            case BOOLEAN -> booleans((boolean[]) cell);
            case SHORT -> shorts((short[]) cell);
            case INT -> ints((int[]) cell);
            case LONG -> longs((long[]) cell);
            case FLOAT -> floats((float[]) cell);
            case DOUBLE -> doubles((double[]) cell);
            case STRING -> strings((String[]) cell);
        }
    }

    /** An entry's levels; the value, if any, is written by the caller. */
    private void entry(int repetition, int definition) {
        entries++;
        repetitions.add(repetition);
        definitions.add(definition);
    }

    /** The levels of element {@code i} of an array, not null: the first starts a new row. */
    private void element(int i) {
        entry(i == 0 ? 0 : 1, maxDefinition);
    }

    private void booleans(boolean[] a) {
        for (int i = 0; i < a.length; i++) {
            element(i);
            bit(a[i]);
        }
    }

    private void shorts(short[] a) {
        for (int i = 0; i < a.length; i++) {
            element(i);
            values.writeInt(a[i]);
        }
    }

    private void ints(int[] a) {
        for (int i = 0; i < a.length; i++) {
            element(i);
            values.writeInt(a[i]);
        }
    }

    private void longs(long[] a) {
        for (int i = 0; i < a.length; i++) {
            element(i);
            values.writeLong(a[i]);
        }
    }

    private void floats(float[] a) {
        for (int i = 0; i < a.length; i++) {
            element(i);
            values.writeInt(Float.floatToRawIntBits(a[i]));
        }
    }

    private void doubles(double[] a) {
        for (int i = 0; i < a.length; i++) {
            element(i);
            values.writeLong(Double.doubleToRawLongBits(a[i]));
        }
    }

    private void strings(String[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) {
                entry(i == 0 ? 0 : 1, maxDefinition - 1); // the list is there, its element is null
            } else {
                element(i);
                values.writeUtf8(a[i]);
            }
        }
    }

    private void value(Object cell) {
        switch (column.type()) {
            case BOOLEAN -> bit((Boolean) cell);
            case SHORT, INT -> values.writeInt(((Number) cell).intValue());
            case LONG -> values.writeLong((Long) cell);
            case FLOAT -> values.writeInt(Float.floatToRawIntBits((Float) cell));
            case DOUBLE -> values.writeLong(Double.doubleToRawLongBits((Double) cell));
            case STRING -> values.writeUtf8((String) cell);
        }
    }

    private void bit(boolean b) {
        if (b) {
            bits |= 1 << bitCount;
        }
        if (++bitCount == 8) {
            values.writeByte(bits);
            bits = 0;
            bitCount = 0;
        }
    }

    /** Entries buffered (the page's and the column chunk's num_values). */
    int entries() {
        return entries;
    }

    /** The bytes buffered, for bounding the row group: values and a byte per level. */
    long bufferedBytes() {
        return values.size() + definitions.count() + repetitions.count();
    }

    /** The PLAIN values, the last booleans' byte padded with zeros. */
    LittleEndianBuffer values() {
        if (bitCount > 0) {
            values.writeByte(bits);
            bits = 0;
            bitCount = 0;
        }
        return values;
    }

    LittleEndianBuffer definitionLevels() {
        return definitions.finish();
    }

    /** Null for a flat column: it has no repetition levels in its pages. */
    LittleEndianBuffer repetitionLevels() {
        return column.array() ? repetitions.finish() : null;
    }

    void clear() {
        values.clear();
        definitions.clear();
        repetitions.clear();
        entries = 0;
        bits = 0;
        bitCount = 0;
    }
}
