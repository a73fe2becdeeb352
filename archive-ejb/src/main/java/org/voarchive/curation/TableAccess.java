package org.voarchive.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.voarchive.security.Roles;

/**
 * Who may see what of a table, in plain words for the back office ("anonymous: no; signed-in users: metadata
 * only; group plates: rows and columns except flux_err"): for anonymous callers, any signed-in user, the
 * members of each group the table's schema, the table or its columns name, and administrators.
 *
 * <p>The database decides, with the rule every reader of the published metadata applies: the function
 * {@code archive.visible} of an access level, the object's groups (the views {@code schema_group_names},
 * {@code table_group_names}, {@code column_group_names}: a column without groups of its own has its table's)
 * and the caller (migration V4). {@link #read} asks it for each audience and composes the answers as the
 * visibility views and {@code metadata.PublishedMetadata} do: the table is listed (TAP_SCHEMA, VOSI, landing
 * pages) when its schema's and its own metadata are visible; its rows are readable when, besides, its schema's
 * and its own data are; a column is listed with the table when its metadata is visible, and readable with the
 * rows when its data is. Whether the schema and the table are published is told apart ({@code published}): an
 * unpublished table is nobody's, and the audiences then say what publishing it would give.
 *
 * @param published whether the schema and the table are both published
 * @param sights    what each audience sees: anonymous, signed-in users, each group by name, administrators
 * @param summary   all of them in one line: "anonymous: no; signed-in users: metadata only; ..."
 */
public record TableAccess(String schema, String table, boolean published, List<Sight> sights, String summary) {

    /** With the summary of the sights. */
    static TableAccess of(String schema, String table, boolean published, List<Sight> sights) {
        return new TableAccess(schema, table, published, List.copyOf(sights),
            sights.stream().map(s -> s.who() + ": " + s.statement()).collect(Collectors.joining("; ")));
    }

    /** Who an audience is. */
    public enum Audience {
        ANONYMOUS("anonymous"),
        /** Any signed-in user, whatever their groups. */
        SIGNED_IN("signed-in users"),
        /** The members of one group (a member of several sees, of each object, what any of them may see). */
        GROUP("group"),
        /** The group that sees everything ({@link Roles#ADMIN}; archive.visible says so). */
        ADMIN("administrators");

        private final String words;

        Audience(String words) {
            this.words = words;
        }
    }

    /** A column as one audience sees it. */
    public record ColumnSight(String name, boolean listed, boolean readable) {
    }

    /**
     * What one audience sees of the table.
     *
     * @param group             the group, for {@link Audience#GROUP} (and "admin" for administrators)
     * @param listed            its metadata is shown to them
     * @param rows              they may query its rows
     * @param hiddenColumns     columns whose metadata they are not shown, though the table's is
     * @param unreadableColumns columns they are shown but whose values they may not query, though the rows
     * @param who               the audience in words: "anonymous", "group plates"
     * @param statement         what they see in words: "no", "metadata only", "rows and columns except flux_err"
     */
    public record Sight(Audience audience, String group, boolean listed, boolean rows, List<String> hiddenColumns,
                        List<String> unreadableColumns, String who, String statement) {

        /** An audience's sight from the database's answers for the table and for each column, in their order. */
        static Sight of(Audience audience, String group, boolean listed, boolean rows, List<ColumnSight> columns) {
            List<String> hidden = listed ? columns.stream().filter(c -> !c.listed()).map(ColumnSight::name).toList()
                : List.of();
            List<String> unreadable = listed && rows
                ? columns.stream().filter(c -> c.listed() && !c.readable()).map(ColumnSight::name).toList() : List.of();
            boolean anyReadable = columns.stream().anyMatch(c -> c.listed() && c.readable());
            String statement;
            if (!listed) {
                statement = "no";
            } else if (!rows || !anyReadable) {
                statement = "metadata only" + (hidden.isEmpty() ? "" : " (not of the columns " + names(hidden) + ")")
                    + (rows ? " (no column's values)" : "");
            } else if (hidden.isEmpty() && unreadable.isEmpty()) {
                statement = "rows and all columns";
            } else {
                List<String> except = columns.stream().map(ColumnSight::name)
                    .filter(name -> hidden.contains(name) || unreadable.contains(name)).toList();
                statement = "rows and columns except " + names(except);
            }
            String who = audience == Audience.GROUP ? "group " + group : audience.words;
            return new Sight(audience, group, listed, rows, hidden, unreadable, who, statement);
        }

        private static String names(List<String> columns) {
            return String.join(", ", columns);
        }
    }

