package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import uk.ac.starlink.table.RowSequence;

/**
 * text/tab-separated-values (IANA): a header line of column names, then one
 * line per row. Fields cannot hold tabs or line breaks in this format, so
 * those (and backslashes) are written as backslash escapes; NULL is an empty
 * field; arrays are space-separated values as in DALI.
 */
final class TsvResultWriter implements ResultWriter {

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < table.getColumnCount(); i++) {
            w.write((i > 0 ? "\t" : "") + escape(table.getColumnInfo(i).getName()));
        }
        w.write('\n');
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                for (int i = 0; i < table.getColumnCount(); i++) {
                    if (i > 0) {
                        w.write('\t');
                    }
                    w.write(format(rows.getCell(i)));
                }
                w.write('\n');
            }
        }
        w.flush();
        ResultWriter.failIfIncomplete(table);
    }

    static String format(Object value) {
        if (value == null || value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN()) {
            return "";
        }
        if (value.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                b.append(i > 0 ? " " : "").append(format(Array.get(value, i)));
            }
            return b.toString();
        }
        return escape(value.toString());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
