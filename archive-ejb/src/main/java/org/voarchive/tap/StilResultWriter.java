package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;

/**
 * A result in one of STIL's own formats. FITS needs the row count and string
 * widths in its header before the first row, so its rows are spooled to a
 * temporary disk file first (memory still does not grow with the result).
 * The writer is made for each result, so it can carry the result's own
 * header (FITS: the Data Origin cards); CSV has no place for them.
 */
final class StilResultWriter implements ResultWriter {

    private final Function<ResultInfo, StarTableWriter> writers;
    private final boolean needsTwoPasses;

    StilResultWriter(Function<ResultInfo, StarTableWriter> writers, boolean needsTwoPasses) {
        this.writers = writers;
        this.needsTwoPasses = needsTwoPasses;
    }

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        StarTableWriter writer = writers.apply(info);
        if (needsTwoPasses) {
            StarTable copy = StoragePolicy.PREFER_DISK.copyTable(table);
            try {
                ResultWriter.failIfIncomplete(table);
                writer.writeStarTable(copy, out);
            } finally {
                copy.close(); // deletes the spool file
            }
        } else {
            writer.writeStarTable(table, out);
            ResultWriter.failIfIncomplete(table);
        }
        out.flush();
    }
}
