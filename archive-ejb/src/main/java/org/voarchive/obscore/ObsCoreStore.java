package org.voarchive.obscore;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.adql.check.ValueType;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.TableName;
import org.voarchive.metadata.VersionConflict;

/**
 * The ObsCore mappings (archive.obscore_mappings, V24) and what follows from them, in the caller's
 * transaction on the owner role (only the owner may create the view): every change (re)creates the view
 * ivoa.obscore over the mapped tables, or drops it when none is left, describes it in the metadata with
 * the standard's column metadata (TAP_SCHEMA and VOSI follow), and brings the query roles' grants in step.
 * Used by the admin API ({@link ObsCoreAdmin}) and the demo loader alike.
 */
public final class ObsCoreStore {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ObsCoreStore.class.getName());

    private final Connection connection;
    private final ObsCoreView.Site site;

    public ObsCoreStore(Connection connection, ObsCoreView.Site site) {
        this.connection = connection;
        this.site = site;
    }

    public List<ObsCoreMapping> mappings() throws SQLException {
        List<ObsCoreMapping> all = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT schema_name, table_name, version FROM archive.obscore_mappings ORDER BY schema_name, table_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                all.add(new ObsCoreMapping(rs.getString("schema_name"), rs.getString("table_name"), null,
                    rs.getInt("version")));
            }
        }
        List<ObsCoreMapping> complete = new ArrayList<>();
        for (ObsCoreMapping m : all) {
            complete.add(new ObsCoreMapping(m.schema(), m.table(), columns(m.schema(), m.table()), m.version()));
        }
        return complete;
    }

    public Optional<ObsCoreMapping> mapping(String schema, String table) throws SQLException {
        Integer version = version(schema, table);
        return version == null ? Optional.empty()
            : Optional.of(new ObsCoreMapping(schema, table, columns(schema, table), version));
    }

    /**
     * Adds the mapping ({@code edit.version()} absent) or replaces it (the version read), then rebuilds.
     *
     * @param checkVersion false for the demo loader and imports, which are authoritative
     * @throws InvalidField naming the bad field (the table, a column, a value)
     * @throws VersionConflict if someone else changed it in between
     */
    public ObsCoreMapping put(String schema, String table, ObsCoreMapping edit, boolean checkVersion)
            throws SQLException {
        if (edit == null) {
            throw new InvalidField("columns", "a JSON object with the ObsCore columns is required");
        }
        TableName name = new TableName(schema, table);
        SourceTable source = source(schema, table).orElseThrow(() -> new InvalidField("table", "no table " + name
            + " in the metadata (names are case-sensitive)"));
        Map<ObsCoreColumn, ObsCoreSource> checked = ObsCoreRules.check(edit, source);
        lock();
        Integer current = version(schema, table);
        if (checkVersion) {
            checkVersion(name, current, edit.version());
        }
        String json = json(checked);
        if (current == null) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO archive.obscore_mappings (schema_name, table_name, columns) VALUES (?, ?, CAST(? AS jsonb))")) {
                s.setString(1, schema);
                s.setString(2, table);
                s.setString(3, json);
                s.executeUpdate();
            }
        } else {
            try (PreparedStatement s = connection.prepareStatement("""
                    UPDATE archive.obscore_mappings SET columns = CAST(? AS jsonb), version = version + 1, updated = now()
                     WHERE schema_name = ? AND table_name = ?""")) {
                s.setString(1, json);
                s.setString(2, schema);
                s.setString(3, table);
                s.executeUpdate();
            }
        }
        rebuild();
        return mapping(schema, table).orElseThrow();
    }

    /**
     * Removes the mapping if it is still at {@code version}, then rebuilds.
     *
     * @param version null only for the authoritative callers (checkVersion false)
     * @return false if there is no such mapping
     */
    public boolean delete(String schema, String table, Integer version, boolean checkVersion) throws SQLException {
        if (checkVersion && version == null) {
            throw new InvalidField("version", "the version read is required (?version=)");
        }
        lock();
        Integer current = version(schema, table);
        if (current == null) {
            return false;
        }
        if (checkVersion && !current.equals(version)) {
            throw new VersionConflict("ObsCore mapping " + new TableName(schema, table), current);
        }
        try (PreparedStatement s = connection.prepareStatement(
                "DELETE FROM archive.obscore_mappings WHERE schema_name = ? AND table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.executeUpdate();
        }
        rebuild();
        return true;
    }

    /**
     * (Re)creates ivoa.obscore from the stored mappings of tables the metadata still has, or drops it if there
     * are none, and publishes its metadata. The access rule itself is in the view ({@link ObsCoreView}).
     *
     * @return the tables the view now reads
     */
    public List<String> rebuild() throws SQLException {
        lock();
        List<ObsCoreView.Branch> branches = new ArrayList<>();
        for (ObsCoreMapping m : mappings()) {
            Optional<SourceTable> source = source(m.schema(), m.table());
            if (source.isEmpty()) {
                continue; // its table left the metadata: nothing to show until it is back (the mapping stays)
            }
            // the stored mapping was checked when stored; what the table publishes now may have changed, and the
            // view's own condition decides visibility at query time: here only the types must still fit
            try {
                branches.add(new ObsCoreView.Branch(m.schema(), m.table(),
                    ObsCoreRules.check(m, new SourceTable(m.schema(), m.table(), true, readableColumns(source.get())))));
            } catch (InvalidField e) {
                // left out rather than failing every other change: the operator sees it in GET and fixes or removes it
                LOG.warning("ObsCore mapping of " + new TableName(m.schema(), m.table())
                    + " left out of ivoa.obscore: " + e.field() + ": " + e.getMessage());
            }
        }
        try (Statement s = connection.createStatement()) {
            if (branches.isEmpty()) {
                s.execute("DROP VIEW IF EXISTS ivoa.obscore");
                unpublish();
            } else {
                publish();
                try {
                    // a savepoint: a failed CREATE is the mapping's fault (a 400), and the transaction goes on to roll back
                    s.execute("SAVEPOINT obscore_view");
                    s.execute(ObsCoreView.create(branches, site));
                    s.execute("RELEASE SAVEPOINT obscore_view");
                } catch (SQLException e) {
                    s.execute("ROLLBACK TO SAVEPOINT obscore_view");
                    throw new InvalidField("columns", "the mapped columns do not make a valid ObsCore view: "
                        + e.getMessage());
                }
            }
            // the view's column privileges follow the metadata (V22); a new view has none yet
            s.execute("SELECT archive.sync_query_grants()");
        }
        return branches.stream().map(b -> b.name().toString()).toList();
    }

    /** One change at a time: the view is rebuilt from all mappings, which another transaction may be changing. */
    private void lock() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(hashtext('archive.obscore_mappings'))");
        }
    }

    static void checkVersion(TableName table, Integer current, Integer given) {
        if (current != null && given == null) {
            throw new InvalidField("version", "the mapping exists: give the version read to replace it");
        }
        if (current != null && !current.equals(given)) {
            throw new VersionConflict("ObsCore mapping " + table, current);
        }
        if (current == null && given != null) {
            throw new VersionConflict("ObsCore mapping " + table + " (removed meanwhile)", -1);
        }
    }

    private static Map<String, SourceTable.Column> readableColumns(SourceTable t) {
        Map<String, SourceTable.Column> columns = new LinkedHashMap<>();
        t.columns().forEach((name, c) -> columns.put(name, new SourceTable.Column(name, c.type(), true)));
        return columns;
    }

    private Integer version(String schema, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT version FROM archive.obscore_mappings WHERE schema_name = ? AND table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt("version") : null;
            }
        }
    }

    private Map<String, ObsCoreSource> columns(String schema, String table) throws SQLException {
        Map<String, ObsCoreSource> columns = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT e.key, e.value ->> 'column' AS source_column, e.value ->> 'factor' AS factor,
                       e.value ->> 'value' AS value, jsonb_typeof(e.value -> 'value') AS value_type,
                       e.value ->> 'datalink' AS datalink, e.value ->> 'mjd' AS mjd, e.value ->> 'ivoid' AS ivoid
                  FROM archive.obscore_mappings m, jsonb_each(m.columns) e
                 WHERE m.schema_name = ? AND m.table_name = ?""")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String factor = rs.getString("factor");
                    String value = rs.getString("value");
                    Object constant = value == null ? null
                        : "number".equals(rs.getString("value_type")) ? new BigDecimal(value) : value;
                    columns.put(rs.getString("key"), new ObsCoreSource(rs.getString("source_column"),
                        factor == null ? null : new BigDecimal(factor), constant, rs.getString("datalink"),
                        rs.getString("mjd"), rs.getString("ivoid")));
                }
            }
        }
        // the standard's order
        Map<String, ObsCoreSource> ordered = new LinkedHashMap<>();
        for (ObsCoreColumn c : ObsCoreColumn.ALL) {
            if (columns.containsKey(c.name())) {
                ordered.put(c.name(), columns.get(c.name()));
            }
        }
        return ordered;
    }

    /** The stored form: only the kinds a checked source has, names and constants as JSON values. */
    static String json(Map<ObsCoreColumn, ObsCoreSource> checked) {
        jakarta.json.JsonObjectBuilder entries = jakarta.json.Json.createObjectBuilder();
        for (Map.Entry<ObsCoreColumn, ObsCoreSource> e : checked.entrySet()) {
            ObsCoreSource s = e.getValue();
            jakarta.json.JsonObjectBuilder fields = jakarta.json.Json.createObjectBuilder();
            if (s.column() != null) {
                fields.add("column", s.column());
            }
            if (s.factor() != null) {
                fields.add("factor", s.factor());
            }
            if (s.value() instanceof BigDecimal n) {
                fields.add("value", n);
            } else if (s.value() != null) {
                fields.add("value", (String) s.value());
            }
            if (s.datalink() != null) {
                fields.add("datalink", s.datalink());
            }
            if (s.mjd() != null) {
                fields.add("mjd", s.mjd());
            }
            if (s.ivoid() != null) {
                fields.add("ivoid", s.ivoid());
            }
            entries.add(e.getKey().name(), fields);
        }
        return entries.build().toString();
    }

    /** The table as the metadata publishes it, empty if the metadata has no such table. */
    private Optional<SourceTable> source(String schema, String table) throws SQLException {
        boolean readable;
        // the view's own rule (V24), for the table alone here: the columns are named one by one below
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT ivoa.obscore_source_readable(s.name, t.name, CAST(ARRAY[] AS text[])) AS readable
                  FROM archive.schemas s JOIN archive.tables t ON t.schema_id = s.id
                 WHERE s.name = ? AND t.name = ? AND t.owner IS NULL""")) { // users' personal tables are never ObsCore's
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                readable = rs.getBoolean("readable");
            }
        }
        Map<String, SourceTable.Column> columns = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.name, c.datatype, c.arraysize, c.xtype,
                       c.data_access = 'PUBLIC' AND c.metadata_access = 'PUBLIC' AS readable
                  FROM archive.columns c JOIN archive.tables t ON t.id = c.table_id JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = ? AND t.name = ? ORDER BY c.column_index""")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("name");
                    columns.put(name, new SourceTable.Column(name, new ValueType(rs.getString("datatype"),
                        rs.getString("arraysize"), rs.getString("xtype")), rs.getBoolean("readable")));
                }
            }
        }
        return Optional.of(new SourceTable(schema, table, readable, columns));
    }

    /**
     * Describes ivoa.obscore in the metadata with the standard's metadata only, published to everyone
     * (what the operator may curate elsewhere is overwritten: these are the data model's facts).
     */
    private void publish() throws SQLException {
        long schemaId;
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO archive.schemas (name, title, description, published, data_access, metadata_access)
                VALUES ('ivoa', 'IVOA data models', ?, true, 'PUBLIC', 'PUBLIC')
                ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, published = true,
                       data_access = 'PUBLIC', metadata_access = 'PUBLIC', updated = now()
                RETURNING id""")) {
            s.setString(1, "Tables of IVOA data models, generated by the archive from its published tables:"
                + " ObsCore 1.1 (ivoa.obscore)");
            schemaId = single(s);
        }
        long tableId;
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO archive.tables (schema_id, name, table_type, title, description, utype, published,
                                            data_access, metadata_access)
                VALUES (?, 'obscore', 'view', 'ObsCore 1.1', ?, ?, true, 'PUBLIC', 'PUBLIC')
                ON CONFLICT (schema_id, name) DO UPDATE SET table_type = 'view', title = EXCLUDED.title,
                       description = EXCLUDED.description, utype = EXCLUDED.utype, published = true,
                       data_access = 'PUBLIC', metadata_access = 'PUBLIC', updated = now()
                RETURNING id""")) {
            s.setLong(1, schemaId);
            s.setString(2, "The IVOA ObsCore 1.1 table (ObsTAP): the archive's observations (data products) that are"
                + " public, one row each, from the tables mapped to it");
            s.setString(3, null); // ObsCore 1.1 names no table utype: the dataModel of the capabilities declares it
            tableId = single(s);
        }
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO archive.columns (table_id, name, description, unit, ucd, utype, datatype, arraysize, xtype,
                                             principal, indexed, std, column_index, data_access, metadata_access)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, true, ?, 'PUBLIC', 'PUBLIC')
                ON CONFLICT (table_id, name) DO UPDATE SET description = EXCLUDED.description, unit = EXCLUDED.unit,
                       ucd = EXCLUDED.ucd, utype = EXCLUDED.utype, datatype = EXCLUDED.datatype,
                       arraysize = EXCLUDED.arraysize, xtype = EXCLUDED.xtype, principal = EXCLUDED.principal,
                       indexed = false, std = true, column_index = EXCLUDED.column_index, data_access = 'PUBLIC',
                       metadata_access = 'PUBLIC', updated = now()""")) {
            int index = 0;
            for (ObsCoreColumn c : ObsCoreColumn.ALL) {
                s.setLong(1, tableId);
                s.setString(2, c.name());
                s.setString(3, c.description());
                s.setString(4, c.unit());
                s.setString(5, c.ucd());
                s.setString(6, c.utype());
                s.setString(7, c.type().datatype());
                s.setString(8, c.type().arraysize());
                s.setString(9, c.type().xtype());
                s.setBoolean(10, c.principal());
                s.setInt(11, ++index);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = connection.prepareStatement(
                "DELETE FROM archive.columns WHERE table_id = ? AND NOT (name = ANY (?))")) {
            s.setLong(1, tableId);
            s.setArray(2, connection.createArrayOf("text", ObsCoreColumn.ALL.stream().map(ObsCoreColumn::name).toArray()));
            s.executeUpdate();
        }
    }

    /** No view: its metadata goes, and the schema's with it when nothing else is in it. */
    private void unpublish() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("""
                DELETE FROM archive.tables t USING archive.schemas s
                 WHERE t.schema_id = s.id AND s.name = 'ivoa' AND t.name = 'obscore'""");
            s.executeUpdate("""
                DELETE FROM archive.schemas s
                 WHERE s.name = 'ivoa' AND NOT EXISTS (SELECT FROM archive.tables t WHERE t.schema_id = s.id)""");
        }
    }

    /** The id a statement's {@code RETURNING id} gives. */
    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong("id");
        }
    }
}
