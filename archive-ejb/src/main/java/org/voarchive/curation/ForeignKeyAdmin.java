package org.voarchive.curation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.TableName;
import org.voarchive.metadata.VersionConflict;

/**
 * The admin API's foreign keys of a table: listed, declared or replaced, and
 * removed, versioned with the table (a key change moves its version on, 409
 * for a stale one), each change one transaction. A declared or edited key is
 * curated: discovery no longer replaces it.
 */
@Stateless
public class ForeignKeyAdmin {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    @EJB
    private DataSources dataSources;

    /** A table of the metadata as a key refers to it: by its row, with its version. */
    private record KeyTable(TableName name, long id, int version) {
    }

    /** @return empty if there is no such table */
    public Optional<List<ForeignKeyRecord>> keys(String schema, String table) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            Optional<KeyTable> found = table(c, new TableName(schema, table));
            return found.isEmpty() ? Optional.empty() : Optional.of(keys(c, found.get()));
        }
    }

    /** The table's keys by key id, each with the table's version. */
    private static List<ForeignKeyRecord> keys(Connection c, KeyTable table) throws SQLException {
        List<ForeignKeyRecord> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT k.key_id, ts.name AS target_schema, tt.name AS target_table, k.description, k.utype, k.curated,
                       ARRAY(SELECT from_column FROM archive.foreign_key_columns
                              WHERE foreign_key_id = k.id ORDER BY position) AS from_columns,
                       ARRAY(SELECT target_column FROM archive.foreign_key_columns
                              WHERE foreign_key_id = k.id ORDER BY position) AS target_columns
                  FROM archive.foreign_keys k JOIN archive.tables tt ON tt.id = k.target_table_id
                  JOIN archive.schemas ts ON ts.id = tt.schema_id
                 WHERE k.from_table_id = ? ORDER BY k.key_id""")) {
            s.setLong(1, table.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String[] from = (String[]) rs.getArray("from_columns").getArray();
                    String[] target = (String[]) rs.getArray("target_columns").getArray();
                    List<ForeignKeyRecord.ColumnPair> pairs = new ArrayList<>();
                    for (int i = 0; i < from.length; i++) {
                        pairs.add(new ForeignKeyRecord.ColumnPair(from[i], target[i]));
                    }
                    keys.add(new ForeignKeyRecord(rs.getString("key_id"),
                        new TableName(rs.getString("target_schema"), rs.getString("target_table")).toString(), pairs,
                        rs.getString("description"), rs.getString("utype"), rs.getBoolean("curated"), table.version()));
                }
            }
        }
        return keys;
    }

    /**
     * Declares the key, or replaces it, if the table is still at {@code edit.version()}.
     *
     * @return the table's keys as stored; empty if there is no such table
     * @throws InvalidField naming the bad field ({@code columns[1].target} ...)
     * @throws VersionConflict if the table changed meanwhile
     */
    public Optional<List<ForeignKeyRecord>> put(String schema, String table, String keyId, ForeignKeyRecord edit)
            throws SQLException {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new InvalidField("keyId", "a key id is 1 to 200 letters, digits and _ . : -");
        }
        if (edit == null) {
            throw new InvalidField("key", "a JSON object with targetTable, columns and the table's version is required");
        }
        if (edit.version() == null) {
            throw new InvalidField("version", "the table's version read is required (optimistic locking)");
        }
        Optional<TableName> targetName = TableName.parse(edit.targetTable());
        if (targetName.isEmpty()) {
            throw new InvalidField("targetTable", "the target table is required, as schema.table");
        }
        if (edit.columns() == null || edit.columns().isEmpty()) {
            throw new InvalidField("columns", "at least one column pair {from, target} is required");
        }
        try (Connection c = dataSources.app().getConnection()) {
            Optional<KeyTable> found = table(c, new TableName(schema, table));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            KeyTable from = found.get();
            KeyTable target = table(c, targetName.get()).orElseThrow(() -> new InvalidField("targetTable",
                "no table " + edit.targetTable() + " in the metadata"));
            Map<String, String> fromTypes = columnTypes(c, from.id());
            Map<String, String> targetTypes = columnTypes(c, target.id());
            List<String> fromColumns = new ArrayList<>();
            List<String> targetColumns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < edit.columns().size(); i++) {
                ForeignKeyRecord.ColumnPair p = edit.columns().get(i);
                String at = "columns[" + i + "]";
                String f = p == null || p.from() == null ? null : fromTypes.get(p.from());
                if (f == null) {
                    throw new InvalidField(at + ".from", "no column " + (p == null ? null : p.from()) + " in "
                        + from.name());
                }
                String t = p.target() == null ? null : targetTypes.get(p.target());
                if (t == null) {
                    throw new InvalidField(at + ".target", "no column " + p.target() + " in " + target.name());
                }
                if (!seen.add(p.from())) {
                    throw new InvalidField(at + ".from", p.from() + " is in the key twice");
                }
                if (!f.equals(t)) {
                    throw new InvalidField(at, p.from() + " (" + f + ") cannot refer to " + p.target() + " (" + t
                        + "): the datatypes differ");
                }
                fromColumns.add(p.from());
                targetColumns.add(p.target());
            }
            OptionalLong owner = fromTableOf(c, keyId);
            if (owner.isPresent() && owner.getAsLong() != from.id()) {
                throw new InvalidField("keyId", "the key id " + keyId + " is taken by another table's key");
            }
            if (VersionedObject.TABLE.lock(c, List.of(schema, table), edit.version()).isEmpty()) {
                return Optional.empty();
            }
            // replaced as a whole, column pairs with it (ON DELETE CASCADE), and curated: an operator said it
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.foreign_keys WHERE key_id = ?")) {
                s.setString(1, keyId);
                s.executeUpdate();
            }
            insert(c, keyId, from.id(), target.id(), blankToNull(edit.utype()), blankToNull(edit.description()), true,
                fromColumns, targetColumns);
            return Optional.of(keys(c, table(c, new TableName(schema, table)).orElseThrow()));
        }
    }

    /**
     * @param version the table's version read
     * @return false if there is no such table or key
     */
    public boolean delete(String schema, String table, String keyId, Integer version) throws SQLException {
        if (version == null) {
            throw new InvalidField("version", "the table's version read is required (?version=)");
        }
        try (Connection c = dataSources.app().getConnection()) {
            Optional<KeyTable> from = table(c, new TableName(schema, table));
            OptionalLong owner = fromTableOf(c, keyId);
            if (from.isEmpty() || owner.isEmpty() || owner.getAsLong() != from.get().id()) {
                return false;
            }
            if (VersionedObject.TABLE.lock(c, List.of(schema, table), version).isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM archive.foreign_keys WHERE key_id = ? AND from_table_id = ?")) {
                s.setString(1, keyId);
                s.setLong(2, from.get().id());
                s.executeUpdate();
            }
            return true;
        }
    }

    /**
     * Stores a key with its column pairs in order (archive.foreign_keys, foreign_key_columns): an operator's
     * (curated) here, and the database's as discovery reads them.
     */
    static void insert(Connection c, String keyId, long fromTableId, long targetTableId, String utype,
                       String description, boolean curated, List<String> fromColumns, List<String> targetColumns)
            throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.foreign_keys (key_id, from_table_id, target_table_id, utype, description, curated)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")) {
            s.setString(1, keyId);
            s.setLong(2, fromTableId);
            s.setLong(3, targetTableId);
            s.setString(4, utype);
            s.setString(5, description);
            s.setBoolean(6, curated);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong("id");
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO archive.foreign_key_columns (foreign_key_id, position, from_column, target_column)
                VALUES (?, ?, ?, ?)""")) {
            for (int i = 0; i < fromColumns.size(); i++) {
                s.setLong(1, id);
                s.setInt(2, i + 1);
                s.setString(3, fromColumns.get(i));
                s.setString(4, targetColumns.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Optional<KeyTable> table(Connection c, TableName name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.id, t.version FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = ? AND t.name = ?""")) {
            s.setString(1, name.schema());
            s.setString(2, name.table());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new KeyTable(name, rs.getLong("id"), rs.getInt("version")))
                    : Optional.empty();
            }
        }
    }

    /** The table's columns' VOTable types by name ({@code int}, {@code char[*]}): what a key's two sides must share. */
    private static Map<String, String> columnTypes(Connection c, long tableId) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, datatype, arraysize FROM archive.columns WHERE table_id = ?")) {
            s.setLong(1, tableId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String arraysize = rs.getString("arraysize");
                    types.put(rs.getString("name"), rs.getString("datatype") + (arraysize == null ? "" : "[" + arraysize + "]"));
                }
            }
        }
        return types;
    }

    /** The id of the table whose key has this id; empty if no key has it. */
    private static OptionalLong fromTableOf(Connection c, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT from_table_id FROM archive.foreign_keys WHERE key_id = ?")) {
            s.setString(1, keyId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong("from_table_id")) : OptionalLong.empty();
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
