package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.voarchive.dali.DataOrigin;
import org.voarchive.dali.Json;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A result as JSON, in the shape DaCHS and others use: {@code columns} with
 * the FIELD metadata, {@code data} as an array of row arrays, then
 * {@code queryStatus} (OK, OVERFLOW or ERROR, as the VOTable's trailing
 * INFO) once the rows are known. NULL and NaN are null. The Data Origin
 * items go before the columns, as {@code dataOrigin} (the query's) and
 * {@code dataOriginTables} (each table's), objects of name, value and
 * content as the VOTable's INFOs have.
 */
final class JsonResultWriter implements ResultWriter {

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("{\"query\":" + Json.string(info.query()) + ",\"lang\":" + Json.string(info.lang())
            + ",\"dataOrigin\":" + DataOrigin.json(info.origin().query())
            + ",\"dataOriginTables\":" + DataOrigin.json(info.origin().dataset()) + ",\"columns\":[");
        for (int i = 0; i < table.getColumnCount(); i++) {
            ColumnInfo c = table.getColumnInfo(i);
            w.write(i > 0 ? ",{" : "{");
            w.write("\"name\":" + Json.string(c.getName()));
            field(w, "datatype", table.field(i).type().datatype());
            field(w, "arraysize", table.field(i).type().arraysize());
            field(w, "ucd", c.getUCD());
            field(w, "unit", c.getUnitString());
            field(w, "utype", c.getUtype());
            field(w, "xtype", c.getXtype());
            field(w, "description", c.getDescription());
            w.write('}');
        }
        w.write("],\"data\":[");
        long n = 0;
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                w.write(n++ > 0 ? ",\n[" : "\n[");
                for (int i = 0; i < table.getColumnCount(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(Json.value(rows.getCell(i)));
                }
                w.write(']');
            }
        }
        w.write("],\"queryStatus\":" + Json.string(table.status().name()));
        if (table.status() == ResultTable.Status.ERROR) {
            w.write(",\"error\":" + Json.string(org.voarchive.database.DatabaseErrors.primaryMessage(table.failure())));
        }
        w.write("}\n");
        w.flush();
    }

    private static void field(Writer w, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            w.write(",\"" + name + "\":" + Json.string(value));
        }
    }
}
