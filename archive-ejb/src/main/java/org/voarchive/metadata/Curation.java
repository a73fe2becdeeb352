package org.voarchive.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Curated metadata that a loader knows about its data: units, UCDs, principal
 * columns, and publication. Fills only what is still empty, so an operator's
 * edits survive reloads.
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
                throw new SQLException("no metadata for column " + schema + "." + table + "." + column + ": discover it first");
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
                throw new SQLException("no metadata for table " + schema + "." + table + ": discover it first");
            }
        }
    }

    /** Offers the table as a cone search with the settings its columns suggest, unless it has one already. */
    public void enableConeSearch(String schema, String table) throws SQLException {
        ConeSearchStore store = new ConeSearchStore(connection);
        ConeSearchSettings current = store.settings(schema, table).orElseThrow(() -> new SQLException(
            "no metadata for table " + schema + "." + table + ": discover it first"));
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

    /** Gives the table a DOI, unless it has one. */
    public void setDoi(String schema, String table, String doi) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                UPDATE archive.tables t SET doi = ?, version = t.version + 1, updated = now()
                  FROM archive.schemas s WHERE s.id = t.schema_id AND s.name = ? AND t.name = ? AND t.doi IS NULL""")) {
            s.setString(1, doi);
            s.setString(2, schema);
            s.setString(3, table);
            s.executeUpdate();
        }
    }
}
