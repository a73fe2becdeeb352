package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voarchive.dali.VoTableDocument;
import org.voarchive.parquet.Column;
import org.voarchive.parquet.ParquetStreamWriter;
import uk.ac.starlink.table.RowSequence;

/**
 * A result as Apache Parquet (application/vnd.apache.parquet), streamed one row group at a time. The metadata an
 * astronomer needs (FIELD units, UCDs, descriptions, the query's INFOs and Data Origin) go in the footer as a
 * data-less VOTable, the VOParquet convention (IVOA Note "Parquet in the VO" 1.0, which STIL, TOPCAT and astropy
 * read). The footer is written after the last row, so its QUERY_STATUS can say OK or OVERFLOW; a database failure
 * part-way breaks the response instead, before the footer, so no reader takes the rows for the whole result.
 */
final class ParquetResultWriter implements ResultWriter {

    static final String VOTABLE_CONTENT_KEY = "IVOA.VOTable-Parquet.content";
    static final String VOTABLE_VERSION_KEY = "IVOA.VOTable-Parquet.version";

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            columns.add(Column.of(table.getColumnInfo(i).getName(), table.getColumnInfo(i).getContentClass()));
        }
        ParquetStreamWriter parquet = new ParquetStreamWriter(out, columns);
        Object[] row = new Object[columns.size()];
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = rows.getCell(i);
                }
                parquet.addRow(row);
            }
        }
        ResultWriter.failIfIncomplete(table);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(VOTABLE_VERSION_KEY, "1.0");
        metadata.put(VOTABLE_CONTENT_KEY, votable(table, info));
        parquet.finish(metadata, "voarchive");
    }

    /** The VOTable of the result without its rows: the INFOs of a TAP result VOTable and the TABLE's FIELDs. */
    private static String votable(ResultTable table, ResultInfo info) throws IOException {
        StringWriter text = new StringWriter();
        VoTableDocument document = VoTableDocument.start(new BufferedWriter(text), info.origin()).startResults();
        if (table.status() == ResultTable.Status.OVERFLOW) {
            document.info("QUERY_STATUS", "OVERFLOW", "The result was truncated at MAXREC = " + table.rowsDelivered()
                + " rows");
        } else {
            document.info("QUERY_STATUS", "OK", null);
        }
        document.info("QUERY", info.query(), null).info("LANG", info.lang(), null);
        for (String source : info.sourceTables()) {
            document.info("source_table", source, null);
        }
        document.dataset(info.origin()).tableMetadata(table).endResults().end();
        return text.toString();
    }
}
