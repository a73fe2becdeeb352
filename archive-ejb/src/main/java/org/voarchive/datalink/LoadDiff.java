package org.voarchive.datalink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a datalink load changes, per ID: the file's rows (in the temporary table datalink_load) against the
 * stored rows it replaces (those of the file's IDs, or all of them for {@link DatalinkLoader.Mode#REPLACE}).
 * An ID is added (no stored rows), removed (REPLACE only: not in the file), replaced (its rows differ: which
 * fields, row by row in load order, or how many rows) or unchanged. The token digests everything compared,
 * the stored rows with their ids and dates: the same file against the same stored rows gives the same token,
 * anything else another.
 *
 * @param rows      the file's rows
 * @param changes   the changed IDs, in ID order, at most {@link #LISTED}
 * @param loaded    every added or replaced ID (the file's rows go in)
 * @param gone      every replaced or removed ID (their stored rows go)
 */
public record LoadDiff(DatalinkLoader.Mode mode, long rows, long added, long replaced, long removed, long unchanged,
                       List<Change> changes, List<String> loaded, List<String> gone, String token) {

    /** How many changed IDs a preview lists (the counts are of all). */
    public static final int LISTED = 1000;

    /** The columns compared, as archive.datalinks names them. */
    static final List<String> FIELDS = List.of("access_url", "service_def", "error_message", "semantics",
        "description", "content_type", "content_length", "content_qualifier", "local_semantics", "table_name");

    public enum Kind { ADDED, REPLACED, REMOVED }

    /**
     * @param rows       the ID's rows in the file
     * @param storedRows its stored rows
     * @param fields     the fields whose values change (replaced only), in {@link #FIELDS}' order
     */
    public record Change(String id, Kind kind, int rows, int storedRows, List<String> fields) {
    }

    /** Whether the preview lists every changed ID. */
    public boolean complete() {
        return added + replaced + removed <= changes.size();
    }

    static LoadDiff compare(Connection c, DatalinkLoader.Mode mode, long rows) throws SQLException {
        String columns = String.join(", ", FIELDS);
        // each ID's rows together: the file's in the order they were read (datalink_load's ids), then the stored
        // ones in load order
        String sql = "SELECT 0 AS side, object_id, id, " + columns + ", NULL::text AS updated"
            + " FROM datalink_load UNION ALL SELECT 1, object_id, id, " + columns + ", updated::text"
            + " FROM archive.datalinks"
            + (mode == DatalinkLoader.Mode.REPLACE ? "" : " WHERE object_id IN (SELECT object_id FROM datalink_load)")
            + " ORDER BY object_id, side, id";
        Builder b = new Builder(mode, rows);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String id = rs.getString("object_id");
                    if (!id.equals(b.current)) {
                        b.finish();
                        b.current = id;
                    }
                    String[] values = new String[FIELDS.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(FIELDS.get(i));
                    }
                    boolean stored = rs.getInt("side") == 1;
                    (stored ? b.stored : b.file).add(values);
                    b.digest(stored ? "S" : "F", id, stored ? rs.getString("id") : null, values,
                        stored ? rs.getString("updated") : null);
                }
            }
        }
        b.finish();
        return b.build();
    }

    /** Collects the rows of one ID at a time (the query gives them together) and what they change. */
    private static final class Builder {
        private final DatalinkLoader.Mode mode;
        private final long rows;
        private final MessageDigest digest;
        private final List<Change> changes = new ArrayList<>();
        private final List<String> loaded = new ArrayList<>();
        private final List<String> gone = new ArrayList<>();
        private long added;
        private long replaced;
        private long removed;
        private long unchanged;
        private String current;
        private final List<String[]> file = new ArrayList<>();
        private final List<String[]> stored = new ArrayList<>();

        Builder(DatalinkLoader.Mode mode, long rows) {
            this.mode = mode;
            this.rows = rows;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
            digest(mode.name());
        }

        void digest(String... parts) {
            for (String p : parts) {
                // a value and its end cannot be confused: null and "" differ, as do ("ab","c") and ("a","bc")
                digest.update((p == null ? "\u0001" : p + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
        }

        void digest(String side, String id, String rowId, String[] values, String updated) {
            digest(side, id, rowId, updated);
            digest(values);
        }

        void finish() {
            if (current == null) {
                return;
            }
            Change change = null;
            if (stored.isEmpty()) {
                added++;
                loaded.add(current);
                change = new Change(current, Kind.ADDED, file.size(), 0, List.of());
            } else if (file.isEmpty()) {
                removed++;
                gone.add(current);
                change = new Change(current, Kind.REMOVED, 0, stored.size(), List.of());
            } else {
                Set<String> fields = new LinkedHashSet<>();
                for (int r = 0; r < Math.min(file.size(), stored.size()); r++) {
                    for (int i = 0; i < FIELDS.size(); i++) {
                        if (!Objects.equals(file.get(r)[i], stored.get(r)[i])) {
                            fields.add(FIELDS.get(i));
                        }
                    }
                }
                if (fields.isEmpty() && file.size() == stored.size()) {
                    unchanged++;
                } else {
                    replaced++;
                    loaded.add(current);
                    gone.add(current);
                    List<String> ordered = FIELDS.stream().filter(fields::contains).toList();
                    change = new Change(current, Kind.REPLACED, file.size(), stored.size(), ordered);
                }
            }
            if (change != null && changes.size() < LISTED) {
                changes.add(change);
            }
            file.clear();
            stored.clear();
        }

        LoadDiff build() {
            return new LoadDiff(mode, rows, added, replaced, removed, unchanged, List.copyOf(changes), List.copyOf(loaded),
                List.copyOf(gone), HexFormat.of().formatHex(digest.digest()));
        }
    }
}
