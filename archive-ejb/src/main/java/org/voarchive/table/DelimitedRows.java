package org.voarchive.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV (RFC 4180) or TSV (IANA text/tab-separated-values) rows, read in one pass from a stream and converted
 * value by value to the columns' types, so that a bad value is named by the physical line of the file it is
 * on and its column ({@code line 5, column dec: 'x41.2' is not a double}), before the database sees it.
 * STIL's CSV reader is not used: it infers types in a first pass over a stored file (the table's types are
 * known here) and knows no line numbers.
 *
 * <p>CSV: fields separated by commas, records by CRLF, LF or CR; a field in double quotes may hold commas,
 * line breaks and doubled quotes. An unquoted empty field is NULL, a quoted one ({@code ""}) an empty string.
 * TSV: fields separated by tabs, records by LF (a CR before it is dropped); no quoting, but {@code \t},
 * {@code \n}, {@code \r} and {@code \\} stand for a tab, line feed, carriage return and backslash (as
 * youcat's loader reads them); an empty field is NULL. Both: UTF-8 (a byte order mark is skipped), empty
 * lines are skipped, every record has as many fields as the header (or the table, without header).
 */
public final class DelimitedRows extends ConvertedRows {

    /** The two formats. */
    public enum Format {
        CSV, TSV;

        /** The format of a media type ({@code text/csv}, {@code text/tab-separated-values}), or null. */
        public static Format of(String mediaType) {
            String base = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
            return switch (base) {
                case "text/csv" -> CSV;
                case "text/tab-separated-values" -> TSV;
                default -> null;
            };
        }
    }

    private static final int EOF = -1;
    /**
     * The most characters of one record, and fields of one record (PostgreSQL's column limit): a body of up to
     * the load limit (gigabytes) must not become one string in memory because a quote is never closed or a line
     * never ends. 16 Mi characters (32 MB of heap) hold any sensible row of a table of up to 1,600 columns.
     */
    static final int MAX_RECORD_CHARS = 1 << 24;
    static final int MAX_FIELDS = 1600;

    private final Reader in;
    private final Format format;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final List<String> names;
    private final boolean header;
    private final StringBuilder field = new StringBuilder();
    /** Characters of the record being read, in the fields before the current one. */
    private int recordChars;
    private int recordLine;
    private final List<String> fields = new ArrayList<>();
    /** The line each field of the record starts on (an int each: no boxing per field of a large file). */
    private final int[] fieldLines = new int[MAX_FIELDS];
    /** The physical line the reader is on (1 = the first). */
    private int line = 1;
    /** The line the header ends on: row r starts on line r + offset, unless a record spans lines or lines are empty. */
    private final int firstLine;
    /** Rows after which the line of a row is further than one line from the one before: [row, offset] pairs. */
    private long[] shifts = new long[16];
    private int shiftCount;
    private long offset;

    /**
     * Reads the header line, if there is one.
     *
     * @param columnsWithoutHeader null if the first line names the columns; else the columns the fields are, in
     *                             order (the table's, for {@code header=absent})
     * @throws TableRefusedException for a header that is malformed or has bad names
     */
    public DelimitedRows(InputStream in, Format format, List<String> columnsWithoutHeader) throws IOException {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.format = format;
        if (fill() && buffer[0] == '\uFEFF') {
            position = 1;
        }
        if (columnsWithoutHeader == null) {
            if (!record()) {
                throw new TableRefusedException("the " + format + " file is empty: its first line must name the columns");
            }
            List<String> given = new ArrayList<>();
            for (String name : fields) {
                given.add(name == null ? null : name.strip());
            }
            try {
                ColumnNames.check(given);
            } catch (TableRefusedException e) {
                throw new TableRefusedException("line 1 (the header): " + e.getMessage());
            }
            names = List.copyOf(given);
        } else {
            names = List.copyOf(columnsWithoutHeader);
        }
        header = columnsWithoutHeader == null;
        firstLine = line - 1;
        offset = firstLine;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public boolean next() throws IOException {
        converting();
        int start;
        do {
            start = line;
            if (!record()) {
                return false;
            }
        } while (fields.size() == 1 && fields.get(0) == null); // an empty line
        rows++;
        if (start != rows + offset) {
            shift(start - rows);
        }
        if (fields.size() != columns.size()) {
            throw new TableRefusedException("line " + start + " has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s")
                + ", not " + columns.size() + (header ? " as the header names" : " as the table has columns"));
        }
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = columns.converter(i).text(fields.get(i));
            } catch (IllegalArgumentException e) {
                throw new TableRefusedException("line " + fieldLines[i] + ", column " + columns.name(i) + ": "
                    + e.getMessage());
            }
        }
        return true;
    }

    /** From row {@code rows} on, rows start {@code newOffset} lines after their number. */
    private void shift(long newOffset) {
        if (shiftCount * 2 == shifts.length) {
            shifts = Arrays.copyOf(shifts, shifts.length * 2);
        }
        shifts[shiftCount * 2] = rows;
        shifts[shiftCount * 2 + 1] = newOffset;
        shiftCount++;
        offset = newOffset;
    }

    @Override
    public String where(long row) {
        // the last shift at or before the row
        int lo = 0;
        int hi = shiftCount - 1;
        long at = firstLine;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (shifts[mid * 2] <= row) {
                at = shifts[mid * 2 + 1];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return "line " + (row + at);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Reads one record into {@link #fields} (null for NULL) and {@link #fieldLines}.
     *
     * @return false at the end of the input
     */
    private boolean record() throws IOException {
        fields.clear();
        if (peek() == EOF) {
            return false;
        }
        recordChars = 0;
        recordLine = line;
        while (true) {
            if (fields.size() == MAX_FIELDS) {
                throw new TableRefusedException("line " + recordLine + " has more than " + MAX_FIELDS + " fields");
            }
            fieldLines[fields.size()] = line;
            int end = format == Format.CSV ? csvField() : tsvField();
            recordChars += field.length();
            if (end == ',' || end == '\t') {
                continue;
            }
            return true; // a line break or the end
        }
    }

    /** Reads a CSV field; @return what ended it: ',', '\n' or EOF. */
    private int csvField() throws IOException {
        field.setLength(0);
        int c = read();
        if (c == '"') {
            int startLine = line;
            while (true) {
                c = read();
                if (c == EOF) {
                    throw new TableRefusedException("line " + startLine + ": a quoted field that starts there is not closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\r' && peek() == '\n') {
                    append('\r');
                    c = read();
                }
                if (c == '\r' || c == '\n') {
                    line++; // a line break inside the field, kept as it is
                }
                append((char) c);
            }
            fields.add(field.toString());
            c = read();
            if (c == ',' || c == EOF) {
                return c;
            }
            if (c == '\r' || c == '\n') {
                lineBreak(c);
                return '\n';
            }
            throw new TableRefusedException("line " + line + ": a quoted field is followed by '" + (char) c
                + "' rather than a comma or the end of the line (a quote inside a quoted field is written twice)");
        }
        while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
            append((char) c);
            c = read();
        }
        fields.add(field.isEmpty() ? null : field.toString());
        if (c == '\r' || c == '\n') {
            lineBreak(c);
            return '\n';
        }
        return c;
    }

    /** Reads a TSV field; @return what ended it: '\t', '\n' or EOF. */
    private int tsvField() throws IOException {
        field.setLength(0);
        int c = read();
        while (c != '\t' && c != '\n' && c != EOF) {
            if (c == '\\') {
                int e = peek();
                int unescaped = switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '\\' -> '\\';
                    default -> -1;
                };
                if (unescaped >= 0) {
                    read();
                    c = unescaped;
                }
            } else if (c == '\r' && peek() == '\n') {
                c = read();
                break;
            }
            append((char) c);
            c = read();
        }
        fields.add(field.isEmpty() ? null : field.toString());
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void append(char c) {
        if (recordChars + field.length() >= MAX_RECORD_CHARS) {
            throw new TableRefusedException("line " + recordLine + ": its record is longer than " + MAX_RECORD_CHARS
                + " characters (is a quoted field not closed?)");
        }
        field.append(c);
    }

    /** Counts a line break between records read as {@code c}: CR LF is one. */
    private void lineBreak(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        try {
            int n = in.read(buffer, 0, buffer.length);
            while (n == 0) {
                n = in.read(buffer, 0, buffer.length);
            }
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new TableRefusedException("line " + line + ": the file is not UTF-8 (" + e.getMessage() + ")");
        }
    }
}
