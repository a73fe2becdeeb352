package org.voarchive.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.TableName;

/**
 * Curated metadata that a loader knows about its data: units, UCDs, principal
 * columns, and publication. Fills only what is still empty, so an operator's
 * edits survive reloads. Runs in the caller's transaction: the cone search and the DOI move the table's
 * version on ({@link VersionedObject}), and the lock and the change must commit together. Filling an
 * empty unit, UCD or flag, and publishing, move no version, as discovery does not.
 */
public final class Curation {

    private final Connection connection;

    public Curation(Connection connection) {
        this.connection = connection;
    }

    public void describeColumn(String schema, String table, String column, String unit, String ucd, boolean principal)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                UPDATE archive.columns c
                   SET unit = COALESCE(c.unit, ?), ucd = COALESCE(c.ucd, ?), principal = c.principal OR ?, updated = now()
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE c.table_id = t.id AND s.name = ? AND t.name = ? AND c.name = ?""")) {
            s.setString(1, unit);
            s.setString(2, ucd);
            s.setBoolean(3, principal);
            s.setString(4, schema);
            s.setString(5, table);
            s.setString(6, column);
            if (s.executeUpdate() != 1) {
                throw new SQLException("no metadata for column " + new TableName(schema, table) + "." + column
                    + ": discover it first");
            }
        }
    }

    /** Publishes the schema and the named table (both must be in the metadata). */
    public void publish(String schema, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE archive.schemas SET published = true, updated = now() WHERE name = ? AND NOT published")) {
            s.setString(1, schema);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("""
                UPDATE archive.tables t SET published = true, updated = now()
                  FROM archive.schemas s WHERE s.id = t.schema_id AND s.name = ? AND t.name = ?""")) {
            s.setString(1, schema);
            s.setString(2, table);
            if (s.executeUpdate() != 1) {
                throw new SQLException("no metadata for table " + new TableName(schema, table) + ": discover it first");
            }
        }
    }

    /** Offers the table as a cone search with the settings its columns suggest, unless it has one already. */
    public void enableConeSearch(String schema, String table) throws SQLException {
        ConeSearchStore store = new ConeSearchStore(connection);
        ConeSearchSettings current = store.settings(schema, table).orElseThrow(() -> new SQLException(
            "no metadata for table " + new TableName(schema, table) + ": discover it first"));
        if (!current.enabled()) {
            store.enable(schema, table, new ConeSearchSettings(null, null, null, null, null, null, null, null, null, null),
                null);
        }
    }

    /** Marks a column as holding Datalink IDs, so query results with it carry a {links} service descriptor. */
    public void flagDatalinkColumn(String schema, String table, String column) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                UPDATE archive.columns c SET datalink = true, updated = now()
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE c.table_id = t.id AND s.name = ? AND t.name = ? AND c.name = ? AND NOT c.datalink""")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, column);
            s.executeUpdate();
        }
    }

    /**
     * Gives the table a DOI, unless it has one; a DOI is the table's curated metadata, so setting one moves the
     * table's version on, while a reload that finds the DOI there changes nothing.
     */
    public void setDoi(String schema, String table, String doi) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT 1 FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = ? AND t.name = ? AND t.doi IS NULL""")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
            }
        }
        OptionalLong id = VersionedObject.TABLE.lock(connection, List.of(schema, table), null);
        if (id.isPresent()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE archive.tables SET doi = ? WHERE id = ? AND doi IS NULL")) {
                s.setString(1, doi);
                s.setLong(2, id.getAsLong());
                s.executeUpdate();
            }
        }
    }
}
