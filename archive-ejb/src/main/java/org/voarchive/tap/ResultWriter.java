package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a query result in one output format, streaming the rows as they come from the cursor. */
interface ResultWriter {

    /**
     * @throws IOException also when the rows ended in a database failure and the format has no way
     *                     to say so inside the document (the response must then not look complete)
     */
    void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException;

    static ResultWriter of(OutputFormat format) {
        return switch (format) {
            case VOTABLE_BINARY2 -> new VOTableResultWriter(uk.ac.starlink.votable.DataFormat.BINARY2);
            case VOTABLE_BINARY -> new VOTableResultWriter(uk.ac.starlink.votable.DataFormat.BINARY);
            case VOTABLE_TABLEDATA -> new VOTableResultWriter(uk.ac.starlink.votable.DataFormat.TABLEDATA);
            case CSV -> new DelimitedResultWriter(DelimitedResultWriter.Dialect.CSV);
            case FITS -> new FitsResultWriter();
            case TSV -> new DelimitedResultWriter(DelimitedResultWriter.Dialect.TSV);
            case JSON -> new JsonResultWriter();
            case PARQUET -> new ParquetResultWriter();
        };
    }

    /** For formats without an in-document status: a failure part-way must break the response. */
    static void failIfIncomplete(ResultTable table) throws IOException {
        if (table.status() == ResultTable.Status.ERROR) {
            throw new IOException("the query failed after " + table.rowsDelivered() + " rows: "
                + org.voarchive.database.DatabaseErrors.primaryMessage(table.failure()), table.failure());
        }
    }
}
