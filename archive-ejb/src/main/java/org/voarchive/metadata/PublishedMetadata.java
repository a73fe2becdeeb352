package org.voarchive.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;

/**
 * A snapshot of the published metadata anyone may see (PUBLIC metadata
 * access), read in one go: what VOSI tables, TAP_SCHEMA-aware clients and the
 * ADQL checker are told. (Authenticated callers' INTERNAL and PRIVATE objects
 * come with the access rules.)
 */
public record PublishedMetadata(List<Schema> schemas) {

    public record Schema(String name, String title, String description, String utype, List<Table> tables) {
    }

    /** @param queryable its data is PUBLIC too, so ADQL may read it */
    public record Table(String schema, String name, String type, String title, String description, String utype,
                        Long nrows, boolean queryable, List<Column> columns, List<ForeignKey> foreignKeys) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    public record Column(String name, String description, String unit, String ucd, String utype, ValueType type,
                         boolean principal, boolean indexed, boolean std, boolean queryable) {
    }

    public record ForeignKey(String keyId, String targetTable, List<String> fromColumns, List<String> targetColumns,
                             String description, String utype) {
    }

    public static PublishedMetadata load(Connection connection) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_id, c.name, c.description, c.unit, c.ucd, c.utype, c.datatype, c.arraysize, c.xtype,
                       c.principal, c.indexed, c.std, c.data_access = 'PUBLIC'
                  FROM archive.columns c
                 WHERE c.metadata_access = 'PUBLIC'
                 ORDER BY c.table_id, c.column_index NULLS LAST, c.name""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6),
                    new ValueType(rs.getString(7), rs.getString(8), rs.getString(9)),
                    rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13)));
            }
        }
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT k.from_table_id, k.key_id, ts.name || '.' || t.name, k.description, k.utype,
                       ARRAY(SELECT from_column FROM archive.foreign_key_columns WHERE foreign_key_id = k.id ORDER BY position),
                       ARRAY(SELECT target_column FROM archive.foreign_key_columns WHERE foreign_key_id = k.id ORDER BY position)
                  FROM archive.foreign_keys k JOIN archive.tables t ON t.id = k.target_table_id
                  JOIN archive.schemas ts ON ts.id = t.schema_id
                 WHERE t.published AND ts.published AND t.metadata_access = 'PUBLIC' AND ts.metadata_access = 'PUBLIC'
                 ORDER BY k.key_id""")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ForeignKey(rs.getString(2), rs.getString(3),
                    List.of((String[]) rs.getArray(6).getArray()), List.of((String[]) rs.getArray(7).getArray()),
                    rs.getString(4), rs.getString(5)));
            }
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Map<String, List<Table>> tables = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.name, s.title, s.description, s.utype, t.id, t.name, t.table_type, t.title, t.description, t.utype,
                       t.nrows, s.data_access = 'PUBLIC' AND t.data_access = 'PUBLIC'
                  FROM archive.schemas s LEFT JOIN archive.tables t
                    ON t.schema_id = s.id AND t.published AND t.metadata_access = 'PUBLIC'
                 WHERE s.published AND s.metadata_access = 'PUBLIC'
                 ORDER BY s.schema_index NULLS FIRST, s.name, t.table_index NULLS LAST, t.name""")) {
            while (rs.next()) {
                String schema = rs.getString(1);
                schemas.putIfAbsent(schema, new Schema(schema, rs.getString(2), rs.getString(3), rs.getString(4), List.of()));
                List<Table> list = tables.computeIfAbsent(schema, k -> new ArrayList<>());
                if (rs.getString(5) != null) {
                    String id = rs.getString(5);
                    list.add(new Table(schema, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), (Long) rs.getObject(11), rs.getBoolean(12), columns.getOrDefault(id, List.of()),
                        keys.getOrDefault(id, List.of())));
                }
            }
        }
        List<Schema> result = new ArrayList<>();
        schemas.forEach((name, s) -> result.add(new Schema(name, s.title(), s.description(), s.utype(),
            List.copyOf(tables.get(name)))));
        return new PublishedMetadata(List.copyOf(result));
    }

    public Optional<Table> table(String qualifiedName) {
        return schemas.stream().flatMap(s -> s.tables().stream()).filter(t -> t.qualifiedName().equals(qualifiedName))
            .findFirst();
    }

    /** What ADQL may query: tables and columns whose data is PUBLIC. */
    public Catalog catalog() {
        List<TableInfo> queryable = schemas.stream().flatMap(s -> s.tables().stream()).filter(Table::queryable)
            .map(t -> new TableInfo(t.schema(), t.name(), t.description(), t.columns().stream().filter(Column::queryable)
                .map(c -> new ColumnInfo(c.name(), c.type(), c.unit(), c.ucd(), c.utype(), c.description())).toList()))
            .toList();
        return () -> queryable;
    }
}
