package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A FITS binary table with STIL's header and the result's Data Origin cards ({@link OriginFitsWriter}). FITS needs
 * the row count and string widths in its header before the first row, so the rows are spooled to a temporary disk
 * file first, already in FITS's row form ({@link SpooledRows}): memory does not grow with the result.
 */
final class FitsResultWriter implements ResultWriter {

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        try (SpooledRows copy = new SpooledRows(table)) {
            ResultWriter.failIfIncomplete(table);
            new OriginFitsWriter(info.origin()).writeStarTable(copy, out);
        }
        out.flush();
    }
}