    /**
     * Asks the database what each audience sees of the table.
     *
     * @return empty if the metadata has no such table
     */
    static Optional<TableAccess> read(Connection c, String schema, String table) throws SQLException {
        long tableId;
        boolean published;
        TreeSet<String> groups = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.id, s.published AND t.published AS published, sg.groups AS schema_groups,
                       tg.groups AS table_groups,
                       ARRAY(SELECT DISTINCT unnest(cg.groups) FROM archive.columns col
                               JOIN archive.column_group_names cg ON cg.column_id = col.id
                              WHERE col.table_id = t.id) AS column_groups
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                  JOIN archive.schema_group_names sg ON sg.schema_id = s.id
                  JOIN archive.table_group_names tg ON tg.table_id = t.id
                 WHERE s.name = ? AND t.name = ?""")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                tableId = rs.getLong("id");
                published = rs.getBoolean("published");
                for (String column : List.of("schema_groups", "table_groups", "column_groups")) {
                    groups.addAll(Arrays.asList((String[]) rs.getArray(column).getArray()));
                }
            }
        }
        groups.remove(Roles.ADMIN);
        List<Audience> audiences = new ArrayList<>(List.of(Audience.ANONYMOUS, Audience.SIGNED_IN));
        List<String> audienceGroups = new ArrayList<>(Arrays.asList(null, null));
        for (String group : groups) {
            audiences.add(Audience.GROUP);
            audienceGroups.add(group);
        }
        audiences.add(Audience.ADMIN);
        audienceGroups.add(Roles.ADMIN);

        // each audience as the caller archive.visible takes: signed in or not, with its one group or none
        String audience = """
            WITH audience AS (
                SELECT a.n, a.kind <> 'ANONYMOUS' AS authenticated,
                       CASE WHEN a.grp IS NULL THEN CAST('{}' AS text[]) ELSE ARRAY[a.grp] END AS groups
                  FROM unnest(CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY AS a (kind, grp, n))
            """;
        Map<Long, boolean[]> tableSights = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(audience + """
                SELECT a.n,
                       archive.visible(s.metadata_access, sg.groups, a.authenticated, a.groups)
                         AND archive.visible(t.metadata_access, tg.groups, a.authenticated, a.groups) AS listed,
                       archive.visible(s.data_access, sg.groups, a.authenticated, a.groups)
                         AND archive.visible(t.data_access, tg.groups, a.authenticated, a.groups) AS readable
                  FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
                  JOIN archive.schema_group_names sg ON sg.schema_id = s.id
                  JOIN archive.table_group_names tg ON tg.table_id = t.id
                 CROSS JOIN audience a
                 WHERE t.id = ?
                 ORDER BY a.n""")) {
            bindAudiences(c, s, audiences, audienceGroups);
            s.setLong(3, tableId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tableSights.put(rs.getLong("n"), new boolean[] {rs.getBoolean("listed"), rs.getBoolean("readable")});
                }
            }
        }
        Map<Long, List<ColumnSight>> columnSights = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(audience + """
                SELECT a.n, col.name,
                       archive.visible(col.metadata_access, cg.groups, a.authenticated, a.groups) AS listed,
                       archive.visible(col.data_access, cg.groups, a.authenticated, a.groups) AS readable
                  FROM archive.columns col JOIN archive.column_group_names cg ON cg.column_id = col.id
                 CROSS JOIN audience a
                 WHERE col.table_id = ?
                 ORDER BY a.n, col.column_index NULLS LAST, col.name""")) {
            bindAudiences(c, s, audiences, audienceGroups);
            s.setLong(3, tableId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columnSights.computeIfAbsent(rs.getLong("n"), k -> new ArrayList<>()).add(new ColumnSight(
                        rs.getString("name"), rs.getBoolean("listed"), rs.getBoolean("readable")));
                }
            }
        }
        List<Sight> sights = new ArrayList<>();
        for (int i = 0; i < audiences.size(); i++) {
            long n = i + 1L;
            boolean[] sight = tableSights.get(n);
            sights.add(Sight.of(audiences.get(i), audienceGroups.get(i), sight[0], sight[1],
                columnSights.getOrDefault(n, List.of())));
        }
        return Optional.of(of(schema, table, published, sights));
    }

    private static void bindAudiences(Connection c, PreparedStatement s, List<Audience> audiences,
                                      List<String> groups) throws SQLException {
        s.setArray(1, c.createArrayOf("text", audiences.stream().map(Audience::name).toArray()));
        s.setArray(2, c.createArrayOf("text", groups.toArray()));
    }
}
