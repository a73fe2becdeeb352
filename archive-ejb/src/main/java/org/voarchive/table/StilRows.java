package org.voarchive.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;

/**
 * The rows of a FITS or VOTable file ({@link UntrustedTable}: checked, then read by the format's own STIL
 * handler), each cell converted to its column's type; rows are named by number ({@code row 12, column ra:
 * ...}). The file's column names are its FIELD names or TTYPEs.
 */
public final class StilRows extends ConvertedRows {

    private final UntrustedTable file;
    private final StarTable table;
    private final RowSequence sequence;
    private final List<String> names;
    private boolean closed;

    private StilRows(UntrustedTable file, StarTable table) throws IOException {
        this.file = file;
        this.table = table;
        List<String> given = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            given.add(table.getColumnInfo(i).getName());
        }
        ColumnNames.check(given);
        this.names = List.copyOf(given);
        this.sequence = table.getRowSequence();
    }

    /**
     * Opens a file of that format.
     *
     * @param format {@code fits} or {@code votable}
     * @param maxBytes the most bytes it may have, decompressed
     * @throws TableRefusedException for a file that is unsafe, malformed, or has bad column names
     */
    public static StilRows open(Path path, String format, long maxBytes) throws IOException {
        UntrustedTable file = UntrustedTable.open(path, format, maxBytes);
        try {
            // the file is on disk already and limited in size; rows STIL cannot page from it (VOTable) go to disk
            return new StilRows(file, file.read(StoragePolicy.PREFER_DISK));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The table as STIL read it (its columns' metadata, for a table made from the file). */
    public StarTable table() {
        return table;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public void convertTo(List<ColumnDefinition> columns) {
        if (columns.size() != names.size()) {
            throw new IllegalArgumentException("one column per column of the file is needed");
        }
        super.convertTo(columns);
    }

    @Override
    public boolean next() throws IOException {
        converting();
        try {
            if (!sequence.next()) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            // a checked file's rows fail only on their content: the sender's mistake
            throw new TableRefusedException("row " + (rows + 1) + " is unreadable: " + e.getMessage());
        }
        rows++;
        for (int i = 0; i < values.length; i++) {
            Object cell;
            try {
                cell = sequence.getCell(i);
            } catch (IOException | RuntimeException e) {
                throw new TableRefusedException("row " + rows + ", column " + columns.name(i) + " is unreadable: "
                    + e.getMessage());
            }
            try {
                values[i] = columns.converter(i).cell(cell);
            } catch (IllegalArgumentException e) {
                throw new TableRefusedException("row " + rows + ", column " + columns.name(i) + ": " + e.getMessage());
            }
        }
        return true;
    }

    @Override
    public String where(long row) {
        return "row " + row;
    }

    /** Closes once: the source may be closed by whoever read it and by whoever opened it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sequence.close();
        } finally {
            file.close();
        }
    }
}
