package org.voarchive.tap;

import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.voarchive.dali.JsonValues;
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
        // the generator writes into the buffer only; closing it would close the response
        JsonGenerator g = jakarta.json.Json.createGenerator(w);
        g.writeStartObject().write("query", info.query()).write("lang", info.lang());
        info.origin().writeJson(g);
        g.writeStartArray("columns");
        for (int i = 0; i < table.getColumnCount(); i++) {
            g.writeStartObject();
            writeColumn(g, table, i);
            g.writeEnd();
        }
        g.writeEnd();
        writeData(g, table);
        g.write("queryStatus", table.status().name());
        if (table.status() == ResultTable.Status.ERROR) {
            g.write("error", org.voarchive.database.DatabaseErrors.primaryMessage(table.failure()));
        }
        g.writeEnd();
        g.flush();
        w.write('\n');
        w.flush();
    }

    /** The members of column {@code i}'s object in {@code columns}: its FIELD metadata, those it has. */
    static void writeColumn(JsonGenerator g, ResultTable table, int i) {
        ColumnInfo c = table.getColumnInfo(i);
        g.write("name", c.getName());
        JsonValues.writeIfPresent(g, "datatype", table.field(i).type().datatype());
        JsonValues.writeIfPresent(g, "arraysize", table.field(i).type().arraysize());
        JsonValues.writeIfPresent(g, "ucd", c.getUCD());
        JsonValues.writeIfPresent(g, "unit", c.getUnitString());
        JsonValues.writeIfPresent(g, "utype", c.getUtype());
        JsonValues.writeIfPresent(g, "xtype", c.getXtype());
        JsonValues.writeIfPresent(g, "description", c.getDescription());
    }

    /** The rows as {@code data}, an array of row arrays, each cell as {@link JsonValues} writes it. */
    static void writeData(JsonGenerator g, ResultTable table) throws IOException {
        g.writeStartArray("data");
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                g.writeStartArray();
                for (int i = 0; i < table.getColumnCount(); i++) {
                    JsonValues.write(g, rows.getCell(i));
                }
                g.writeEnd();
            }
        }
        g.writeEnd();
    }
}
