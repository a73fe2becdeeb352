package org.voarchive.doi;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voarchive.database.DataSources;
import org.voarchive.oai.OaiItem;

/**
 * The records OAI-PMH harvests: every DOI-bearing schema, table and object
 * anyone may see, with its datestamp (the last change of its metadata or its
 * datalinks), and the tombstones of those gone, read in (datestamp, ID) order so that a list resumes exactly
 * after the last record a harvester got, however the records change meanwhile.
 */
@ApplicationScoped
public class DoiHarvestIndex {

    /**
     * The records on offer now. Which schemas and tables have a DOI is read here in SQL, not from the published
     * snapshot: the reconciliation compares it with what was offered and writes tombstones in one statement (one
     * database snapshot), with the datalinks' dates. What a record says comes from the snapshot (DataCiteRecords).
     */
    private static final String OFFERED = """
        SELECT set_spec, id, stamp FROM (
          SELECT 'schemas' AS set_spec, s.name AS id, date_trunc('second', s.updated) AS stamp
            FROM archive.visible_schemas s WHERE s.doi IS NOT NULL
          UNION ALL
          SELECT 'tables', s.name || '.' || t.name, date_trunc('second', greatest(t.updated,
                 (SELECT max(d.updated) FROM archive.datalinks d WHERE d.object_id = s.name || '.' || t.name)))
            FROM archive.visible_tables t JOIN archive.schemas s ON s.id = t.schema_id WHERE t.doi IS NOT NULL
          UNION ALL
          SELECT 'objects', d.object_id, date_trunc('second', max(d.updated))
            FROM archive.datalinks d
           WHERE d.object_id IN (SELECT object_id FROM archive.datalinks WHERE semantics = '#doi')
             AND d.object_id NOT IN (SELECT name FROM archive.schemas)
             AND d.object_id NOT IN (SELECT s.name || '.' || t.name FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id)
           GROUP BY d.object_id
          HAVING bool_and(d.table_name IS NULL OR d.table_name IN (
                 SELECT s.name || '.' || t.name FROM archive.visible_tables t JOIN archive.schemas s ON s.id = t.schema_id))
        ) items
        """;

    /** The records on offer (as last reconciled) and the tombstones of those gone. */
    private static final String ITEMS = """
        SELECT set_spec, id, stamp, deleted FROM (
          SELECT set_spec, id, stamp, false AS deleted FROM archive.oai_offered
          UNION ALL
          SELECT set_spec, id, datestamp, true FROM archive.oai_deleted
        ) listed
        """;

    /**
     * One statement (one snapshot): tombstones for what went, none for what came back, and the records on offer
     * with their datestamps (rewritten only where they changed).
     */
    private static final String RECONCILE = """
        WITH on_offer AS (%s),
        gone AS (
          INSERT INTO archive.oai_deleted (id, set_spec, datestamp)
          SELECT id, set_spec, date_trunc('second', now()) FROM archive.oai_offered o
           WHERE NOT EXISTS (SELECT 1 FROM on_offer n WHERE n.id = o.id)
          ON CONFLICT (id) DO NOTHING),
        back AS (DELETE FROM archive.oai_deleted d USING on_offer n WHERE n.id = d.id),
        withdrawn AS (DELETE FROM archive.oai_offered o WHERE NOT EXISTS (SELECT 1 FROM on_offer n WHERE n.id = o.id))
        INSERT INTO archive.oai_offered (id, set_spec, stamp) SELECT id, set_spec, stamp FROM on_offer
        ON CONFLICT (id) DO UPDATE SET set_spec = excluded.set_spec, stamp = excluded.stamp
         WHERE (oai_offered.set_spec, oai_offered.stamp) IS DISTINCT FROM (excluded.set_spec, excluded.stamp)
        """.formatted(OFFERED);

    @EJB
    DataSources dataSources;

