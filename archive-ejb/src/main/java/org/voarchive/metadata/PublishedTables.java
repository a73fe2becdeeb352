package org.voarchive.metadata;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.database.DataSources;

/**
 * Lists the published tables anyone may see (the anonymous view of the
 * access rules), from the metadata (the single source of truth), in the order the metadata gives, with the row counts its
 * last discovery recorded.
 */
@ApplicationScoped
public class PublishedTables {

    private static final String SQL = """
        SELECT s.name, t.name, COALESCE(t.title, t.description), COALESCE(t.nrows, -1),
               cs.table_id IS NOT NULL AND t.data_access = 'PUBLIC' AND s.data_access = 'PUBLIC'
          FROM archive.visible_tables t JOIN archive.schemas s ON s.id = t.schema_id
          LEFT JOIN archive.cone_searches cs ON cs.table_id = t.id
         ORDER BY s.schema_index NULLS FIRST, s.name, t.table_index NULLS LAST, t.name
        """;

    @EJB
    private DataSources dataSources;

    public List<PublishedTable> list() throws SQLException {
        List<PublishedTable> tables = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                tables.add(new PublishedTable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)));
            }
        }
        return tables;
    }
}
