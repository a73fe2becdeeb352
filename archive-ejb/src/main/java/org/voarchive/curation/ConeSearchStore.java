package org.voarchive.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.database.Sql;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/**
 * A table's cone search settings in the database, on one connection (the
 * admin API's and the loaders'): read, checked and completed from the table's
 * columns and rows, stored beside the table (archive.cone_searches); a change moves the table's version on.
 */
final class ConeSearchStore {

    /** The radius of a test query around one of the table's own rows, degrees. */
    private static final double TEST_RADIUS = 0.01;

    private final Connection connection;

    ConeSearchStore(Connection connection) {
        this.connection = connection;
    }

    /** The stored settings, or what enabling would store ({@code enabled} false); empty if there is no such table. */
    Optional<ConeSearchSettings> settings(String schema, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT t.version, %s
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                  LEFT JOIN archive.cone_searches cs ON cs.table_id = t.id
                 WHERE s.name = ? AND t.name = ?""".formatted(ConeSearchSettings.COLUMNS))) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int version = rs.getInt("version");
                ConeSearchSettings stored = ConeSearchSettings.read(rs);
                if (stored == null) {
                    return Optional.of(ConeSearchColumns.detected(MetadataAdmin.columns(connection, schema, table))
                        .withState(false, version));
                }
                return Optional.of(stored.withState(true, version));
            }
        }
    }

    /**
     * @param version the table's version the edit is based on, or null to apply it whatever the state
     * @return the settings as stored, empty if there is no such table
     * @throws InvalidField naming the bad setting
     * @throws VersionConflict if the table is no longer at {@code version}
     */
    Optional<ConeSearchSettings> enable(String schema, String table, ConeSearchSettings edit, Integer version)
            throws SQLException {
        if (settings(schema, table).isEmpty()) {
            return Optional.empty();
        }
        ConeSearchSettings settings = ConeSearchColumns.complete(edit, MetadataAdmin.columns(connection, schema, table));
        if (settings.testQuery() == null) {
            settings = new ConeSearchSettings(null, settings.idColumn(), settings.raColumn(), settings.decColumn(),
                settings.verb1(), settings.verb2(), settings.maxSR(), settings.maxRecords(),
                testQuery(schema, table, settings).orElse(null), null);
        }
        OptionalLong id = VersionedObject.TABLE.lock(connection, List.of(schema, table), version);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO archive.cone_searches AS cs (id_column, ra_column, dec_column, verb1, verb2, max_sr,
                       max_records, test_ra, test_dec, test_sr, table_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (table_id) DO UPDATE SET id_column = excluded.id_column, ra_column = excluded.ra_column,
                       dec_column = excluded.dec_column, verb1 = excluded.verb1, verb2 = excluded.verb2,
                       max_sr = excluded.max_sr, max_records = excluded.max_records, test_ra = excluded.test_ra,
                       test_dec = excluded.test_dec, test_sr = excluded.test_sr""")) {
            s.setString(1, settings.idColumn());
            s.setString(2, settings.raColumn());
            s.setString(3, settings.decColumn());
            s.setArray(4, connection.createArrayOf("text", settings.verb1().toArray()));
            s.setArray(5, connection.createArrayOf("text", settings.verb2().toArray()));
            s.setObject(6, settings.maxSR(), Types.DOUBLE);
            s.setObject(7, settings.maxRecords(), Types.BIGINT);
            ConeSearchSettings.TestQuery test = settings.testQuery();
            s.setObject(8, test == null ? null : test.ra(), Types.DOUBLE);
            s.setObject(9, test == null ? null : test.dec(), Types.DOUBLE);
            s.setObject(10, test == null ? null : test.sr(), Types.DOUBLE);
            s.setLong(11, id.getAsLong());
            s.executeUpdate();
        }
        return settings(schema, table);
    }

    /**
     * @param version the table's version the change is based on, or null to apply it whatever the state
     * @return false if there is no such table
     * @throws VersionConflict if the table is no longer at {@code version}
     */
    boolean disable(String schema, String table, Integer version) throws SQLException {
        OptionalLong id = VersionedObject.TABLE.lock(connection, List.of(schema, table), version);
        if (id.isEmpty()) {
            return false;
        }
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM archive.cone_searches WHERE table_id = ?")) {
            s.setLong(1, id.getAsLong());
            s.executeUpdate();
        }
        return true;
    }

    /**
     * A small cone around one of the table's rows, so the test query finds something; empty for an empty table.
     *
     * @throws InvalidField (field "testQuery") if this connection's role may not read the table: a table made
     *                      outside the archive's loaders (which grant the application role SELECT) and discovered
     */
    private Optional<ConeSearchSettings.TestQuery> testQuery(String schema, String table, ConeSearchSettings settings)
            throws SQLException {
        String ra = Sql.identifier(settings.raColumn());
        String dec = Sql.identifier(settings.decColumn());
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + ra + " AS ra, " + dec + " AS dec FROM "
                 + Sql.identifier(schema, table) + " WHERE " + ra + " BETWEEN 0 AND 360 AND " + dec + " BETWEEN -90 AND 90 LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            double sr = settings.maxSR() == null ? TEST_RADIUS : Math.min(TEST_RADIUS, settings.maxSR());
            return Optional.of(new ConeSearchSettings.TestQuery(rs.getDouble("ra"), rs.getDouble("dec"), sr));
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            // nothing was changed yet: the refusal rolls the transaction back
            throw new InvalidField("testQuery", "the archive may not read " + new org.voarchive.metadata.TableName(schema,
                table) + " to find a cone with rows in it (its loaders grant the application role SELECT; this table"
                + " was made otherwise): give the test cone's RA, Dec and radius");
        }
    }

    /** PostgreSQL's SQLSTATE for "permission denied". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
}
