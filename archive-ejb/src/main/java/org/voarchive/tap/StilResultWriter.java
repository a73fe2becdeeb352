package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;

/**
 * A result in one of STIL's own formats. FITS needs the row count and string
 * widths in its header before the first row, so its rows are spooled to a
 * temporary disk file first (memory still does not grow with the result).
 */
final class StilResultWriter implements ResultWriter {

    private final StarTableWriter writer;
    private final boolean needsTwoPasses;

    StilResultWriter(StarTableWriter writer, boolean needsTwoPasses) {
        this.writer = writer;
        this.needsTwoPasses = needsTwoPasses;
    }

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
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
