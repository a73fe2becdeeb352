package org.voarchive.curation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/**
 * The admin API's cone search settings of a table: enabled, changed and
 * disabled under the table's version (optimistic locking), as one transaction.
 */
@Stateless
public class ConeSearchAdmin {

    @EJB
    private DataSources dataSources;

    /** The stored settings, or what enabling would store ({@code enabled} false); empty if there is no such table. */
    public Optional<ConeSearchSettings> settings(String schema, String table) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return new ConeSearchStore(c).settings(schema, table);
        }
    }

    /**
     * Enables the cone search, or replaces its settings, if the table is still at {@code edit.version()}
     * (unless {@code checkVersion} is false, as for imports). Settings left out are found from the
     * columns' UCDs, the principal columns and the table's rows.
     *
     * @return the settings as stored, empty if there is no such table
     * @throws InvalidField naming the bad setting
     * @throws VersionConflict if someone else changed the table in between
     */
    public Optional<ConeSearchSettings> enable(String schema, String table, ConeSearchSettings edit, boolean checkVersion)
            throws SQLException {
        if (edit == null) {
            throw new InvalidField("coneSearch", "a JSON object with the settings (all optional) and the version is required");
        }
        if (checkVersion && edit.version() == null) {
            throw new InvalidField("version", "the table's version read is required (optimistic locking)");
        }
        try (Connection c = dataSources.app().getConnection()) {
            return new ConeSearchStore(c).enable(schema, table, edit, checkVersion ? edit.version() : null);
        }
    }

    /**
     * @param version the table's version read, or null whatever the state
     * @return false if there is no such table
     */
    public boolean disable(String schema, String table, Integer version) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return new ConeSearchStore(c).disable(schema, table, version);
        }
    }
}
