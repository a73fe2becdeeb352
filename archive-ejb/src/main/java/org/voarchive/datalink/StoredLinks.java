package org.voarchive.datalink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stored links (archive.datalinks) of some IDs, as the caller may see them. */
final class StoredLinks {

    private StoredLinks() {
    }

    /**
     * @param tables  gets the tables of the rows shown (each once)
     * @param objects gets what each ID's rows, shown or not, say of it (read in the same statement: a page of
     *                landing pages reads its rows once); null: not wanted
     * @return each ID's links in load order; a row that belongs to a table is left out unless the caller may use it
     *         ({@link LinkAccess}: data rows need the table's data, citations its metadata)
     */
    static Map<String, List<Link>> find(Connection c, Collection<String> ids, LinkContext context,
                                        Collection<String> tables, Map<String, StoredObject> objects) throws SQLException {
        Map<String, List<Link>> links = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT object_id, access_url, service_def, error_message, semantics, description, content_type,
                       content_length, content_qualifier, local_semantics, table_name,
                       min(updated) OVER object AS first_loaded, max(updated) OVER object AS last_loaded,
                       min(table_name) OVER object AS object_table
                  FROM archive.datalinks WHERE object_id = ANY (?)
                WINDOW object AS (PARTITION BY object_id) ORDER BY object_id, id""")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (objects != null && !objects.containsKey(rs.getString("object_id"))) {
                        objects.put(rs.getString("object_id"), new StoredObject(
                            rs.getObject("first_loaded", OffsetDateTime.class),
                            rs.getObject("last_loaded", OffsetDateTime.class), rs.getString("object_table")));
                    }
                    String url = rs.getString("access_url");
                    String semantics = rs.getString("semantics");
                    if (!LinkAccess.shown(rs.getString("table_name"), semantics, url, context.metadata())) {
                        continue;
                    }
                    if (rs.getString("table_name") != null && !tables.contains(rs.getString("table_name"))) {
                        tables.add(rs.getString("table_name"));
                    }
                    String id = rs.getString("object_id");
                    links.computeIfAbsent(id, k -> new ArrayList<>()).add(new Link(id,
                        url != null && url.startsWith("/") ? context.baseUrl() + url : url, rs.getString("service_def"),
                        rs.getString("error_message"), Semantics.written(semantics, context.baseUrl()),
                        rs.getString("description"), rs.getString("content_type"), (Long) rs.getObject("content_length"),
                        rs.getString("content_qualifier"), rs.getString("local_semantics")));
                }
            }
        }
        return links;
    }
}
