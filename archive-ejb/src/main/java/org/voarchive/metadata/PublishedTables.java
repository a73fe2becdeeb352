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
 * Lists the tables the read-only query role may SELECT from, so what is shown
 * is exactly what user queries can reach. The curated metadata model replaces
 * the descriptions (COMMENT ON) used here; the privilege rule stays.
 */
@ApplicationScoped
public class PublishedTables {

    private static final String SQL = """
        SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class'), c.reltuples::bigint
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'v', 'm', 'p')
           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
           AND n.nspname NOT LIKE 'pg\\_%'
           AND has_schema_privilege(n.oid, 'USAGE')
           AND has_table_privilege(c.oid, 'SELECT')
         ORDER BY n.nspname, c.relname
        """;

    @EJB
    private DataSources dataSources;

    public List<PublishedTable> list() throws SQLException {
        List<PublishedTable> tables = new ArrayList<>();
        try (Connection c = dataSources.query().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                tables.add(new PublishedTable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        return tables;
    }
}
