package org.voarchive.metadata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * How a table is offered as a Simple Cone Search: the columns holding the ID
 * and the ICRS position, the columns of VERB=1 and VERB=2 (the ID, RA and Dec
 * always come too; VERB=3 is every column), the largest radius and result, and
 * a query known to find something. Stored beside the table and versioned with it.
 *
 * @param enabled    in the admin API's answers: whether the table has a cone search (a disabled one shows
 *                   what enabling would store); ignored in edits
 * @param verb1      extra columns at VERB=1; in an edit, null means none
 * @param verb2      extra columns at VERB=2 (the default verbosity); in an edit, null means the principal columns
 * @param maxSR      degrees; null: no limit beyond the whole sky
 * @param maxRecords null: TAP's default MAXREC
 * @param testQuery  null in an edit: a position taken from the table's own rows
 * @param version    the table's version (optimistic locking, as for every table edit)
 */
public record ConeSearchSettings(Boolean enabled, String idColumn, String raColumn, String decColumn,
                                 List<String> verb1, List<String> verb2, Double maxSR, Long maxRecords,
                                 TestQuery testQuery, Integer version) {

    /** A cone with at least one row in it (SimpleDALRegExt's {@code cs:Query}). */
    public record TestQuery(double ra, double dec, double sr) {
    }

    /** These settings as the admin API shows them: whether the table has a cone search, and the table's version. */
    public ConeSearchSettings withState(boolean isEnabled, Integer tableVersion) {
        return new ConeSearchSettings(isEnabled, idColumn, raColumn, decColumn, verb1, verb2, maxSR, maxRecords,
            testQuery, tableVersion);
    }

    /** The columns of archive.cone_searches (alias cs) that {@link #read} takes. */
    public static final String COLUMNS = "cs.id_column, cs.ra_column, cs.dec_column, cs.verb1, cs.verb2, cs.max_sr, "
        + "cs.max_records, cs.test_ra, cs.test_dec, cs.test_sr";

    /**
     * The settings in {@link #COLUMNS}, read by their names (the query must have no other columns of those names);
     * null where the table has no cone search.
     */
    public static ConeSearchSettings read(ResultSet rs) throws SQLException {
        String idColumn = rs.getString("id_column");
        if (idColumn == null) {
            return null;
        }
        Double testRa = (Double) rs.getObject("test_ra");
        return new ConeSearchSettings(null, idColumn, rs.getString("ra_column"), rs.getString("dec_column"),
            List.of((String[]) rs.getArray("verb1").getArray()), List.of((String[]) rs.getArray("verb2").getArray()),
            (Double) rs.getObject("max_sr"), (Long) rs.getObject("max_records"),
            testRa == null ? null : new TestQuery(testRa, rs.getDouble("test_dec"), rs.getDouble("test_sr")),
            null);
    }
}
