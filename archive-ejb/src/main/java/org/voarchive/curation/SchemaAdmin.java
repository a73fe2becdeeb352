package org.voarchive.curation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/** The admin API's operations on schemas' curated metadata (schemas themselves come from discovery and ingest). */
@Stateless
public class SchemaAdmin {

    private static final String SELECT = """
        SELECT name, title, description, long_description, utype, doi, license_spdx, license_label, license_url,
               published, data_access, metadata_access, version
          FROM archive.schemas
         WHERE owner IS NULL
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
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(SELECT + " AND name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static SchemaRecord record(ResultSet rs) throws SQLException {
        return new SchemaRecord(rs.getString("name"), rs.getString("title"), rs.getString("description"),
            rs.getString("long_description"), rs.getString("utype"), rs.getString("doi"), rs.getString("license_spdx"),
            rs.getString("license_label"), rs.getString("license_url"), rs.getBoolean("published"),
            rs.getString("data_access"), rs.getString("metadata_access"), rs.getInt("version"));
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
        try (Connection c = dataSources.app().getConnection()) {
            OptionalLong id = VersionedObject.SCHEMA.lock(c, List.of(name), edit.version());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            DescriptiveFields.update(c, VersionedObject.SCHEMA, id.getAsLong(), edit.title(), edit.description(),
                edit.longDescription(), edit.utype(), edit.doi(), edit.licenseSpdx(), edit.licenseLabel(),
                edit.licenseUrl(), edit.published(), edit.dataAccess(), edit.metadataAccess());
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
        try (Connection c = dataSources.app().getConnection()) {
            return VersionedObject.SCHEMA.delete(c, List.of(name), version);
        }
    }
}
