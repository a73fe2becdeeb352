package org.voarchive.table;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows in PostgreSQL's COPY CSV format: NULL is an unquoted empty
 * field, every string is quoted (so an empty string stays distinct from NULL).
 */
public final class CopyEncoder {

    private final Writer out;

    public CopyEncoder(Writer out) {
        this.out = out;
    }

    public void write(Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = row[i];
            if (value instanceof String s) {
                out.write('"');
                out.write(s.replace("\"", "\"\""));
                out.write('"');
            } else if (value instanceof Boolean b) {
                out.write(b ? "t" : "f");
            } else if (value != null) {
                out.write(value.toString());
            }
        }
        out.write('\n');
    }
}
