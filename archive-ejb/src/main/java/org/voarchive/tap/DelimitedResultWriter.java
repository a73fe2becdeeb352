package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import uk.ac.starlink.table.RowSequence;

/**
 * A result as delimited text: a header line of column names, then one line per row, NULL as an empty field.
 * Written here rather than by STIL's CSV writer, whose general per-value formatting was half of a million-row
 * CSV result's time (JFR); the CSV is the same, character for character (DelimitedResultWriterTest).
 */
final class DelimitedResultWriter implements ResultWriter {

    /** How the fields of one kind of delimited text are separated and written. */
    enum Dialect {
        /**
         * text/csv (RFC 4180) as STIL writes it: a field with a comma, quote or line break, or with space at either
         * end, in quotes; arrays as {@code (a, b)}; NaN as NULL.
         */
        CSV(',') {
            @Override
            String field(Object value) {
                if (value == null || value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
                    return "";
                }
                if (value.getClass().isArray()) {
                    int n = Array.getLength(value);
                    if (n == 0) {
                        return "";
                    }
                    StringBuilder b = new StringBuilder("(");
                    for (int i = 0; i < n; i++) {
                        b.append(i > 0 ? ", " : "").append(Array.get(value, i));
                    }
                    return name(b.append(')').toString());
                }
                return value instanceof String s ? name(s) : value.toString();
            }

            @Override
            String name(String s) {
                if (s.isEmpty()) {
                    return s;
                }
                boolean quote = Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
                for (int i = 0; i < s.length() && !quote; i++) {
                    char c = s.charAt(i);
                    quote = c == ',' || c == '"' || c == '\n' || c == '\r';
                }
                return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
            }
        },
        /**
         * text/tab-separated-values (IANA): fields cannot hold tabs or line breaks, so those (and backslashes) are
         * backslash escapes; arrays are space-separated values as in DALI.
         */
        TSV('\t') {
            @Override
            String field(Object value) {
                if (value == null || value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
                    return "";
                }
                if (value.getClass().isArray()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < Array.getLength(value); i++) {
                        b.append(i > 0 ? " " : "").append(field(Array.get(value, i)));
                    }
                    return b.toString();
                }
                return name(value.toString());
            }

            @Override
            String name(String s) {
                return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
            }
        };

        private final char separator;

        Dialect(char separator) {
            this.separator = separator;
        }

        /** A cell as this dialect writes it. */
        abstract String field(Object value);

        /** A column name (or a text cell) as this dialect writes it. */
        abstract String name(String s);
    }

    private final Dialect dialect;

    DelimitedResultWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int columns = table.getColumnCount();
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                w.write(dialect.separator);
            }
            w.write(dialect.name(table.getColumnInfo(i).getName()));
        }
        w.write('\n');
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                for (int i = 0; i < columns; i++) {
                    if (i > 0) {
                        w.write(dialect.separator);
                    }
                    w.write(dialect.field(rows.getCell(i)));
                }
                w.write('\n');
            }
        }
        w.flush();
        ResultWriter.failIfIncomplete(table);
    }
}
