package org.voarchive.datalink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * @return each ID's links in load order; a row that belongs to a table is left out unless the caller sees the table
     */
    static Map<String, List<Link>> find(Connection c, Collection<String> ids, LinkContext context) throws SQLException {
        Map<String, List<Link>> links = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT object_id, access_url, service_def, error_message, semantics, description, content_type,
                       content_length, content_qualifier, local_semantics, table_name
                  FROM archive.datalinks WHERE object_id = ANY (?) ORDER BY object_id, id""")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(11);
                    if (table != null && context.metadata().table(table).isEmpty()) { // not visible to this caller
                        continue;
                    }
                    String url = rs.getString(2);
                    links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Link(rs.getString(1),
                        url != null && url.startsWith("/") ? context.baseUrl() + url : url, rs.getString(3), rs.getString(4), Semantics.written(rs.getString(5), context.baseUrl()),
                        rs.getString(6), rs.getString(7), (Long) rs.getObject(8), rs.getString(9), rs.getString(10)));
                }
            }
        }
        return links;
    }
}
