package org.voarchive.curation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.adql.check.ValueType;
import org.voarchive.metadata.DatabaseTypes;
import org.voarchive.metadata.InvalidField;

/**
 * Imports or refreshes the metadata of a schema from the PostgreSQL catalogue:
 * tables and views, columns with their VOTable types, indexes, foreign keys,
 * row counts and sizes. Types, counts and keys are facts and are refreshed;
 * descriptions are taken from COMMENTs only where the metadata has none, so
 * curated text is never overwritten. Objects gone from the database leave the
 * metadata. Runs in the caller's transaction on the owner role.
 */
public final class MetadataDiscovery {

    /** What a discovery did. */
    public record Result(String schema, int tables, int columns, int foreignKeys, int tablesRemoved) {
    }

    private final Connection connection;

    public MetadataDiscovery(Connection connection) {
        this.connection = connection;
    }

    /** @throws InvalidField (field "schema") for a schema that is not the archive's to publish, or does not exist */
    public Result discover(String schema) throws SQLException {
        refuseSystemSchema(schema);
        if (!exists(schema)) {
            throw new InvalidField("schema", "there is no schema " + schema + " in the database (names are case-sensitive)");
        }
        long schemaId = upsertSchema(schema);
        List<String> present = new ArrayList<>();
        int tables = 0;
        int columns = 0;
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.oid, c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS description,
                       CASE WHEN c.reltuples < 0 THEN NULL ELSE CAST(c.reltuples AS bigint) END AS nrows,
                       pg_total_relation_size(c.oid) AS size_bytes
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'm', 'p')
                 ORDER BY c.relname""")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong("oid");
                    String name = rs.getString("relname");
                    String type = "v".equals(rs.getString("relkind")) ? "view" : "table";
                    long tableId = upsertTable(schemaId, name, type, rs.getString("description"),
                        (Long) rs.getObject("nrows"), rs.getLong("size_bytes"));
                    columns += discoverColumns(tableId, oid);
                    present.add(name);
                    tables++;
                }
            }
        }
        int removed = removeTablesNotIn(schemaId, present);
        int keys = discoverForeignKeys(schema);
        return new Result(schema, tables, columns, keys, removed);
    }

    /**
     * Schemas that are never data to publish: PostgreSQL's own (pg_catalog holds pg_stat_activity, every
     * session's SQL; pg_toast, pg_temp_N; every pg_ name is reserved), the SQL standard's catalogue, the
     * archive's own tables (users and their password hashes, jobs), the TAP schemas it generates, and the schemas
     * of async results kept as tables (each its owner's).
     */
    static void refuseSystemSchema(String schema) {
        String name = schema.toLowerCase(java.util.Locale.ROOT);
        String reason = name.startsWith("pg_") ? "a PostgreSQL system schema (pg_ names are reserved for them)"
            : name.equals("information_schema") ? "the SQL standard's catalogue of the database"
            : name.equals("archive") ? "the archive's own tables (users, jobs, metadata)"
            : name.equals("tap_schema") ? "TAP_SCHEMA, which the archive generates from the metadata"
            : name.equals("tap_upload") ? "TAP_UPLOAD, the schema of the tables a query uploads"
            : name.equals("ivoa") ? "the IVOA data-model tables the archive generates (ivoa.obscore, from the ObsCore mappings)"
            : org.voarchive.tap.KeptSchemas.isKept(name) ? "a schema of async TAP results kept as tables (their owners'"
                + " alone: user_ schemas and " + org.voarchive.tap.KeptSchemas.ANONYMOUS + ")"
            : null;
        if (reason != null) {
            throw new InvalidField("schema", schema + " cannot be discovered or published: it is " + reason);
        }
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

    private int discoverColumns(long tableId, long oid) throws SQLException {
        List<String> present = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type,
                       col_description(a.attrelid, a.attnum) AS description,
                       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum) AS indexed
                  FROM pg_attribute a
                 WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""");
             PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO archive.columns (table_id, name, description, datatype, arraysize, xtype, indexed, column_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (table_id, name) DO UPDATE
                   SET description = COALESCE(archive.columns.description, EXCLUDED.description),
                       datatype = EXCLUDED.datatype, arraysize = EXCLUDED.arraysize, xtype = EXCLUDED.xtype,
                       indexed = EXCLUDED.indexed, column_index = EXCLUDED.column_index, updated = now()""")) {
            read.setLong(1, oid);
            try (ResultSet rs = read.executeQuery()) {
                int index = 0;
                while (rs.next()) {
                    String name = rs.getString("attname");
                    ValueType type = DatabaseTypes.votable(rs.getString("type"));
                    upsert.setLong(1, tableId);
                    upsert.setString(2, name);
                    upsert.setString(3, rs.getString("description"));
                    upsert.setString(4, type.datatype());
                    upsert.setString(5, type.arraysize());
                    upsert.setString(6, type.xtype());
                    upsert.setBoolean(7, rs.getBoolean("indexed"));
                    upsert.setInt(8, ++index);
                    upsert.addBatch();
                    present.add(name);
                }
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
