package org.voarchive.curation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.Caller;
import org.voarchive.metadata.ExampleCheck;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.PublishedMetadataCache;
import org.voarchive.metadata.VersionConflict;

/**
 * The admin API's DALI examples of the TAP service (archive.examples, V23):
 * listed, added or replaced with optimistic locking, and removed. An example
 * is stored only if its query checks against the published metadata
 * anonymous callers see ({@link ExampleCheck}): /tap/examples is public.
 * Written with JDBC through {@link #store}, which the demo loader (a command-line
 * tool, without the server's persistence unit) uses too: one write path.
 */
@Stateless
public class ExampleAdmin {

    private static final String SELECT = "SELECT " + ExampleRecord.COLUMNS + " FROM archive.examples";

    @EJB
    DataSources dataSources;

    @Inject
    PublishedMetadataCache metadata;

    public List<ExampleRecord> examples() throws SQLException {
        List<ExampleRecord> examples = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY position, name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                examples.add(ExampleRecord.read(rs));
            }
        }
        return examples;
    }

    public Optional<ExampleRecord> example(String name) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return find(c, name, false);
        }
    }

    /**
     * Adds the example ({@code edit.version()} absent) or replaces it (the version read).
     *
     * @param checkVersion false for imports, which are authoritative
     * @throws org.voarchive.metadata.InvalidField naming the bad field (an ADQL error with its line and column)
     * @throws VersionConflict if someone else changed it in between
     */
    public ExampleRecord put(String name, ExampleRecord edit, boolean checkVersion) throws SQLException {
        ExampleRecord checked = ExampleCheck.check(name, edit, metadata.get(Caller.ANONYMOUS));
        try (Connection c = dataSources.app().getConnection()) {
            Integer current = find(c, name, true).map(ExampleRecord::version).orElse(null);
            if (checkVersion) {
                NamedVersions.checkPut("example", name, current, edit.version());
            }
            // an addition that meets one made meanwhile is the conflict a replacement would have been
            if (!store(c, checked, current != null)) {
                throw new VersionConflict("example " + name, find(c, name, false).map(ExampleRecord::version).orElse(-1));
            }
            return find(c, name, false).orElseThrow();
        }
    }

    /** @return false if there is no such example */
    public boolean delete(String name, Integer version) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            Integer current = version == null ? null : find(c, name, true).map(ExampleRecord::version).orElse(null);
            if (!NamedVersions.checkDelete("example", name, current, version)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.examples WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            return true;
        }
    }

    /**
     * The one write of a checked example: added at version 1, or, with {@code replace}, replacing the one of the
     * same name (its version moves on).
     *
     * @return false if an example of that name exists and {@code replace} is false
     */
    public static boolean store(Connection c, ExampleRecord checked, boolean replace) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.examples (name, title, description, query, tables, upload, position, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (name) DO\s""" + (replace ? """
                UPDATE SET title = excluded.title, description = excluded.description, query = excluded.query,
                    tables = excluded.tables, upload = excluded.upload, position = excluded.position, updated = now(),
                    version = archive.examples.version + 1""" : "NOTHING"))) {
            s.setString(1, checked.name());
            s.setString(2, checked.title());
            s.setString(3, checked.description());
            s.setString(4, checked.query());
            // one qualified table name a line: the column is text
            s.setString(5, String.join("\n", checked.tables()));
            s.setString(6, checked.upload());
            s.setInt(7, checked.position());
            return s.executeUpdate() == 1;
        }
    }

    /** @param lock whether to hold the row until the transaction ends (a put or delete decides on it) */
    private static Optional<ExampleRecord> find(Connection c, String name, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE name = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(ExampleRecord.read(rs)) : Optional.empty();
            }
        }
    }
}
