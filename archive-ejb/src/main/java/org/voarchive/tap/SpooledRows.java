package org.voarchive.tap;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * A one-pass result written to a temporary file as it streams, then read back from the start as often as a writer
 * needs (FITS reads its rows twice: once for the widths, once to write them). Read with plain sequential I/O: STIL's
 * own disk spool maps its file into memory, and a mapping outlives the request until a collection happens to free
 * it (two 111 MB mappings were still resident a minute after two million-row FITS results).
 */
final class SpooledRows extends AbstractStarTable implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final Cell[] cells;
    private final ColumnInfo[] infos;
    private long rows;

    /** Copies every row of {@code source} to a new temporary file. */
    SpooledRows(StarTable source) throws IOException {
        this.cells = new Cell[source.getColumnCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Cell.of(source.getColumnInfo(i).getContentClass());
        }
        int[] longest = new int[cells.length]; // the longest string, or primitive array, seen in each column
        this.file = Files.createTempFile("tap-result-", ".rows");
        try (Out out = new Out(FileChannel.open(file, StandardOpenOption.WRITE));
             RowSequence in = source.getRowSequence()) {
            while (in.next()) {
                for (int i = 0; i < cells.length; i++) {
                    Object cell = in.getCell(i);
                    cells[i].write(cell, out);
                    if (cell instanceof String text) {
                        longest[i] = Math.max(longest[i], text.length());
                    } else if (cell != null && cells[i] == Cell.ARRAY && cell.getClass().getComponentType().isPrimitive()) {
                        longest[i] = Math.max(longest[i], java.lang.reflect.Array.getLength(cell));
                    }
                }
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        this.infos = new ColumnInfo[cells.length];
        for (int i = 0; i < cells.length; i++) {
            infos[i] = sized(source.getColumnInfo(i), longest[i]);
        }
        setParameters(source.getParameters());
        setName(source.getName());
    }

    @Override
    public ColumnInfo getColumnInfo(int i) {
        return infos[i];
    }

    /**
     * The column's metadata with the widths the spool saw: the longest string, the longest variable array. Knowing
     * them and the row count, STIL's FITS writer reads the rows once instead of twice (its first pass looks for
     * exactly these), and writes the same widths.
     */
    private static ColumnInfo sized(ColumnInfo column, int longest) {
        if (longest <= 0) {
            return column;
        }
        ColumnInfo sized = new ColumnInfo(column);
        if (column.getContentClass() == String.class && column.getElementSize() <= 0) {
            sized.setElementSize(longest);
        } else if (column.getContentClass().isArray() && column.getContentClass().getComponentType().isPrimitive()) {
            int[] shape = column.getShape();
            if (shape == null || shape.length == 0 || shape[shape.length - 1] < 0) {
                sized.setShape(new int[] {longest});
            }
        }
        return sized;
    }

    @Override
    public int getColumnCount() {
        return cells.length;
    }

    @Override
    public long getRowCount() {
        return rows;
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        In in = new In(FileChannel.open(file, StandardOpenOption.READ));
        return new RowSequence() {
            private final Object[] row = new Object[cells.length];
            private long read;

            @Override
            public boolean next() throws IOException {
                if (read == rows) {
                    return false;
                }
                for (int i = 0; i < row.length; i++) {
                    row[i] = cells[i].read(in);
                }
                read++;
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
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Deletes the file. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** How one column's values are written and read: a presence byte, then the value in DataOutput's form. */
    private enum Cell {
        BOOLEAN {
            @Override
            void value(Object v, Out out) throws IOException {
                out.writeBoolean((Boolean) v);
            }

            @Override
            Object value(In in) throws IOException {
                return in.readBoolean();
            }
        },
        SHORT {
            @Override
            void value(Object v, Out out) throws IOException {
                out.writeShort((Short) v);
            }

            @Override
            Object value(In in) throws IOException {
                return in.readShort();
            }
        },
        INT {
            @Override
            void value(Object v, Out out) throws IOException {
                out.writeInt((Integer) v);
            }

            @Override
            Object value(In in) throws IOException {
                return in.readInt();
            }
        },
        LONG {
            @Override
            void value(Object v, Out out) throws IOException {
                out.writeLong((Long) v);
            }

            @Override
            Object value(In in) throws IOException {
                return in.readLong();
            }
        },
        FLOAT {
            @Override
            void value(Object v, Out out) throws IOException {
                out.writeFloat((Float) v);
            }

            @Override
            Object value(In in) throws IOException {
                return in.readFloat();
            }
        },
        DOUBLE {
            @Override
            void value(Object v, Out out) throws IOException {
                out.writeDouble((Double) v);
            }

            @Override
            Object value(In in) throws IOException {
                return in.readDouble();
            }
        },
        /** Text, and anything else, as the string STIL would write of it. */
        TEXT {
            @Override
            void value(Object v, Out out) throws IOException {
                byte[] utf8 = v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }

            @Override
            Object value(In in) throws IOException {
                byte[] utf8 = new byte[in.readInt()];
                in.readFully(utf8);
                return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
        },
        /** Arrays: their component type, length and elements (ResultField makes primitive arrays, or of strings). */
        ARRAY {
            @Override
            void value(Object v, Out out) throws IOException {
                Class<?> component = v.getClass().getComponentType();
                int n = java.lang.reflect.Array.getLength(v);
                int kind = COMPONENTS.indexOf(component);
                out.writeByte(kind);
                out.writeInt(n);
                Cell element = kind < 0 ? TEXT : ELEMENTS.get(kind);
                for (int i = 0; i < n; i++) {
                    element.write(java.lang.reflect.Array.get(v, i), out);
                }
            }

            @Override
            Object value(In in) throws IOException {
                int kind = in.readByte();
                int n = in.readInt();
                Object array = java.lang.reflect.Array.newInstance(kind < 0 ? String.class : COMPONENTS.get(kind), n);
                Cell element = kind < 0 ? TEXT : ELEMENTS.get(kind);
                for (int i = 0; i < n; i++) {
                    java.lang.reflect.Array.set(array, i, element.read(in));
                }
                return array;
            }
        };

        /** The primitive components an array may have, and the cells of their boxed values. */
        private static final java.util.List<Class<?>> COMPONENTS =
            java.util.List.of(boolean.class, short.class, int.class, long.class, float.class, double.class);
        private static final java.util.List<Cell> ELEMENTS = java.util.List.of(BOOLEAN, SHORT, INT, LONG, FLOAT, DOUBLE);

        static Cell of(Class<?> type) {
            if (type == Boolean.class) {
                return BOOLEAN;
            }
            if (type == Short.class) {
                return SHORT;
            }
            if (type == Integer.class) {
                return INT;
            }
            if (type == Long.class) {
                return LONG;
            }
            if (type == Float.class) {
                return FLOAT;
            }
            if (type == Double.class) {
                return DOUBLE;
            }
            return type.isArray() ? ARRAY : TEXT;
        }

        final void write(Object v, Out out) throws IOException {
            out.writeBoolean(v != null);
            if (v != null) {
                value(v, out);
            }
        }

        final Object read(In in) throws IOException {
            try {
                return in.readBoolean() ? value(in) : null;
            } catch (EOFException e) {
                throw new IOException("the spooled result ended early", e);
            }
        }

        abstract void value(Object v, Out out) throws IOException;

        abstract Object value(In in) throws IOException;
    }

    /**
     * Writes to the file through one buffer of its own: the JDK's buffered streams lock on every byte, which was
     * the largest part of spooling (JFR).
     */
    private static final class Out implements Closeable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

        Out(FileChannel channel) {
            this.channel = channel;
        }

        private ByteBuffer room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                drain();
            }
            return buffer;
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        void writeBoolean(boolean v) throws IOException {
            room(1).put((byte) (v ? 1 : 0));
        }

        void writeByte(int v) throws IOException {
            room(1).put((byte) v);
        }

        void writeShort(int v) throws IOException {
            room(2).putShort((short) v);
        }

        void writeInt(int v) throws IOException {
            room(4).putInt(v);
        }

        void writeLong(long v) throws IOException {
            room(8).putLong(v);
        }

        void writeFloat(float v) throws IOException {
            room(4).putFloat(v);
        }

        void writeDouble(double v) throws IOException {
            room(8).putDouble(v);
        }

        void write(byte[] bytes) throws IOException {
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, room(1).remaining());
                buffer.put(bytes, at, n);
                at += n;
            }
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                drain();
            }
        }
    }

    /** Reads the file back through one buffer of its own (see {@link Out}). */
    private static final class In implements Closeable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();

        In(FileChannel channel) {
            this.channel = channel;
        }

        private ByteBuffer have(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                buffer.compact();
                while (buffer.position() < bytes) {
                    if (channel.read(buffer) < 0) {
                        throw new EOFException();
                    }
                }
                buffer.flip();
            }
            return buffer;
        }

        boolean readBoolean() throws IOException {
            return have(1).get() != 0;
        }

        byte readByte() throws IOException {
            return have(1).get();
        }

        short readShort() throws IOException {
            return have(2).getShort();
        }

        int readInt() throws IOException {
            return have(4).getInt();
        }

        long readLong() throws IOException {
            return have(8).getLong();
        }

        float readFloat() throws IOException {
            return have(4).getFloat();
        }

        double readDouble() throws IOException {
            return have(8).getDouble();
        }

        void readFully(byte[] bytes) throws IOException {
            int at = 0;
            while (at < bytes.length) {
                int n = Math.min(bytes.length - at, have(1).remaining());
                buffer.get(bytes, at, n);
                at += n;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
