package org.voarchive.curation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.adql.check.ValueType;
import org.voarchive.metadata.DatabaseTypes;
import org.voarchive.metadata.InvalidField;

/**
 * Imports or refreshes the metadata of a schema, or of one of its tables, from the PostgreSQL catalogue:
 * tables and views, columns with their VOTable types, indexes, foreign keys,
 * row counts and sizes. Types, counts and keys are facts and are refreshed;
 * descriptions are taken from COMMENTs only where the metadata has none, so
 * curated text is never overwritten; nor is the columns' curated order (a column new to the metadata comes
 * last). Objects gone from the database leave the
 * metadata. Runs in the caller's transaction on the owner role.
 *
 * <p>It also reads what the back office shows before and after a discovery: the schemas and tables the
 * metadata does not describe yet ({@link #undescribed}), and how the database differs from what the last
 * discovery recorded ({@link #changes}), read from the catalogue as discovery reads it.
 */
public final class MetadataDiscovery {

    /** What a discovery did. */
    public record Result(String schema, int tables, int columns, int foreignKeys, int tablesRemoved) {
    }

    /**
     * A schema of the database with what the metadata does not describe of it.
     *
     * @param described whether the metadata has the schema (with some of its tables, or none)
     * @param tables    its tables and views the metadata does not describe, by name
     */
    public record Undescribed(String schema, boolean described, List<String> tables) {
    }

    /** What a difference between the database and the metadata is. */
    public enum ChangeKind {
        /** A table or view of the database the metadata does not describe. */
        TABLE_ADDED,
        /** A table the metadata describes that the database no longer has. */
        TABLE_REMOVED,
        COLUMN_ADDED,
        COLUMN_REMOVED,
        /** The column's VOTable type (datatype, arraysize, xtype) from its database type is not the recorded one. */
        TYPE_CHANGED,
        /** The column gained or lost the index that makes it "indexed" in TAP_SCHEMA. */
        INDEX_CHANGED
    }

    /**
     * One difference between the database now and the metadata (what the last discovery recorded), which the
     * next discovery of the schema applies.
     *
     * @param column   null for a table's own change
     * @param database what the database has (a type, "indexed"), or null
     * @param metadata what the metadata has, or null
     */
    public record Change(String table, String column, ChangeKind kind, String database, String metadata) {
    }

    /** A column's facts that discovery records: its VOTable type and whether it leads an index. */
    record ColumnFacts(ValueType type, boolean indexed) {

        /** The type as the back office shows it: {@code double}, {@code unicodeChar[8*]}, {@code double[2] (point)}. */
        String typeText() {
            return type.datatype() + (type.arraysize() == null ? "" : "[" + type.arraysize() + "]")
                + (type.xtype() == null ? "" : " (" + type.xtype() + ")");
        }
    }

    /** The kinds of relation discovery describes: tables, views, materialised views, partitioned tables. */
    private static final String RELATION_KINDS = "('r', 'v', 'm', 'p')";

    private final Connection connection;

    public MetadataDiscovery(Connection connection) {
        this.connection = connection;
    }

    /** @throws InvalidField (field "schema") for a schema that is not the archive's to publish, or does not exist */
    public Result discover(String schema) throws SQLException {
        return discover(schema, null);
    }

    /**
     * Discovers one table or view of a schema (the schema's metadata is made if it has none); the schema's
     * other tables stay as they are, described or not.
     *
     * @param table null for the whole schema (tables gone from the database then leave the metadata)
     * @throws InvalidField (field "schema" or "table") for a schema that is not the archive's to publish, or
     *                      a schema or table that does not exist
     */
    public Result discover(String schema, String table) throws SQLException {
        refuseSystemSchema(schema);
        if (!exists(schema)) {
            throw new InvalidField("schema", "there is no schema " + schema + " in the database (names are case-sensitive)");
        }
        List<Relation> relations = relations(schema, table);
        if (table != null && relations.isEmpty()) {
            throw new InvalidField("table", "there is no table or view " + table + " in the schema " + schema
                + " of the database (names are case-sensitive)");
        }
        long schemaId = upsertSchema(schema);
        List<String> present = new ArrayList<>();
        int columns = 0;
        for (Relation r : relations) {
            long tableId = upsertTable(schemaId, r.name(), r.type(), r.description(), r.rows(), r.size());
            columns += discoverColumns(tableId, r.oid());
            present.add(r.name());
        }
        int removed = table == null ? removeTablesNotIn(schemaId, present) : 0;
        int keys = discoverForeignKeys(schema);
        return new Result(schema, present.size(), columns, keys, removed);
    }

