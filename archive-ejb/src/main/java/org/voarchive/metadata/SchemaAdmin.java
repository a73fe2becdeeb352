package org.voarchive.metadata;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voarchive.database.DataSources;

/** The admin API's operations on schemas' curated metadata (schemas themselves come from discovery and ingest). */
@Stateless
public class SchemaAdmin {

    private static final String SELECT = """
        SELECT name, title, description, long_description, utype, doi, license_spdx, license_label, license_url,
               published, data_access, metadata_access, version
          FROM archive.schemas
        """;

    @EJB
    private DataSources dataSources;

    public List<SchemaRecord> schemas() throws SQLException {
        List<SchemaRecord> schemas = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                schemas.add(record(rs));
            }
        }
        return schemas;
    }

    public Optional<SchemaRecord> schema(String name) throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static SchemaRecord record(ResultSet rs) throws SQLException {
        return new SchemaRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11),
            rs.getString(12), rs.getInt(13));
    }

    /**
     * Applies the non-null fields of {@code edit} if the schema is still at {@code edit.version()}.
     *
     * @return the schema after the edit, empty if there is no such schema
     * @throws InvalidField for a bad value, naming the field
     * @throws VersionConflict if someone else changed the schema in between
     */
    public Optional<SchemaRecord> update(String name, SchemaRecord edit) throws SQLException {
        DescriptiveFields.check(edit.version(), edit.dataAccess(), edit.metadataAccess(), edit.doi(), edit.licenseUrl(),
            edit.title(), edit.utype(), edit.licenseLabel());
        if (edit.name() != null) {
            throw new InvalidField("name", "cannot be edited (names come from the database)");
        }
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE archive.schemas
                   SET title = COALESCE(?, title), description = COALESCE(?, description),
                       long_description = COALESCE(?, long_description), utype = COALESCE(?, utype),
                       doi = COALESCE(?, doi), license_spdx = COALESCE(?, license_spdx),
                       license_label = COALESCE(?, license_label), license_url = COALESCE(?, license_url),
                       published = COALESCE(?, published), data_access = COALESCE(?, data_access),
                       metadata_access = COALESCE(?, metadata_access), version = version + 1, updated = now()
                 WHERE name = ? AND version = ?""")) {
            Object[] values = {edit.title(), edit.description(), edit.longDescription(), edit.utype(), edit.doi(),
                edit.licenseSpdx(), edit.licenseLabel(), edit.licenseUrl(), edit.published(), edit.dataAccess(),
                edit.metadataAccess(), name, edit.version()};
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            if (s.executeUpdate() == 0) {
                Optional<SchemaRecord> current = schema(name);
                if (current.isPresent()) {
                    throw new VersionConflict(name, current.get().version());
                }
                return Optional.empty();
            }
        }
        return schema(name);
    }

    /**
     * Removes a schema's metadata with all its tables'; the data stay in the database.
     *
     * @param version the version read, or null to delete whatever the state
     * @return false if there is no such schema
     * @throws VersionConflict if the schema moved on from {@code version}
     */
    public boolean delete(String name, Integer version) throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM archive.schemas WHERE name = ? AND (? OR version = ?)")) {
            s.setString(1, name);
            s.setBoolean(2, version == null);
            s.setInt(3, version == null ? 0 : version);
            if (s.executeUpdate() == 1) {
                return true;
            }
        }
        Optional<SchemaRecord> current = schema(name);
        if (current.isPresent()) {
            throw new VersionConflict(name, current.get().version());
        }
        return false;
    }
}
