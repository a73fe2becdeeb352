package org.voarchive.tap;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * Cursors over rows in memory for the result writers' tests: the JDK's own ResultSet (CachedRowSet), because
 * these tests need a cursor that behaves as JDBC says, not a database; the ITs read results from PostgreSQL.
 */
final class ResultCursors {

    private ResultCursors() {
    }

    /** Rows of the fields' columns; the JDBC types are OTHER, so a cell is read as whatever object it is. */
    static CachedRowSet of(List<ResultField> fields, Object[]... rows) throws SQLException {
        CachedRowSet set = RowSetProvider.newFactory().createCachedRowSet();
        RowSetMetaDataImpl md = new RowSetMetaDataImpl();
        md.setColumnCount(fields.size());
        for (int i = 1; i <= fields.size(); i++) {
            md.setColumnName(i, fields.get(i - 1).info().getName());
            md.setColumnType(i, Types.OTHER);
            md.setNullable(i, RowSetMetaDataImpl.columnNullable);
        }
        set.setMetaData(md);
        for (Object[] row : rows) {
            set.last(); // a row is inserted after the current one
            set.moveToInsertRow();
            for (int i = 0; i < row.length; i++) {
                set.updateObject(i + 1, row[i]);
            }
            set.insertRow();
            set.moveToCurrentRow();
        }
        set.beforeFirst();
        return set;
    }
}
