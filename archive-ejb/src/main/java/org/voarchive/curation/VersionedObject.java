package org.voarchive.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.VersionConflict;

/**
 * The metadata objects that carry a version, the admin API's optimistic lock (an edit names the version it
 * read; 409 if the object moved on meanwhile), and the one place that checks and moves that version on.
 *
 * <p>A schema or a table heads an aggregate: the table's version covers its fields, credits, cone search and
 * foreign keys, the schema's its fields and credits; a column has a version of its own for its fields. Which
 * writer moves which version is the writer's business; how it is done is {@link #lock}'s alone, so that no SQL
 * elsewhere mentions {@code version}.
 *
 * <p>The aggregate is written with JDBC only: discovery and ingest write the same rows on the owner role inside
 * their DDL/COPY transaction, and the curated edits are partial updates ({@link PartialUpdate}) and jsonb, so an entity
 * model with {@code @Version} beside them would be a second write path with a second idea of the version.
 * Some writers move no version at all: discovery (facts from the database; curated text only where empty),
 * the loaders' {@link Curation} of empty units, UCDs and flags and their publishing, group grants made
 * without a version (imports; the admin API's callers that give none), and {@code TableStatistics}. The
 * columns' order is the table's: it moves the table's version. Users' personal schemas, tables and columns
 * (owner set, V30) are theirs, not the curators': they are never found here (usertables.PersonalTables edits them).
 */
public enum VersionedObject {

    /** Named by its name. */
    SCHEMA("archive.schemas", "archive.schemas o", "o.name = ? AND o.owner IS NULL", 1),
    /** Named by schema and table. */
    TABLE("archive.tables", "archive.tables o JOIN archive.schemas s ON s.id = o.schema_id",
        "s.name = ? AND o.name = ? AND o.owner IS NULL", 2),
    /** Named by schema, table and column. */
    COLUMN("archive.columns",
        "archive.columns o JOIN archive.tables t ON t.id = o.table_id JOIN archive.schemas s ON s.id = t.schema_id",
        "s.name = ? AND t.name = ? AND o.name = ? AND o.owner IS NULL", 3);

    /** The table of the objects' rows, which the changes after {@link #lock} address by id. */
    final String rows;

    /** The rows as {@code o}, with what their names need, for a {@code FROM}. */
    final String from;

    /** The condition on {@link #from} that finds one object by its names, bound by {@link #bind}. */
    final String where;

    private final int names;

    VersionedObject(String rows, String from, String where, int names) {
        this.rows = rows;
        this.from = from;
        this.where = where;
        this.names = names;
    }

    /**
     * Locks the object's row, checks that it is still at {@code expected} and moves its version (and update
     * date) on, in one statement. The row lock holds until the transaction ends: the caller applies its changes
     * after this call in the same transaction (on this connection, or another of the same JTA transaction), and
     * a concurrent editor waits, then finds the version moved on. A refused edit must roll back; the admin EJBs'
     * {@link InvalidField} and {@link VersionConflict} do.
     *
     * @param names    the schema; the schema and table; or the schema, table and column
     * @param expected the version the editor read, or null to move on whatever the state (imports, loaders)
     * @return the row's id, for the changes that follow; empty if there is no such object
     * @throws VersionConflict if the object is at another version than {@code expected} (named schema.table...,
     *                         with the version it is at)
     */
    OptionalLong lock(Connection c, List<String> names, Integer expected) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + rows
                + " SET version = version + 1, updated = now() WHERE id = (SELECT o.id FROM " + from + " WHERE " + where
                + ") AND (CAST(? AS integer) IS NULL OR version = ?) RETURNING id")) {
            int next = bind(s, names, 1);
            s.setObject(next, expected, Types.INTEGER);
            s.setObject(next + 1, expected, Types.INTEGER);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return OptionalLong.of(rs.getLong("id"));
                }
            }
        }
        // nothing updated: either there is no such object (the caller's 404) or it moved on (409)
        Optional<Integer> current = version(c, names);
        if (current.isPresent()) {
            throw new VersionConflict(String.join(".", names), current.get());
        }
        return OptionalLong.empty();
    }

    /**
     * Removes the object's row (and what the database deletes with it) if it is still at {@code expected}: the
     * {@link #lock} checks, the row goes.
     *
     * @param expected the version read, or null to remove whatever the state
     * @return false if there is no such object
     * @throws VersionConflict if the object moved on from {@code expected}
     */
    boolean delete(Connection c, List<String> names, Integer expected) throws SQLException {
        OptionalLong id = lock(c, names, expected);
        if (id.isEmpty()) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + rows + " WHERE id = ?")) {
            s.setLong(1, id.getAsLong());
            s.executeUpdate();
        }
        return true;
    }

    /**
     * The object's row id, without locking it or moving its version on: for the writers that move no version
     * (group grants without a version).
     *
     * @return empty if there is no such object
     */
    OptionalLong find(Connection c, List<String> names) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.id FROM " + from + " WHERE " + where)) {
            bind(s, names, 1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong("id")) : OptionalLong.empty();
            }
        }
    }

    /** The object's version now; empty if there is no such object. */
    private Optional<Integer> version(Connection c, List<String> names) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.version FROM " + from + " WHERE " + where)) {
            bind(s, names, 1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt("version")) : Optional.empty();
            }
        }
    }

    /**
     * Binds the names for {@link #where} from parameter {@code first} on.
     *
     * @return the next parameter's index
     */
    int bind(PreparedStatement s, List<String> names, int first) throws SQLException {
        if (names.size() != this.names) {
            throw new IllegalArgumentException(this + " is named by " + this.names + " names, not " + names);
        }
        for (int i = 0; i < names.size(); i++) {
            s.setString(first + i, names.get(i));
        }
        return first + names.size();
    }
}
