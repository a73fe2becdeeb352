package org.voarchive.metadata;

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

    ConeSearchSettings withState(boolean isEnabled, Integer tableVersion) {
        return new ConeSearchSettings(isEnabled, idColumn, raColumn, decColumn, verb1, verb2, maxSR, maxRecords,
            testQuery, tableVersion);
    }
}
