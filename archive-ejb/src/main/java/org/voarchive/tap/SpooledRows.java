package org.voarchive.tap;

import java.io.Closeable;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.ac.starlink.fits.CardImage;
import uk.ac.starlink.fits.FitsTableSerializer;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;

/**
 * A one-pass result spooled to a temporary file in the row form of a FITS binary table, then written from it as
 * the table's data. FITS needs the row count and the string widths in its header before the first row, so the rows
 * wait in the file: every fixed-width value already as the big-endian bytes FITS stores, every string and array as
 * its length and its bytes, to be padded to the column's width once the widths are known. As a table, this is
 * the result's metadata with those widths and the row count: STIL's FITS writer makes the header of it
 * ({@link OriginFitsWriter}), and its serializer writes the rows from the file in large blocks
 * ({@link #serializer}), byte for byte what STIL writes of the same rows. STIL writing the rows itself cost more
 * than reading them from the database: decoding the spool back into objects, encoding each string through a stream
 * of code points, a synchronized write per value (JFR).
 *
 * <p>The file is read with plain sequential I/O: STIL's own disk spool maps its file into memory, and a mapping
 * outlives the request until a collection happens to free it.
 */
final class SpooledRows extends AbstractStarTable implements Closeable {

    /** The spool's blocks: a few per request, large enough that reading and writing them costs nothing per row. */
    private static final int BUFFER = 1 << 18;
    /** The byte STIL writes for what FITS cannot write in a character column (its {@code SQUASH_TO_ASCII}). */
    private static final byte UNPRINTABLE = '?';

    private final Path file;
    private final Column[] columns;
    private final ColumnInfo[] infos;
    private long rows;
    /** The most bytes one row takes in the spool. */
    private long largestRow;

