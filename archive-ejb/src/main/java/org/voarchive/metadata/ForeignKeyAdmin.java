package org.voarchive.metadata;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.voarchive.database.DataSources;
import org.voarchive.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;

/**
 * The admin API's foreign keys of a table: listed, declared or replaced, and
 * removed, versioned with the table (a key change moves its version on, 409
 * for a stale one), each change one (container) transaction. A declared or edited key is
 * curated: discovery no longer replaces it.
 */
@Stateless
public class ForeignKeyAdmin {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    @EJB
    private DataSources dataSources;

    @Resource
    private SessionContext context;

    /**
     * The work in the container's transaction (the app pool's connections take part in it): invalid fields
     * and conflicts roll it back as application exceptions, and so does a database failure here.
     */
    private <T> T inContainerTransaction(Transactions.Work<T> work) throws SQLException {
        try {
            return work.run();
        } catch (SQLException e) {
            context.setRollbackOnly();
            throw e;
        }
    }

    /** @return empty if there is no such table */
    public Optional<List<ForeignKeyRecord>> keys(String schema, String table) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return keys(c, schema, table);
        }
    }

    private static Optional<List<ForeignKeyRecord>> keys(Connection c, String schema, String table) throws SQLException {
        Optional<long[]> t = table(c, schema, table);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<ForeignKeyRecord> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT k.key_id, ts.name || '.' || tt.name, k.description, k.utype, k.curated,
                       ARRAY(SELECT from_column FROM archive.foreign_key_columns WHERE foreign_key_id = k.id ORDER BY position),
                       ARRAY(SELECT target_column FROM archive.foreign_key_columns WHERE foreign_key_id = k.id ORDER BY position)
                  FROM archive.foreign_keys k JOIN archive.tables tt ON tt.id = k.target_table_id
                  JOIN archive.schemas ts ON ts.id = tt.schema_id
                 WHERE k.from_table_id = ? ORDER BY k.key_id""")) {
            s.setLong(1, t.get()[0]);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String[] from = (String[]) rs.getArray(6).getArray();
                    String[] to = (String[]) rs.getArray(7).getArray();
                    List<ForeignKeyRecord.ColumnPair> pairs = new ArrayList<>();
                    for (int i = 0; i < from.length; i++) {
                        pairs.add(new ForeignKeyRecord.ColumnPair(from[i], to[i]));
                    }
                    keys.add(new ForeignKeyRecord(rs.getString(1), rs.getString(2), pairs, rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), (int) t.get()[1]));
                }
            }
        }
        return Optional.of(keys);
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
        if (edit.targetTable() == null || !edit.targetTable().contains(".")) {
            throw new InvalidField("targetTable", "the target table is required, as schema.table");
        }
        if (edit.columns() == null || edit.columns().isEmpty()) {
            throw new InvalidField("columns", "at least one column pair {from, target} is required");
        }
        try (Connection c = dataSources.app().getConnection()) {
            boolean found = inContainerTransaction(() -> {
                Optional<long[]> from = table(c, schema, table);
                if (from.isEmpty()) {
                    return false;
                }
                String[] target = edit.targetTable().split("\\.", 2);
                long targetId = table(c, target[0], target[1]).orElseThrow(() -> new InvalidField("targetTable",
                    "no table " + edit.targetTable() + " in the metadata"))[0];
                Map<String, String> fromTypes = columnTypes(c, from.get()[0]);
                Map<String, String> targetTypes = columnTypes(c, targetId);
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < edit.columns().size(); i++) {
                    ForeignKeyRecord.ColumnPair p = edit.columns().get(i);
                    String at = "columns[" + i + "]";
                    if (p == null || p.from() == null || !fromTypes.containsKey(p.from())) {
                        throw new InvalidField(at + ".from", "no column " + (p == null ? null : p.from()) + " in "
                            + schema + "." + table);
                    }
                    if (p.target() == null || !targetTypes.containsKey(p.target())) {
                        throw new InvalidField(at + ".target", "no column " + p.target() + " in " + edit.targetTable());
                    }
                    if (!seen.add(p.from())) {
                        throw new InvalidField(at + ".from", p.from() + " is in the key twice");
                    }
                    if (!fromTypes.get(p.from()).equals(targetTypes.get(p.target()))) {
                        throw new InvalidField(at, p.from() + " (" + fromTypes.get(p.from()) + ") cannot refer to "
                            + p.target() + " (" + targetTypes.get(p.target()) + "): the datatypes differ");
                    }
                }
                try (PreparedStatement owner = c.prepareStatement(
                        "SELECT from_table_id FROM archive.foreign_keys WHERE key_id = ?")) {
                    owner.setString(1, keyId);
                    try (ResultSet rs = owner.executeQuery()) {
                        if (rs.next() && rs.getLong(1) != from.get()[0]) {
                            throw new InvalidField("keyId", "the key id " + keyId + " is taken by another table's key");
                        }
                    }
                }
                bumpVersion(c, schema, table, edit.version());
                delete(c, keyId);
                long id;
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO archive.foreign_keys (key_id, from_table_id, target_table_id, utype, description, curated)
                        VALUES (?, ?, ?, ?, ?, true) RETURNING id""")) {
                    s.setString(1, keyId);
                    s.setLong(2, from.get()[0]);
                    s.setLong(3, targetId);
                    s.setString(4, blankToNull(edit.utype()));
                    s.setString(5, blankToNull(edit.description()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO archive.foreign_key_columns"
                        + " (foreign_key_id, position, from_column, target_column) VALUES (?, ?, ?, ?)")) {
                    for (int i = 0; i < edit.columns().size(); i++) {
                        s.setLong(1, id);
                        s.setInt(2, i + 1);
                        s.setString(3, edit.columns().get(i).from());
                        s.setString(4, edit.columns().get(i).target());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return true;
            });
            return found ? keys(c, schema, table) : Optional.empty();
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
            return inContainerTransaction(() -> {
                Optional<long[]> from = table(c, schema, table);
                if (from.isEmpty() || !belongs(c, keyId, from.get()[0])) {
                    return false;
                }
                bumpVersion(c, schema, table, version);
                return delete(c, keyId) > 0;
            });
        }
    }

    private static boolean belongs(Connection c, String keyId, long tableId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM archive.foreign_keys WHERE key_id = ? AND from_table_id = ?")) {
            s.setString(1, keyId);
            s.setLong(2, tableId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int delete(Connection c, String keyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.foreign_keys WHERE key_id = ?")) {
            s.setString(1, keyId);
            return s.executeUpdate();
        }
    }

    /** @return the table's id and version */
    private static Optional<long[]> table(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.id, t.version FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = ? AND t.name = ?""")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    private static Map<String, String> columnTypes(Connection c, long tableId) throws SQLException {
        Map<String, String> types = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, datatype || coalesce('[' || arraysize || ']', '') FROM archive.columns WHERE table_id = ?")) {
            s.setLong(1, tableId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return types;
    }

    /** Moves the table's version on (its keys are part of it), if it is still at {@code version}. */
    private static void bumpVersion(Connection c, String schema, String table, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE archive.tables t SET version = t.version + 1, updated = now() FROM archive.schemas s
                 WHERE s.id = t.schema_id AND s.name = ? AND t.name = ? AND t.version = ? RETURNING t.id""")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setInt(3, version);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new VersionConflict(schema + "." + table, (int) table(c, schema, table).orElseThrow()[1]);
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
