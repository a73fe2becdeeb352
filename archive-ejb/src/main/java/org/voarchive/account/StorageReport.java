package org.voarchive.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.voarchive.database.DataSources;

/**
 * The operators' view of what users store (design §5): per user their jobs' bytes, their personal tables' bytes
 * and count, their limits ({@link StorageQuotas}, the one place computing them) and their largest tables, by
 * name and size only (nothing of a table's data); and the groups' quotas, which administrators set here. Read
 * from {@code archive.storage_usage} (V30), the one definition of what a user stores.
 */
@ApplicationScoped
public class StorageReport {

    private static final Logger LOG = Logger.getLogger(StorageReport.class.getName());

    /** A user's largest tables shown: enough to see what to ask them to drop. */
    static final int LARGEST = 3;

    /** A personal table by its qualified name, size and rows. */
    public record TableSize(String table, long bytes, long rows) {
    }

    /** A user's storage: their quota and use, and their largest personal tables. */
    public record UserStorage(String user, StorageQuotas.Quota quota, List<TableSize> largest) {
    }

    /**
     * A group's quota.
     *
     * @param storageBytes bytes its members may store, or null for the default
     * @param maxTables    personal tables its members may have, or null for the default
     */
    public record GroupQuota(String group, int members, Long storageBytes, Integer maxTables) {
    }

    /** Every user who stores something, most bytes first, and every group with its quota (null: the default). */
    public record Overview(List<UserStorage> users, List<GroupQuota> groups) {
    }

    @Inject
    DataSources dataSources;

    @Inject
    StorageQuotas quotas;

    /** What every user stores now, and the groups' quotas. */
    public Overview overview() throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            Map<String, List<TableSize>> largest = largest(c);
            List<UserStorage> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT owner FROM archive.storage_usage ORDER BY owner");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String owner = rs.getString("owner");
                    users.add(new UserStorage(owner, quotas.of(c, owner), largest.getOrDefault(owner, List.of())));
                }
            }
            users.sort(Comparator.comparingLong((UserStorage u) -> u.quota().used()).reversed()
                .thenComparing(UserStorage::user));
            return new Overview(users, groups(c));
        }
    }

    /** Each owner's {@link #LARGEST} largest personal tables, largest first. */
    private static Map<String, List<TableSize>> largest(Connection c) throws SQLException {
        Map<String, List<TableSize>> byOwner = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT owner, qualified, bytes, row_count
                  FROM (SELECT p.owner, s.name || '.' || t.name AS qualified, p.bytes, p.row_count,
                               row_number() OVER (PARTITION BY p.owner ORDER BY p.bytes DESC, t.name) AS n
                          FROM archive.personal_tables p JOIN archive.tables t ON t.id = p.table_id
                          JOIN archive.schemas s ON s.id = t.schema_id) ranked
                 WHERE n <= ? ORDER BY owner, n""")) {
            s.setInt(1, LARGEST);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byOwner.computeIfAbsent(rs.getString("owner"), o -> new ArrayList<>())
                        .add(new TableSize(rs.getString("qualified"), rs.getLong("bytes"), rs.getLong("row_count")));
                }
            }
        }
        return byOwner;
    }

    private static List<GroupQuota> groups(Connection c) throws SQLException {
        List<GroupQuota> groups = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT g.name, q.storage_bytes, q.max_tables,
                       (SELECT count(*) FROM archive.user_groups ug WHERE ug.group_id = g.id) AS members
                  FROM archive.groups g LEFT JOIN archive.group_quotas q ON q.group_id = g.id ORDER BY g.name""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long bytes = rs.getLong("storage_bytes");
                Long storageBytes = rs.wasNull() ? null : bytes;
                int tables = rs.getInt("max_tables");
                Integer maxTables = rs.wasNull() ? null : tables;
                groups.add(new GroupQuota(rs.getString("name"), rs.getInt("members"), storageBytes, maxTables));
            }
        }
        return groups;
    }

    /**
     * Sets a group's quota; both null: the group's members get the defaults again (its row goes).
     *
     * @param admin the administrator, for the log
     * @throws AccountRefusal 404 for no such group, 400 for a negative value
     */
    public GroupQuota setGroupQuota(String admin, String group, Long storageBytes, Integer maxTables) throws SQLException {
        if (storageBytes != null && storageBytes < 0) {
            throw new AccountRefusal(400, "storageBytes: a number of bytes (0 or more), or null for the default");
        }
        if (maxTables != null && maxTables < 0) {
            throw new AccountRefusal(400, "maxTables: a number of tables (0 or more), or null for the default");
        }
        Long id = null;
        int members = 0;
        try (Connection c = dataSources.app().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT g.id, (SELECT count(*) FROM archive.user_groups ug WHERE ug.group_id = g.id) AS members
                      FROM archive.groups g WHERE g.name = ?""")) {
                s.setString(1, group);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong("id");
                        members = rs.getInt("members");
                    }
                }
            }
            if (id == null) {
                throw new AccountRefusal(404, "there is no group " + group);
            }
            try (PreparedStatement s = c.prepareStatement(storageBytes == null && maxTables == null
                    ? "DELETE FROM archive.group_quotas WHERE group_id = ?"
                    : """
                    INSERT INTO archive.group_quotas (group_id, storage_bytes, max_tables) VALUES (?, ?, ?)
                    ON CONFLICT (group_id) DO UPDATE SET storage_bytes = EXCLUDED.storage_bytes,
                                                         max_tables = EXCLUDED.max_tables""")) {
                s.setLong(1, id);
                if (storageBytes != null || maxTables != null) {
                    s.setObject(2, storageBytes, Types.BIGINT);
                    s.setObject(3, maxTables, Types.INTEGER);
                }
                s.executeUpdate();
            }
        }
        LOG.info(() -> "storage quotas: " + admin + " set group " + group + "'s quota to "
            + (storageBytes == null ? "the default" : storageBytes + " bytes") + " and "
            + (maxTables == null ? "the default" : maxTables + "") + " tables");
        return new GroupQuota(group, members, storageBytes, maxTables);
    }
}