    /** Copies every row of {@code source} to a new temporary file. */
    SpooledRows(StarTable source) throws IOException {
        this.columns = new Column[source.getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column(source.getColumnInfo(i));
        }
        this.file = Files.createTempFile("tap-result-", ".rows");
        try (Spool out = new Spool(FileChannel.open(file, StandardOpenOption.WRITE));
             RowSequence in = source.getRowSequence()) {
            while (in.next()) {
                long start = out.spooled();
                for (int i = 0; i < columns.length; i++) {
                    columns[i].spool(in.getCell(i), out);
                }
                largestRow = Math.max(largestRow, out.spooled() - start);
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        this.infos = new ColumnInfo[columns.length];
        for (int i = 0; i < columns.length; i++) {
            infos[i] = columns[i].measured();
        }
        setParameters(source.getParameters());
        setName(source.getName());
    }

    @Override
    public ColumnInfo getColumnInfo(int i) {
        return infos[i];
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public long getRowCount() {
        return rows;
    }

    /**
     * Rows whose every cell is null: all STIL's FITS serializer reads of them is the cells of the character columns
     * that held nothing but nulls and empty strings, the only widths a column's metadata cannot say (a width of 0
     * means unknown), and null is what those cells were as far as FITS is concerned (both are all padding). Every
     * other width and null is in the metadata ({@link Column#measured}), so no other cell is read.
     */
    @Override
    public RowSequence getRowSequence() {
        return new RowSequence() {
            private long read;

            @Override
            public boolean next() {
                if (read == rows) {
                    return false;
                }
                read++;
                return true;
            }

            @Override
            public Object getCell(int i) {
                if (!columns[i].unmeasured()) {
                    throw new IllegalStateException("column " + infos[i].getName() + " is in the spool only");
                }
                return null;
            }

            @Override
            public Object[] getRow() {
                Object[] row = new Object[columns.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = getCell(i);
                }
                return row;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * STIL's serializer of this table for its header and layout, writing the rows from the spool.
     *
     * @param header what STIL's FITS writer made of this table
     */
    FitsTableSerializer serializer(FitsTableSerializer header) throws IOException {
        if (header.getRowCount() != rows) {
            throw new IOException("the FITS header counts " + header.getRowCount() + " rows, the spool " + rows);
        }
        List<Step> steps = new ArrayList<>();
        int fixed = 0; // a run of fixed-width columns is copied as one block
        long rowBytes = 0;
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            c.checkFormat(header.getFormatChar(i));
            int[] dims = header.getDimensions(i);
            long cells = 1;
            for (int d : dims) {
                cells *= d;
            }
            rowBytes += cells * c.kind.bytes;
            if (c.kind.fixed()) {
                fixed += c.kind.bytes;
                continue;
            }
            if (fixed > 0) {
                steps.add(new Copy(fixed));
                fixed = 0;
            }
            steps.add(c.step(dims));
        }
        if (fixed > 0) {
            steps.add(new Copy(fixed));
        }
        return new Serializer(header, steps.toArray(new Step[0]), rowBytes);
    }

    /** Deletes the file. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** What a column holds, and how a value of it is spooled: FITS's own form, or its length first. */
    private enum Kind {
        BOOLEAN('L', 1), SHORT('I', 2), INT('J', 4), LONG('K', 8), FLOAT('E', 4), DOUBLE('D', 8), TEXT('A', 1),
        BOOLEANS('L', 1), SHORTS('I', 2), INTS('J', 4), LONGS('K', 8), FLOATS('E', 4), DOUBLES('D', 8), TEXTS('A', 1);

        final char format;
        /** Bytes of one value, or one element, or one character. */
        final int bytes;

        Kind(char format, int bytes) {
            this.format = format;
            this.bytes = bytes;
        }

        boolean fixed() {
            return ordinal() < TEXT.ordinal();
        }

        static Kind of(Class<?> type) {
            List<Class<?>> scalars = List.of(Boolean.class, Short.class, Integer.class, Long.class, Float.class,
                Double.class, String.class);
            List<Class<?>> arrays = List.of(boolean[].class, short[].class, int[].class, long[].class, float[].class,
                double[].class, String[].class);
            int scalar = scalars.indexOf(type);
            if (scalar >= 0) {
                return values()[scalar];
            }
            int array = arrays.indexOf(type);
            return array < 0 ? null : values()[TEXT.ordinal() + 1 + array];
        }
    }

    /** One column: how its values are spooled, and the widths and nulls seen on the way. */
    private static final class Column {
        private final ColumnInfo info;
        private final Kind kind;
        /** What STIL writes for a null integer (it declares it as TNULL only when the column can hold nulls). */
        private final long blank;
        /** The longest string (in UTF-16 units, as STIL measures it), or an array's most elements. */
        private int longest;
        /** A string array's longest element. */
        private int longestElement;
        private boolean sawNull;

        Column(ColumnInfo info) throws IOException {
            this.info = info;
            this.kind = Kind.of(info.getContentClass());
            if (kind == null) {
                throw new IOException("column " + info.getName() + " holds " + info.getContentClass().getSimpleName()
                    + ", which the FITS result writer does not write");
            }
            Number declared = info.isNullable() ? info.getAuxDatumValue(Tables.NULL_VALUE_INFO, Number.class) : null;
            this.blank = switch (kind) {
                case SHORT -> declared == null ? Short.MIN_VALUE : declared.shortValue();
                case INT -> declared == null ? Integer.MIN_VALUE : declared.intValue();
                case LONG -> declared == null ? Long.MIN_VALUE : declared.longValue();
                default -> 0;
            };
        }

        void spool(Object value, Spool out) throws IOException {
            if (value == null) {
                sawNull = true;
            }
            switch (kind) {
                case BOOLEAN -> out.room(1).put(value == null ? 0 : (Boolean) value ? (byte) 'T' : (byte) 'F');
                case SHORT -> out.room(2).putShort(value == null ? (short) blank : ((Number) value).shortValue());
                case INT -> out.room(4).putInt(value == null ? (int) blank : ((Number) value).intValue());
                case LONG -> out.room(8).putLong(value == null ? blank : ((Number) value).longValue());
                // FITS's NaN is Java's canonical one (DataOutput's), whatever the bits of the value's NaN
                case FLOAT -> out.room(4).putInt(Float.floatToIntBits(value == null ? Float.NaN : ((Number) value).floatValue()));
                case DOUBLE -> out.room(8).putLong(Double.doubleToLongBits(value == null ? Double.NaN : ((Number) value).doubleValue()));
                case TEXT -> {
                    String text = (String) value;
                    if (text != null) {
                        longest = Math.max(longest, text.length());
                    }
                    out.text(text);
                }
                case TEXTS -> {
                    String[] texts = (String[]) value;
                    int n = texts == null ? 0 : texts.length;
                    longest = Math.max(longest, n);
                    out.room(4).putInt(n);
                    for (int i = 0; i < n; i++) {
                        if (texts[i] != null) {
                            longestElement = Math.max(longestElement, texts[i].length());
                        }
                        out.text(texts[i]);
                    }
                }
                default -> array(value, out);
            }
        }

        private void array(Object value, Spool out) throws IOException {
            int n = value == null ? 0 : java.lang.reflect.Array.getLength(value);
            longest = Math.max(longest, n);
            out.room(4).putInt(n);
            for (int i = 0; i < n; i++) {
                ByteBuffer b = out.room(kind.bytes);
                switch (kind) {
                    case BOOLEANS -> b.put(((boolean[]) value)[i] ? (byte) 'T' : (byte) 'F');
                    case SHORTS -> b.putShort(((short[]) value)[i]);
                    case INTS -> b.putInt(((int[]) value)[i]);
                    case LONGS -> b.putLong(((long[]) value)[i]);
                    case FLOATS -> b.putInt(Float.floatToIntBits(((float[]) value)[i]));
                    default -> b.putLong(Double.doubleToLongBits(((double[]) value)[i]));
                }
            }
        }

        /**
         * The column's metadata with what STIL's FITS writer would otherwise read all rows once to find: the
         * longest string, the most elements of a variable array, whether an integer column without a declared
         * null value holds nulls. The widths are the ones STIL's first pass finds, so the header is the same.
         */
        ColumnInfo measured() {
            ColumnInfo measured = new ColumnInfo(info);
            switch (kind) {
                case TEXT -> {
                    if (info.getElementSize() <= 0 && longest > 0) {
                        measured.setElementSize(longest);
                    }
                }
                case SHORT, INT, LONG -> {
                    if (info.isNullable() && info.getAuxDatumValue(Tables.NULL_VALUE_INFO, Number.class) == null) {
                        if (sawNull) { // STIL then declares its own blank, the one spooled
                            Number blankValue = kind == Kind.SHORT ? (Number) (short) blank
                                : kind == Kind.INT ? (Number) (int) blank : (Number) blank;
                            measured.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, blankValue));
                        } else {
                            measured.setNullable(false);
                        }
                    }
                }
                default -> {
                    if (!kind.fixed()) {
                        measured.setShape(shape(info.getShape()));
                        if (kind == Kind.TEXTS && info.getElementSize() <= 0 && longestElement > 0) {
                            measured.setElementSize(longestElement);
                        }
                    }
                }
            }
            return measured;
        }

        /** A declared shape, its variable last dimension as STIL's first pass sizes it. */
        private int[] shape(int[] declared) {
            int[] shape = declared == null || declared.length == 0 ? new int[] {-1} : declared.clone();
            int last = shape.length - 1;
            if (shape[last] < 0) {
                int before = 1;
                for (int i = 0; i < last; i++) {
                    before *= shape[i];
                }
                shape[last] = Math.max(1, (longest + before - 1) / before);
            }
            return shape;
        }

        /** Whether STIL finds this column's width from the rows: a string column of only nulls and empty strings. */
        boolean unmeasured() {
            return (kind == Kind.TEXT || kind == Kind.TEXTS) && info.getElementSize() <= 0
                && (kind == Kind.TEXT ? longest : longestElement) == 0;
        }

        void checkFormat(char format) throws IOException {
            if (format != kind.format) {
                throw new IOException("STIL writes column " + info.getName() + " as FITS format " + format + ", not "
                    + kind.format + " as spooled");
            }
        }

        /** How the column's spooled values become its FITS cells, of the dimensions STIL's header declares. */
        Step step(int[] dims) {
            int elements = 1;
            for (int d : dims) {
                elements *= d;
            }
            if (kind == Kind.TEXT) {
                return new Text(elements);
            }
            if (kind == Kind.TEXTS) {
                return new Texts(dims[0], elements / Math.max(1, dims[0]));
            }
            byte[] pad = new byte[kind.bytes]; // STIL pads integer and boolean arrays with 0, floating ones with NaN
            if (kind == Kind.FLOATS) {
                ByteBuffer.wrap(pad).putInt(Float.floatToIntBits(Float.NaN));
            } else if (kind == Kind.DOUBLES) {
                ByteBuffer.wrap(pad).putLong(Double.doubleToLongBits(Double.NaN));
            }
            return new Elements(kind.bytes, elements, pad);
        }
    }

    /** The spool file's writer, through one buffer of its own (the JDK's buffered streams lock on every write). */
    private static final class Spool implements Closeable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private long drained;

        Spool(FileChannel channel) {
            this.channel = channel;
        }

        ByteBuffer room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                drain();
            }
            return buffer;
        }

        private void drain() throws IOException {
            drained += buffer.position();
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /** The bytes spooled so far. */
        long spooled() {
            return drained + buffer.position();
        }

        /**
         * A string as its length and one byte per character, as STIL's FITS writer encodes it: printable ASCII as
         * itself, any other code point (a surrogate pair is one) as {@link #UNPRINTABLE}. Null as no characters:
         * FITS writes both as padding.
         */
        void text(String text) throws IOException {
            int chars = text == null ? 0 : text.length();
            if (chars <= BUFFER - 4) { // encoded in place: never more bytes than characters
                ByteBuffer b = room(4 + chars);
                int start = b.position() + 4;
                int end = encode(text, b.array(), start);
                b.putInt(start - 4, end - start).position(end);
            } else {
                byte[] bytes = new byte[chars];
                int n = encode(text, bytes, 0);
                room(4).putInt(n);
                for (int at = 0; at < n; ) {
                    int k = Math.min(n - at, room(1).remaining());
                    buffer.put(bytes, at, k);
                    at += k;
                }
            }
        }

        /** @return where the bytes end */
        private static int encode(String text, byte[] to, int at) {
            int chars = text == null ? 0 : text.length();
            for (int i = 0; i < chars; i++) {
                char c = text.charAt(i);
                if (c >= 32 && c <= 126) {
                    to[at++] = (byte) c;
                } else {
                    if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                    }
                    to[at++] = UNPRINTABLE;
                }
            }
            return at;
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                drain();
            }
        }
    }

    /** STIL's header and layout of the table, its rows written from the spool. */
    private final class Serializer implements FitsTableSerializer {
        private final FitsTableSerializer header;
        private final Step[] steps;
        private final long rowBytes;

        Serializer(FitsTableSerializer header, Step[] steps, long rowBytes) {
            this.header = header;
            this.steps = steps;
            this.rowBytes = rowBytes;
        }

        @Override
        public CardImage[] getHeader() {
            return header.getHeader();
        }

        @Override
        public void writeData(DataOutput out) throws IOException {
            long written;
            try (Rows from = new Rows(FileChannel.open(file, StandardOpenOption.READ), out)) {
                for (long row = 0; row < rows; row++) {
                    from.row(steps, largestRow, rowBytes);
                }
                written = from.finish();
            }
            if (written != rows * rowBytes) {
                throw new IOException("wrote " + written + " bytes of FITS rows, not " + rows + " rows of " + rowBytes);
            }
            int extra = (int) (written % 2880); // the data fills whole FITS blocks, padded with zeros as STIL does
            if (extra > 0) {
                out.write(new byte[2880 - extra]);
            }
        }

        @Override
        public long getRowCount() {
            return header.getRowCount();
        }

        @Override
        public int[] getDimensions(int icol) {
            return header.getDimensions(icol);
        }

        @Override
        public char getFormatChar(int icol) {
            return header.getFormatChar(icol);
        }

        @Override
        public String getBadValue(int icol) {
            return header.getBadValue(icol);
        }
    }

    /**
     * One stretch of a FITS row made of the spooled row: a run of fixed-width columns, or one other column. Each is
     * written in two ways: from a spooled row wholly in memory to an output block with room for the FITS row (the
     * rows of a result, plain array copies; the block starts as zeros, so zero padding is already there: filling
     * the padding of each string was half of writing the rows, JFR), and value by value otherwise (a row longer than
     * half a block).
     */
    private interface Step {
        void write(Rows rows) throws IOException;

        /**
         * @param from the spooled row's bytes, from {@code at}
         * @param to the output block, with room for the step's bytes from {@code into}
         * @return where the step's spooled bytes end in {@code from}
         */
        int write(byte[] from, int at, byte[] to, int into);

        /** The step's bytes in a FITS row. */
        int width();
    }

    private static final java.lang.invoke.VarHandle INT =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** Fixed-width columns: spooled as FITS writes them. */
    private record Copy(int width) implements Step {
        @Override
        public void write(Rows rows) throws IOException {
            rows.copy(width);
        }

        @Override
        public int write(byte[] from, int at, byte[] to, int into) {
            System.arraycopy(from, at, to, into, width);
            return at + width;
        }
    }

    /** A string padded with zeros to the column's width (cut to it, when the width was declared). */
    private record Text(int width) implements Step {
        @Override
        public void write(Rows rows) throws IOException {
            int n = rows.readInt();
            int kept = Math.min(n, width);
            rows.copy(kept);
            rows.skip(n - kept);
            rows.zeros(width - kept);
        }

        @Override
        public int write(byte[] from, int at, byte[] to, int into) {
            int n = (int) INT.get(from, at);
            int kept = Math.min(n, width);
            System.arraycopy(from, at + 4, to, into, kept); // the padding is there: the block starts as zeros
            return at + 4 + n;
        }
    }

    /** An array of strings: each padded to the width, the array padded to its elements with empty ones. */
    private record Texts(int width, int elements) implements Step {
        @Override
        public void write(Rows rows) throws IOException {
            int n = rows.readInt();
            for (int i = 0; i < n; i++) {
                int chars = rows.readInt();
                int kept = i < elements ? Math.min(chars, width) : 0;
                rows.copy(kept);
                rows.skip(chars - kept);
                if (i < elements) {
                    rows.zeros(width - kept);
                }
            }
            rows.zeros((elements - Math.min(n, elements)) * width);
        }

        @Override
        public int write(byte[] from, int at, byte[] to, int into) {
            int n = (int) INT.get(from, at);
            at += 4;
            for (int i = 0; i < n; i++) {
                int chars = (int) INT.get(from, at);
                if (i < elements) {
                    int kept = Math.min(chars, width);
                    System.arraycopy(from, at + 4, to, into, kept);
                    into += width;
                }
                at += 4 + chars;
            }
            return at;
        }

        @Override
        public int width() {
            return width * elements;
        }
    }

    /** A numeric or boolean array, padded to the column's elements with the pad value. */
    private record Elements(int bytes, int elements, byte[] pad) implements Step {
        @Override
        public void write(Rows rows) throws IOException {
            int n = rows.readInt();
            int kept = Math.min(n, elements);
            rows.copy(kept * bytes);
            rows.skip((n - kept) * bytes);
            for (int i = kept; i < elements; i++) {
                rows.put(pad);
            }
        }

        @Override
        public int write(byte[] from, int at, byte[] to, int into) {
            int n = (int) INT.get(from, at);
            int kept = Math.min(n, elements);
            System.arraycopy(from, at + 4, to, into, kept * bytes);
            for (int i = kept; i < elements; i++) {
                System.arraycopy(pad, 0, to, into + i * bytes, bytes);
            }
            return at + 4 + n * bytes;
        }

        @Override
        public int width() {
            return bytes * elements;
        }
    }

    /** Reads the spool and writes the FITS rows, each through one large block of its own (zeros when not written). */
    private static final class Rows implements Closeable {
        private final FileChannel channel;
        private final DataOutput sink;
        private final ByteBuffer in = ByteBuffer.allocate(BUFFER).flip();
        private final byte[] out = new byte[BUFFER];
        private int at;
        private long written;
        /** Whether the spool was read to its end. */
        private boolean ended;

        Rows(FileChannel channel, DataOutput sink) {
            this.channel = channel;
            this.sink = sink;
        }

        private ByteBuffer have(int bytes) throws IOException {
            if (in.remaining() < bytes) {
                in.compact();
                while (in.position() < bytes) {
                    if (channel.read(in) < 0) {
                        throw new IOException("the spooled result ended early");
                    }
                }
                in.flip();
            }
            return in;
        }

        int readInt() throws IOException {
            return have(4).getInt();
        }

        /**
         * Writes one row: from the blocks in memory when the spooled row is whole in the input block and the FITS
         * row fits the output block, as nearly every row does once the blocks were refilled, else value by value.
         */
        void row(Step[] steps, long largestSpooled, long rowBytes) throws IOException {
            // a row of up to half a block: the block is refilled at most once per half block
            if (largestSpooled <= BUFFER / 2 && rowBytes <= out.length) {
                if (in.remaining() < largestSpooled && !ended) {
                    in.compact();
                    while (in.position() < largestSpooled && !ended) {
                        ended = channel.read(in) < 0; // the file ends in rows that may all be shorter than the largest
                    }
                    in.flip();
                }
                if (out.length - at < rowBytes) {
                    drain();
                }
                if (in.remaining() >= largestSpooled) {
                    byte[] from = in.array();
                    int p = in.position();
                    for (Step step : steps) {
                        p = step.write(from, p, out, at);
                        at += step.width();
                    }
                    in.position(p);
                    return;
                }
            }
            for (Step step : steps) {
                step.write(this);
            }
        }

        void copy(int bytes) throws IOException {
            while (bytes > 0) {
                if (at == out.length) {
                    drain();
                }
                int k = Math.min(bytes, Math.min(have(1).remaining(), out.length - at));
                in.get(out, at, k);
                at += k;
                bytes -= k;
            }
        }

        void skip(int bytes) throws IOException {
            while (bytes > 0) {
                int k = Math.min(bytes, have(1).remaining());
                in.position(in.position() + k);
                bytes -= k;
            }
        }

        void zeros(int bytes) throws IOException {
            while (bytes > 0) {
                if (at == out.length) {
                    drain();
                }
                int k = Math.min(bytes, out.length - at);
                Arrays.fill(out, at, at + k, (byte) 0);
                at += k;
                bytes -= k;
            }
        }

        void put(byte[] value) throws IOException {
            if (out.length - at < value.length) {
                drain();
            }
            System.arraycopy(value, 0, out, at, value.length);
            at += value.length;
        }

        /** Writes the block and makes it zeros again. */
        private void drain() throws IOException {
            sink.write(out, 0, at);
            Arrays.fill(out, 0, at, (byte) 0);
            written += at;
            at = 0;
        }

        /** Writes what is left; the spool must have been read to its end. @return the bytes written */
        long finish() throws IOException {
            drain();
            if (in.hasRemaining() || channel.position() != channel.size()) {
                throw new IOException("the spooled result has bytes after its last row");
            }
            return written;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
