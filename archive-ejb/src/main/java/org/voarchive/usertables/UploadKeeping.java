package org.voarchive.usertables;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.dali.DaliException;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.TableName;
import org.voarchive.table.ColumnTypes;
import org.voarchive.table.StilRows;
import org.voarchive.table.StilTable;
import org.voarchive.table.TableRefusedException;
import org.voarchive.tap.UploadKeeper;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;

/**
 * KEEP_UPLOAD on /tap/sync and /tap/async (design §1.9): a TAP upload made the caller's personal table of origin
 * {@code upload} through {@link PersonalTables#create}, its columns as the upload's FIELDs (or CSV header) give
 * them, its rows loaded in the same transaction. Refusals are the TAP endpoint's DALI errors, naming the upload.
 */
@ApplicationScoped
public class UploadKeeping implements UploadKeeper {

    private static final Logger LOG = Logger.getLogger(UploadKeeping.class.getName());

    @Inject
    PersonalTables tables;

    @Override
    public void keep(Caller caller, String upload, String table, Path file) throws DaliException {
        String prefix = "KEEP_UPLOAD " + upload + ": ";
        try {
            TableName name = PersonalNames.parse(table, caller.name());
            // the file is within the upload limit already; its format is told from its first bytes as for queries
            try (StilRows rows = StilRows.open(file, null, Long.MAX_VALUE)) {
                tables.create(caller, name, spec(rows.table(), upload), rows, "upload");
            }
        } catch (TableRequestException e) {
            throw new DaliException(e.status(), prefix + e.getMessage(), e);
        } catch (TableRefusedException e) {
            throw new DaliException(400, prefix + e.getMessage(), e);
        } catch (SQLException | IOException e) {
            LOG.log(Level.WARNING, prefix + "the table " + table + " of " + caller.name() + " could not be made", e);
            throw new DaliException(500, prefix + "the table could not be made", e);
        }
    }

    /** The table an upload makes: its columns with their VOTable types, units, UCDs, utypes and descriptions. */
    static TableSpec spec(StarTable upload, String uploadName) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int i = 0; i < upload.getColumnCount(); i++) {
            ColumnInfo c = upload.getColumnInfo(i);
            ColumnTypes.VoType type = ColumnTypes.votable(c);
            columns.add(new ColumnSpec(c.getName(), type.datatype(), type.arraysize(), type.xtype(),
                StilTable.blankToNull(c.getUnitString()), StilTable.blankToNull(c.getUCD()),
                StilTable.blankToNull(c.getUtype()), StilTable.blankToNull(c.getDescription())));
        }
        return new TableSpec("Kept from the TAP upload " + uploadName, null, columns);
    }
}