    /**
     * The database's schemas (but the system ones, {@link #refuseSystemSchema}) that the metadata does not
     * describe, or of which it does not describe every table or view, in name order.
     */
    public List<Undescribed> undescribed() throws SQLException {
        List<Undescribed> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT n.nspname, EXISTS (SELECT 1 FROM archive.schemas s WHERE s.name = n.nspname) AS described,
                       ARRAY(SELECT c.relname FROM pg_class c
                              WHERE c.relnamespace = n.oid AND c.relkind IN %s
                                AND NOT EXISTS (SELECT 1 FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                                                 WHERE s.name = n.nspname AND t.name = c.relname)
                              ORDER BY c.relname) AS tables
                  FROM pg_namespace n
                 ORDER BY n.nspname""".formatted(RELATION_KINDS));
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString("nspname");
                List<String> tables = List.of((String[]) rs.getArray("tables").getArray());
                boolean described = rs.getBoolean("described");
                if (systemSchemaReason(schema).isEmpty() && (!described || !tables.isEmpty())) {
                    found.add(new Undescribed(schema, described, tables));
                }
            }
        }
        return found;
    }

    /**
     * How the database differs from the metadata of a described schema: what discovering it again would
     * change (tables and columns added or removed, types and indexes changed). Curated fields are no facts
     * and are never compared.
     *
     * @return empty if the metadata has no such schema
     */
    public Optional<List<Change>> changes(String schema) throws SQLException {
        Map<String, Map<String, ColumnFacts>> recorded = recorded(schema);
        if (recorded == null) {
            return Optional.empty();
        }
        Map<String, Map<String, ColumnFacts>> database = new LinkedHashMap<>();
        if (exists(schema)) {
            for (Relation r : relations(schema, null)) {
                Map<String, ColumnFacts> columns = new LinkedHashMap<>();
                for (DatabaseColumn c : databaseColumns(r.oid())) {
                    columns.put(c.name(), c.facts());
                }
                database.put(r.name(), columns);
            }
        }
        return Optional.of(compare(database, recorded));
    }

    /**
     * The differences between the tables of the database and those of the metadata, each a map of table name
     * to its columns' facts in their order: tables first in the database's order, then those only the metadata
     * has; within a table, columns in the database's order, then those only the metadata has.
     */
    static List<Change> compare(Map<String, Map<String, ColumnFacts>> database,
                                Map<String, Map<String, ColumnFacts>> metadata) {
        List<Change> changes = new ArrayList<>();
        database.forEach((table, columns) -> {
            Map<String, ColumnFacts> known = metadata.get(table);
            if (known == null) {
                changes.add(new Change(table, null, ChangeKind.TABLE_ADDED, columns.size() + " columns", null));
                return;
            }
            columns.forEach((column, now) -> {
                ColumnFacts before = known.get(column);
                if (before == null) {
                    changes.add(new Change(table, column, ChangeKind.COLUMN_ADDED, now.typeText(), null));
                } else {
                    if (!now.type().equals(before.type())) {
                        changes.add(new Change(table, column, ChangeKind.TYPE_CHANGED, now.typeText(), before.typeText()));
                    }
                    if (now.indexed() != before.indexed()) {
                        changes.add(new Change(table, column, ChangeKind.INDEX_CHANGED, indexText(now.indexed()),
                            indexText(before.indexed())));
                    }
                }
            });
            known.forEach((column, before) -> {
                if (!columns.containsKey(column)) {
                    changes.add(new Change(table, column, ChangeKind.COLUMN_REMOVED, null, before.typeText()));
                }
            });
        });
        metadata.forEach((table, columns) -> {
            if (!database.containsKey(table)) {
                changes.add(new Change(table, null, ChangeKind.TABLE_REMOVED, null, columns.size() + " columns"));
            }
        });
        return changes;
    }

    private static String indexText(boolean indexed) {
        return indexed ? "indexed" : "not indexed";
    }

    /** The tables and columns the metadata has of the schema, in their order; null if it has no such schema. */
    private Map<String, Map<String, ColumnFacts>> recorded(String schema) throws SQLException {
        Map<String, Map<String, ColumnFacts>> tables = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT t.name AS table_name, c.name AS column_name, c.datatype, c.arraysize, c.xtype, c.indexed
                  FROM archive.schemas s LEFT JOIN archive.tables t ON t.schema_id = s.id
                  LEFT JOIN archive.columns c ON c.table_id = t.id
                 WHERE s.name = ?
                 ORDER BY t.name, c.column_index, c.name""")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                boolean found = false;
                while (rs.next()) {
                    found = true;
                    String table = rs.getString("table_name");
                    if (table == null) {
                        continue; // a schema without tables
                    }
                    Map<String, ColumnFacts> columns = tables.computeIfAbsent(table, k -> new LinkedHashMap<>());
                    String column = rs.getString("column_name");
                    if (column != null) {
                        columns.put(column, new ColumnFacts(new ValueType(rs.getString("datatype"),
                            rs.getString("arraysize"), rs.getString("xtype")), rs.getBoolean("indexed")));
                    }
                }
                return found ? tables : null;
            }
        }
    }

    /**
     * Schemas that are never data to publish: PostgreSQL's own (pg_catalog holds pg_stat_activity, every
     * session's SQL; pg_toast, pg_temp_N; every pg_ name is reserved), the SQL standard's catalogue, the
     * archive's own tables (users and their password hashes, jobs), the TAP schemas it generates, and the schemas
     * of async results kept as tables (each its owner's).
     */
    static void refuseSystemSchema(String schema) {
        systemSchemaReason(schema).ifPresent(reason -> {
            throw new InvalidField("schema", schema + " cannot be discovered or published: it is " + reason);
        });
    }

    /**
     * The described schemas the archive writes itself (TAP_SCHEMA from the metadata, ivoa from the ObsCore
     * mappings), which the back office does not offer to withdraw: withdrawn, TAP would lose them.
     */
    public static final java.util.Set<String> GENERATED_SCHEMAS = java.util.Set.of("tap_schema",
        org.voarchive.obscore.ObsCoreView.SCHEMA);

    /** Why the schema is one of the system schemas {@link #refuseSystemSchema} refuses; empty for a data schema. */
    static Optional<String> systemSchemaReason(String schema) {
        String name = schema.toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(name.startsWith("pg_") ? "a PostgreSQL system schema (pg_ names are reserved for them)"
            : name.equals("information_schema") ? "the SQL standard's catalogue of the database"
            : name.equals("archive") ? "the archive's own tables (users, jobs, metadata)"
            : name.equals("tap_schema") ? "TAP_SCHEMA, which the archive generates from the metadata"
            : name.equals("tap_upload") ? "TAP_UPLOAD, the schema of the tables a query uploads"
            : name.equals("ivoa") ? "the IVOA data-model tables the archive generates (ivoa.obscore, from the ObsCore mappings)"
            : org.voarchive.tap.KeptSchemas.isKept(name) ? "a schema of async TAP results kept as tables (their owners'"
                + " alone: user_ schemas and " + org.voarchive.tap.KeptSchemas.ANONYMOUS + ")"
            : null);
    }

    /** A relation of the database as discovery reads it. */
    private record Relation(long oid, String name, String type, String description, Long rows, long size) {
    }

    /** The schema's tables and views (or the one of that name), in name order. */
    private List<Relation> relations(String schema, String table) throws SQLException {
        List<Relation> relations = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.oid, c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS description,
                       CASE WHEN c.reltuples < 0 THEN NULL ELSE CAST(c.reltuples AS bigint) END AS nrows,
                       pg_total_relation_size(c.oid) AS size_bytes
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN %s AND (CAST(? AS text) IS NULL OR c.relname = ?)
                 ORDER BY c.relname""".formatted(RELATION_KINDS))) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    relations.add(new Relation(rs.getLong("oid"), rs.getString("relname"),
                        "v".equals(rs.getString("relkind")) ? "view" : "table", rs.getString("description"),
                        (Long) rs.getObject("nrows"), rs.getLong("size_bytes")));
                }
            }
        }
        return relations;
    }

    /** A column of the database as discovery reads it. */
    private record DatabaseColumn(String name, String description, ColumnFacts facts) {
    }

    /** The relation's columns in their order (attnum). */
    private List<DatabaseColumn> databaseColumns(long oid) throws SQLException {
        List<DatabaseColumn> columns = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type,
                       col_description(a.attrelid, a.attnum) AS description,
                       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum) AS indexed
                  FROM pg_attribute a
                 WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            read.setLong(1, oid);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    columns.add(new DatabaseColumn(rs.getString("attname"), rs.getString("description"),
                        new ColumnFacts(DatabaseTypes.votable(rs.getString("type")), rs.getBoolean("indexed"))));
                }
            }
        }
        return columns;
    }

    private boolean exists(String schema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long upsertSchema(String schema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO archive.schemas (name, description)
                VALUES (?, (SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?))
                ON CONFLICT (name) DO UPDATE
                   SET description = COALESCE(archive.schemas.description, EXCLUDED.description), updated = now()
                RETURNING id""")) {
            s.setString(1, schema);
            s.setString(2, schema);
            return single(s);
        }
    }

    private long upsertTable(long schemaId, String name, String type, String comment, Long rows, long size)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO archive.tables (schema_id, name, table_type, description, nrows, size_bytes)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (schema_id, name) DO UPDATE
                   SET table_type = EXCLUDED.table_type,
                       description = COALESCE(archive.tables.description, EXCLUDED.description),
                       nrows = EXCLUDED.nrows, size_bytes = EXCLUDED.size_bytes, updated = now()
                RETURNING id""")) {
            s.setLong(1, schemaId);
            s.setString(2, name);
            s.setString(3, type);
            s.setString(4, comment);
            s.setObject(5, rows);
            s.setLong(6, size);
            return single(s);
        }
    }

    /**
     * Records the relation's columns: their facts refreshed, descriptions only where none is curated, their
     * order kept (a new column comes after the others), and columns gone from the database removed.
     */
    private int discoverColumns(long tableId, long oid) throws SQLException {
        List<String> present = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO archive.columns (table_id, name, description, datatype, arraysize, xtype, indexed, column_index)
                VALUES (?, ?, ?, ?, ?, ?, ?,
                        (SELECT COALESCE(max(column_index), 0) + 1 FROM archive.columns WHERE table_id = ?))
                ON CONFLICT (table_id, name) DO UPDATE
                   SET description = COALESCE(archive.columns.description, EXCLUDED.description),
                       datatype = EXCLUDED.datatype, arraysize = EXCLUDED.arraysize, xtype = EXCLUDED.xtype,
                       indexed = EXCLUDED.indexed, updated = now()""")) {
            // one statement after the other (a batch runs them in order): each new column's index follows the last
            for (DatabaseColumn column : databaseColumns(oid)) {
                ValueType type = column.facts().type();
                upsert.setLong(1, tableId);
                upsert.setString(2, column.name());
                upsert.setString(3, column.description());
                upsert.setString(4, type.datatype());
                upsert.setString(5, type.arraysize());
                upsert.setString(6, type.xtype());
                upsert.setBoolean(7, column.facts().indexed());
                upsert.setLong(8, tableId);
                upsert.addBatch();
                present.add(column.name());
            }
            upsert.executeBatch();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM archive.columns WHERE table_id = ? AND NOT (name = ANY (?))")) {
            delete.setLong(1, tableId);
            delete.setArray(2, textArray(present));
            delete.executeUpdate();
        }
        return present.size();
    }

    private int removeTablesNotIn(long schemaId, List<String> present) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM archive.tables WHERE schema_id = ? AND NOT (name = ANY (?))")) {
            delete.setLong(1, schemaId);
            delete.setArray(2, textArray(present));
            return delete.executeUpdate();
        }
    }

    /**
     * Foreign keys from this schema's tables to tables the metadata knows: the discovered ones replaced as a
     * whole; curated ones (declared or edited through the admin API) kept, and not replaced by a database key
     * of the same id.
     */
    private int discoverForeignKeys(String schema) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM archive.foreign_keys k USING archive.tables t, archive.schemas s
                 WHERE k.from_table_id = t.id AND t.schema_id = s.id AND s.name = ? AND NOT k.curated""")) {
            delete.setString(1, schema);
            delete.executeUpdate();
        }
        int keys = 0;
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT fn.nspname || '.' || f.relname || '.' || con.conname AS key_id, ft.id AS from_table_id,
                       tt.id AS target_table_id, obj_description(con.oid, 'pg_constraint') AS description,
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(num, i)
                               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.i)
                         AS from_columns,
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(num, i)
                               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.i)
                         AS target_columns
                  FROM pg_constraint con
                  JOIN pg_class f ON f.oid = con.conrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
                  JOIN pg_class t ON t.oid = con.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                  JOIN archive.schemas fs ON fs.name = fn.nspname JOIN archive.tables ft ON ft.schema_id = fs.id AND ft.name = f.relname
                  JOIN archive.schemas ts ON ts.name = tn.nspname JOIN archive.tables tt ON tt.schema_id = ts.id AND tt.name = t.relname
                 WHERE con.contype = 'f' AND fn.nspname = ?
                   AND fn.nspname || '.' || f.relname || '.' || con.conname NOT IN (
                       SELECT key_id FROM archive.foreign_keys WHERE curated)""")) {
            read.setString(1, schema);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    ForeignKeyAdmin.insert(connection, rs.getString("key_id"), rs.getLong("from_table_id"),
                        rs.getLong("target_table_id"), null, rs.getString("description"), false,
                        List.of((String[]) rs.getArray("from_columns").getArray()),
                        List.of((String[]) rs.getArray("target_columns").getArray()));
                    keys++;
                }
            }
        }
        return keys;
    }

    private Array textArray(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /** The id a statement's {@code RETURNING id} gives. */
    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong("id");
        }
    }
}
