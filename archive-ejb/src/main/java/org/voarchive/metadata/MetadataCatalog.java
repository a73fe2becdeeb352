package org.voarchive.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;

/**
 * The queryable tables as the metadata describes them, for the ADQL checker:
 * published schemas and tables whose data and metadata are PUBLIC, with their
 * PUBLIC columns. (Authenticated callers' INTERNAL and PRIVATE tables come with
 * the access rules.)
 */
public final class MetadataCatalog {

    private MetadataCatalog() {
    }

    public static Catalog load(Connection connection) throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.name, t.name, t.description, c.name, c.datatype, c.arraysize, c.xtype, c.unit, c.ucd, c.utype,
                       c.description
                  FROM archive.schemas s
                  JOIN archive.tables t ON t.schema_id = s.id
                  LEFT JOIN archive.columns c ON c.table_id = t.id AND c.metadata_access = 'PUBLIC' AND c.data_access = 'PUBLIC'
                 WHERE s.published AND t.published
                   AND s.metadata_access = 'PUBLIC' AND s.data_access = 'PUBLIC'
                   AND t.metadata_access = 'PUBLIC' AND t.data_access = 'PUBLIC'
                 ORDER BY s.name, t.name, c.column_index""")) {
            while (rs.next()) {
                String key = rs.getString(1) + "." + rs.getString(2);
                tables.putIfAbsent(key, new TableInfo(rs.getString(1), rs.getString(2), rs.getString(3), List.of()));
                List<ColumnInfo> list = columns.computeIfAbsent(key, k -> new ArrayList<>());
                if (rs.getString(4) != null) {
                    list.add(new ColumnInfo(rs.getString(4), new ValueType(rs.getString(5), rs.getString(6), rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
        }
        List<TableInfo> result = new ArrayList<>();
        tables.forEach((key, t) -> result.add(new TableInfo(t.schema(), t.name(), t.description(), columns.get(key))));
        List<TableInfo> snapshot = List.copyOf(result);
        return () -> snapshot;
    }
}
