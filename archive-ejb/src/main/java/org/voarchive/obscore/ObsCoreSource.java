package org.voarchive.obscore;

import java.math.BigDecimal;

/**
 * Where the values of one ObsCore column come from, for the rows of one mapped table: exactly one of
 * <ul>
 * <li>{@code column}: a column of the table (its values cast to the ObsCore column's type), optionally
 *     multiplied by {@code factor} (a unit conversion, e.g. 60 for minutes to seconds);</li>
 * <li>{@code value}: a constant, a JSON string or number (a column left out of the mapping is NULL);</li>
 * <li>{@code datalink}: for access_url only, the Datalink links URL of the ID in this column (access_format
 *     is then the DataLink MIME type);</li>
 * <li>{@code mjd}: a date or timestamp column as a Modified Julian Date (t_min, t_max);</li>
 * <li>{@code ivoid}: an IVOA identifier of the row, {@code <authority>/~?<schema>.<table>/<value of this column>}
 *     (obs_publisher_did).</li>
 * </ul>
 * Never SQL: names are checked against the table's published columns and quoted, constants are escaped.
 */
public record ObsCoreSource(String column, BigDecimal factor, Object value, String datalink, String mjd, String ivoid) {

    public static ObsCoreSource ofColumn(String column) {
        return new ObsCoreSource(column, null, null, null, null, null);
    }

    public static ObsCoreSource ofValue(Object value) {
        return new ObsCoreSource(null, null, value, null, null, null);
    }

    public static ObsCoreSource ofDatalink(String idColumn) {
        return new ObsCoreSource(null, null, null, idColumn, null, null);
    }

    /** The source column this takes values from, or null for a constant. */
    String sourceColumn() {
        return column != null ? column : datalink != null ? datalink : mjd != null ? mjd : ivoid;
    }
}