    /**
     * Brings the records on offer and their datestamps up to date, records tombstones for what was offered and
     * is gone, and forgets those of what came back (OAI-PMH's persistent deleted records), in one transaction
     * serialised against other reconciliations; does nothing if neither metadata nor datalinks have changed
     * since the last time, so a harvest of many pages pays for it once.
     */
    public void reconcile() throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            org.voarchive.database.Transactions.inTransaction(c, () -> {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('oai_reconcile'))")) {
                    lock.execute();
                }
                long metadata;
                long datalinks;
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT m.generation AS metadata_now, m.datalink_generation AS datalinks_now,
                               r.metadata_generation AS metadata_reconciled, r.datalink_generation AS datalinks_reconciled
                          FROM archive.metadata_generation m, archive.oai_reconciled r""");
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    metadata = rs.getLong("metadata_now");
                    datalinks = rs.getLong("datalinks_now");
                    if (metadata == rs.getLong("metadata_reconciled") && datalinks == rs.getLong("datalinks_reconciled")) {
                        return null;
                    }
                }
                try (PreparedStatement s = c.prepareStatement(RECONCILE)) {
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE archive.oai_reconciled SET metadata_generation = ?, datalink_generation = ?, reconciled_at = now()")) {
                    s.setLong(1, metadata);
                    s.setLong(2, datalinks);
                    s.executeUpdate();
                }
                return null;
            });
        }
    }

    public Optional<OaiItem> item(String id) throws SQLException {
        List<OaiItem> found = query(ITEMS + " WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /**
     * @param set   null for all
     * @param after the last record of the previous page, or null for the first page
     */
    public List<OaiItem> page(String set, Instant from, Instant until, OaiItem after, int limit) throws SQLException {
        // Each table is read in its own index's order up to the limit, and the two short lists merged. Over the
        // union, the planner estimates the keyset's row comparison by its first column alone: when many records
        // share the last page's datestamp (a bulk load), it expects a handful of rows and sorts all the rest of
        // the list for every page (1 s a page at 200,000 records). Limited here, a page reads 2 x limit rows at most.
        List<Object> args = new ArrayList<>();
        String sql = "SELECT set_spec, id, stamp, deleted FROM ("
            + pageOf("archive.oai_offered", "stamp", false, set, from, until, after, limit, args) + " UNION ALL "
            + pageOf("archive.oai_deleted", "datestamp", true, set, from, until, after, limit, args)
            + ") listed ORDER BY stamp, id COLLATE \"C\" LIMIT " + limit;
        return query(sql, args.toArray());
    }

    /** One table's part of a page: its records or its tombstones in (datestamp, ID) order, at most limit. */
    private static String pageOf(String table, String stamp, boolean deleted, String set, Instant from, Instant until,
                                 OaiItem after, int limit, List<Object> args) {
        StringBuilder sql = new StringBuilder("(SELECT set_spec, id, ").append(stamp).append(" AS stamp, ")
            .append(deleted).append(" AS deleted FROM ").append(table).append(" WHERE true");
        filter(sql, args, stamp, set, from, until);
        if (after != null) {
            sql.append(" AND (").append(stamp).append(", id COLLATE \"C\") > (?, ?)"); // the order of Java's String
            args.add(utc(after.datestamp()));
            args.add(after.id());
        }
        return sql.append(" ORDER BY ").append(stamp).append(", id COLLATE \"C\" LIMIT ").append(limit).append(')')
            .toString();
    }

    public long count(String set, Instant from, Instant until) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) AS items FROM (").append(ITEMS).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "stamp", set, from, until);
        sql.append(") counted");
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(s, args.toArray());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong("items");
            }
        }
    }

    /** The tombstones of a set (records gone since they were offered). */
    public long tombstones(String set) throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) AS tombstones FROM archive.oai_deleted WHERE set_spec = ?")) {
            s.setString(1, set);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong("tombstones");
            }
        }
    }

    /** When the records were last reconciled; empty if not since V28 recorded it. */
    public Optional<Instant> reconciled() throws SQLException {
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT reconciled_at FROM archive.oai_reconciled");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getObject("reconciled_at", java.time.OffsetDateTime.class))
                .map(java.time.OffsetDateTime::toInstant) : Optional.empty();
        }
    }

    /** The earliest datestamp any record has had (tombstones included); empty when there are none. */
    public Optional<Instant> earliest() throws SQLException {
        return query(ITEMS + " ORDER BY stamp LIMIT 1").stream().findFirst().map(OaiItem::datestamp);
    }

    /** @param stamp the datestamp's column */
    private static void filter(StringBuilder sql, List<Object> args, String stamp, String set, Instant from,
                               Instant until) {
        if (set != null) {
            sql.append(" AND set_spec = ?");
            args.add(set);
        }
        if (from != null) {
            sql.append(" AND ").append(stamp).append(" >= ?");
            args.add(utc(from));
        }
        if (until != null) {
            sql.append(" AND ").append(stamp).append(" <= ?");
            args.add(utc(until));
        }
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
    }

    private List<OaiItem> query(String sql, Object... args) throws SQLException {
        List<OaiItem> items = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new OaiItem(rs.getString("id"), rs.getString("set_spec"),
                        rs.getObject("stamp", java.time.OffsetDateTime.class).toInstant(), rs.getBoolean("deleted")));
                }
            }
        }
        return items;
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
