package org.voarchive.table;

import java.util.List;

/** What the parsers' {@link RowSource}s share: the target columns, the current row's values, the rows given. */
abstract class ConvertedRows implements RowSource {

    /** The target columns; null until {@link #convertTo}. */
    protected Conversions columns;
    /** The current row's values. */
    protected Object[] values;
    /** Rows given so far. */
    protected long rows;

    @Override
    public void convertTo(List<ColumnDefinition> targets) {
        columns = new Conversions(targets);
        values = new Object[targets.size()];
    }

    @Override
    public Object[] row() {
        return values;
    }

    @Override
    public long rows() {
        return rows;
    }

    /** Before a row is read: the columns must be known. */
    protected void converting() {
        if (columns == null) {
            throw new IllegalStateException("convertTo was not called");
        }
    }
}
