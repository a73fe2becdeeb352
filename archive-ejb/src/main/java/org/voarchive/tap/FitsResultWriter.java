package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;

/**
 * A FITS binary table written by STIL, with the result's Data Origin cards ({@link OriginFitsWriter}). FITS needs
 * the row count and string widths in its header before the first row, so the rows are spooled to a temporary disk
 * file first: memory still does not grow with the result.
 */
final class FitsResultWriter implements ResultWriter {

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        StarTable copy = StoragePolicy.PREFER_DISK.copyTable(table);
        try {
            ResultWriter.failIfIncomplete(table);
            new OriginFitsWriter(info.origin()).writeStarTable(copy, out);
        } finally {
            copy.close(); // deletes the spool file
        }
        out.flush();
    }
}
