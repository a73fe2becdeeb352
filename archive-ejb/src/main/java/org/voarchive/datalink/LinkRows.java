package org.voarchive.datalink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.table.UntrustedTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;

/**
 * The rows of a datalink file, one at a time, each cell as text: a VOTable
 * through STIL, or CSV read as text (STIL would guess types, and an ID such
 * as 00123 must stay what it is).
 */
abstract class LinkRows implements AutoCloseable {

    /** The column names, as the file gives them. */
    abstract List<String> columns();

    /** The next row's cells (null for empty), or null at the end. */
    abstract String[] next() throws IOException;

    static LinkRows open(Path file, String format) throws IOException {
        return switch (format) {
            case "csv" -> new Csv(Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8));
            case "votable" -> new Stil(file, format);
            default -> throw new IllegalArgumentException("datalink rows come as votable or csv, not " + format);
        };
    }

    @Override
    public abstract void close() throws IOException;

    private static final class Stil extends LinkRows {
        private final List<String> columns = new ArrayList<>();
        private final UntrustedTable file;
        private final RowSequence rows;

        Stil(Path path, String format) throws IOException {
            // an operator's file, but maybe from anywhere: checked as any upload is, without a size limit
            file = UntrustedTable.open(path, format, Long.MAX_VALUE);
            StarTable table;
            try {
                table = file.read(StoragePolicy.PREFER_DISK); // rows spooled to disk, not to the heap
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
            for (int i = 0; i < table.getColumnCount(); i++) {
                columns.add(table.getColumnInfo(i).getName());
            }
            rows = table.getRowSequence();
        }

        @Override
        List<String> columns() {
            return columns;
        }

        @Override
        String[] next() throws IOException {
            if (!rows.next()) {
                return null;
            }
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                Object cell = rows.getCell(i);
                cells[i] = cell == null || (cell instanceof String s && s.isEmpty()) ? null : cell.toString();
            }
            return cells;
        }

        @Override
        public void close() throws IOException {
            try {
                rows.close();
            } finally {
                file.close();
            }
        }
    }

    /** RFC 4180: a header line, fields separated by commas, quoted with "" for a quote; quoted fields may span lines. */
    private static final class Csv extends LinkRows {
        private final Reader in;
        private final List<String> columns;
        private long line = 1;

        Csv(BufferedReader in) throws IOException {
            this.in = in;
            List<String> header = record();
            if (header == null) {
                throw new IllegalArgumentException("the CSV file is empty: it needs a header line with the column names");
            }
            columns = header.stream().map(h -> h == null ? "" : h.trim()).toList();
        }

        @Override
        List<String> columns() {
            return columns;
        }

        @Override
        String[] next() throws IOException {
            long at = line;
            List<String> fields = record();
            if (fields == null) {
                return null;
            }
            if (fields.size() != columns.size()) {
                throw new IllegalArgumentException("line " + at + ": " + fields.size() + " fields for " + columns.size()
                    + " columns");
            }
            return fields.toArray(new String[0]);
        }

        /** One record, empty fields as null; null at the end of the file. */
        private List<String> record() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int c = in.read();
            if (c < 0) {
                return null;
            }
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw new IllegalArgumentException("line " + line + ": a quoted field is not closed");
                    }
                    break;
                }
                if (quoted) {
                    if (c == '"') {
                        int d = in.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(wasQuoted || field.length() > 0 ? field.toString() : null);
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    field.append((char) c);
                }
                c = in.read();
            }
            fields.add(wasQuoted || field.length() > 0 ? field.toString() : null);
            return fields;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
