package org.voarchive.curation;

import org.voarchive.database.Transactions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.adql.unit.Ucd;
import org.voarchive.adql.unit.VoUnit;
import org.voarchive.database.DataSources;
import org.voarchive.metadata.ConeSearchSettings;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.FunctionRecord;
import org.voarchive.metadata.InvalidField;
import org.voarchive.metadata.TableName;
import org.voarchive.metadata.VersionConflict;

/** The admin API's operations on the metadata. */
@Stateless
public class MetadataAdmin {



    private static final String SELECT = """
        SELECT s.name AS schema_name, t.name AS table_name, t.title, t.description, t.long_description, t.utype,
               t.doi, t.license_spdx, t.license_label, t.license_url, t.published, t.data_access, t.metadata_access,
               t.nrows, t.version
          FROM archive.tables t JOIN archive.schemas s ON s.id = t.schema_id
         WHERE t.owner IS NULL
        """;

    /**
     * The ivoa schema: the archive generates it from the ObsCore mappings (org.voarchive.obscore), so exports
     * carry the mappings instead, and another archive generates its own.
     */
    static final String GENERATED_SCHEMA = "ivoa";

    @EJB
    private DataSources dataSources;

    @EJB
    private CreditsAdmin creditsAdmin;

    @EJB
    private SchemaAdmin schemaAdmin;

    @EJB
    private ConeSearchAdmin coneSearchAdmin;

    @EJB
    private ForeignKeyAdmin foreignKeyAdmin;

    @EJB
    private FunctionAdmin functionAdmin;

    @EJB
    private ExampleAdmin exampleAdmin;

    public List<TableRecord> tables() throws SQLException {
        List<TableRecord> tables = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY s.name, t.name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(record(rs));
            }
        }
        return tables;
    }

    public Optional<TableRecord> table(String schema, String name) throws SQLException {
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + " AND s.name = ? AND t.name = ?")) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Applies the non-null fields of {@code edit} if the table is still at {@code edit.version()}.
     *
     * @return the table after the edit, empty if there is no such table
     * @throws InvalidField for a bad value, naming the field
     * @throws VersionConflict if someone else changed the table in between
     */
    public Optional<TableRecord> updateTable(String schema, String name, TableRecord edit) throws SQLException {
        validate(edit);
        try (Connection c = dataSources.app().getConnection()) {
            OptionalLong id = VersionedObject.TABLE.lock(c, List.of(schema, name), edit.version());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            DescriptiveFields.update(c, VersionedObject.TABLE, id.getAsLong(), edit.title(), edit.description(),
                edit.longDescription(), edit.utype(), edit.doi(), edit.licenseSpdx(), edit.licenseLabel(),
                edit.licenseUrl(), edit.published(), edit.dataAccess(), edit.metadataAccess());
        }
        return table(schema, name);
    }

    /**
     * Removes a table's metadata (its columns, groups, keys and credits with it); the data stay in the database,
     * and discovery can describe the table again.
     *
     * @param version the version read, or null to delete whatever the state
     * @return false if there is no such table
     * @throws VersionConflict if the table moved on from {@code version}
     */
    public boolean deleteTable(String schema, String name, Integer version) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return VersionedObject.TABLE.delete(c, List.of(schema, name), version);
        }
    }

    /** Every table's curated metadata, its columns' and its groups: what {@link #importDocument} takes. */
    public MetadataDocument export() throws SQLException {
        List<MetadataDocument.Schema> schemas = new ArrayList<>();
        for (SchemaRecord s : schemaAdmin.schemas()) {
            if (GENERATED_SCHEMA.equals(s.name())) {
                continue;
            }
            schemas.add(new MetadataDocument.Schema(s, schemaGroups(s.name()),
                creditsAdmin.credits(VersionedObject.SCHEMA, List.of(s.name())).orElseThrow()));
        }
        List<MetadataDocument.Table> entries = new ArrayList<>();
        for (TableRecord t : tables()) {
            if (GENERATED_SCHEMA.equals(t.schema())) {
                continue;
            }
            entries.add(new MetadataDocument.Table(t, columns(t.schema(), t.name()), groups(t.schema(), t.name()),
                columnGroups(t.schema(), t.name()),
                creditsAdmin.credits(VersionedObject.TABLE, List.of(t.schema(), t.name())).orElseThrow(),
                coneSearchAdmin.settings(t.schema(), t.name()).orElseThrow(),
                foreignKeyAdmin.keys(t.schema(), t.name()).orElseThrow().stream()
                    .filter(k -> Boolean.TRUE.equals(k.curated())).toList()));
        }
        return new MetadataDocument(MetadataDocument.FORMAT, schemas, entries, functionAdmin.functions(),
            exampleAdmin.examples(), null);
    }

    /** Applies the schemas of an exported document (before its tables); unknown schemas are refused. */
    private void importSchemas(List<MetadataDocument.Schema> schemas) throws SQLException {
        for (int i = 0; i < schemas.size(); i++) {
            MetadataDocument.Schema entry = schemas.get(i);
            String at = "schemas[" + i + "]";
            if (entry == null || entry.schema() == null || entry.schema().name() == null) {
                throw new InvalidField(at, "each entry needs schema.name");
            }
            SchemaRecord s = entry.schema();
            SchemaRecord current = schemaAdmin.schema(s.name()).orElseThrow(() -> new InvalidField(at,
                "no schema " + s.name() + " in this archive: load or discover it first"));
            try {
                schemaAdmin.update(s.name(), new SchemaRecord(null, s.title(), s.description(), s.longDescription(),
                    s.utype(), s.doi(), s.licenseSpdx(), s.licenseLabel(), s.licenseUrl(), s.published(), s.dataAccess(),
                    s.metadataAccess(), current.version()));
                if (entry.groups() != null) {
                    setSchemaGroups(s.name(), entry.groups(), null);
                }
                if (entry.credits() != null) {
                    creditsAdmin.setCredits(VersionedObject.SCHEMA, List.of(s.name()), entry.credits(), false);
                }
            } catch (InvalidField e) {
                throw new InvalidField(at + "." + e.field(), e.getMessage());
            }
        }
    }

    /**
     * Applies an exported document to the tables of the same names here, as one transaction:
     * a document with any bad value or unknown table changes nothing. The document is
     * authoritative, so the versions in it are not checked; every object's version moves on.
     *
     * @return the number of tables updated
     * @throws InvalidField naming the first entry that cannot be applied
     */
    public int importDocument(MetadataDocument document) throws SQLException {
        if (document == null || !MetadataDocument.FORMAT.equals(document.format())) {
            throw new InvalidField("format", "not a metadata export: format must be " + MetadataDocument.FORMAT);
        }
        importSchemas(document.schemas() == null ? List.of() : document.schemas());
        List<FunctionRecord> functions = document.functions() == null ? List.of() : document.functions();
        for (int i = 0; i < functions.size(); i++) {
            FunctionRecord f = functions.get(i);
            try {
                functionAdmin.put(f == null ? null : f.name(), f, false);
            } catch (InvalidField e) {
                throw new InvalidField("functions[" + i + "]." + e.field(), e.getMessage());
            }
        }
        List<MetadataDocument.Table> entries = document.tables() == null ? List.of() : document.tables();
        for (int i = 0; i < entries.size(); i++) {
            MetadataDocument.Table entry = entries.get(i);
            String at = "tables[" + i + "]";
            if (entry == null || entry.table() == null || entry.table().schema() == null || entry.table().name() == null) {
                throw new InvalidField(at, "each entry needs table.schema and table.name");
            }
            TableRecord t = entry.table();
            TableName name = new TableName(t.schema(), t.name());
            TableRecord current = table(t.schema(), t.name()).orElseThrow(() -> new InvalidField(at,
                "no table " + name + " in this archive: load or discover it first"));
            updateTable(t.schema(), t.name(), new TableRecord(null, null, t.title(), t.description(),
                t.longDescription(), t.utype(), t.doi(), t.licenseSpdx(), t.licenseLabel(), t.licenseUrl(), t.published(),
                t.dataAccess(), t.metadataAccess(), null, current.version()));
            Map<String, Integer> versions = new HashMap<>();
            columns(t.schema(), t.name()).forEach(c -> versions.put(c.name(), c.version()));
            for (ColumnRecord c : entry.columns() == null ? List.<ColumnRecord>of() : entry.columns()) {
                Integer version = versions.get(c.name());
                if (version == null) {
                    throw new InvalidField(at + ".columns", "no column " + c.name() + " in " + name);
                }
                updateColumn(t.schema(), t.name(), c.name(), new ColumnRecord(null, c.description(), c.unit(), c.ucd(),
                    c.utype(), c.principal(), c.std(), c.datalink(), c.dataAccess(), c.metadataAccess(), null, null, null, version));
            }
            // an export lists every column in its curated order: the same order here (a partial list keeps it)
            List<String> order = entry.columns() == null ? List.of() : entry.columns().stream().map(ColumnRecord::name).toList();
            if (order.size() == versions.size() && versions.keySet().containsAll(order)) {
                setColumnOrder(t.schema(), t.name(), order, null);
            }
            if (entry.groups() != null) {
                setTableGroups(t.schema(), t.name(), entry.groups(), null);
            }
            if (entry.credits() != null) {
                try {
                    creditsAdmin.setCredits(VersionedObject.TABLE, List.of(t.schema(), t.name()), entry.credits(), false);
                } catch (InvalidField e) {
                    throw new InvalidField(at + ".credits." + e.field(), e.getMessage());
                }
            }
            if (entry.coneSearch() != null) {
                importConeSearch(at, t, entry.coneSearch());
            }
            List<ForeignKeyRecord> keys = entry.foreignKeys() == null ? List.of() : entry.foreignKeys();
            for (int k = 0; k < keys.size(); k++) {
                ForeignKeyRecord key = keys.get(k);
                int version = table(t.schema(), t.name()).orElseThrow().version();
                try {
                    foreignKeyAdmin.put(t.schema(), t.name(), key == null ? null : key.keyId(), key == null ? null
                        : new ForeignKeyRecord(key.keyId(), key.targetTable(), key.columns(), key.description(),
                            key.utype(), true, version));
                } catch (InvalidField e) {
                    throw new InvalidField(at + ".foreignKeys[" + k + "]." + e.field(), e.getMessage());
                }
            }
            if (entry.columnGroups() != null) {
                for (Map.Entry<String, List<String>> cg : entry.columnGroups().entrySet()) {
                    if (!setColumnGroups(t.schema(), t.name(), cg.getKey(), cg.getValue(), null)) {
                        throw new InvalidField(at + ".columnGroups", "no column " + cg.getKey() + " in " + name);
                    }
                }
            }
        }
        // last, after the functions they may call; checked against the metadata published before this import
        // (the check reads it on its own connection), so a table the same document publishes is not yet there
        List<ExampleRecord> examples = document.examples() == null ? List.of() : document.examples();
        for (int i = 0; i < examples.size(); i++) {
            ExampleRecord e = examples.get(i);
            try {
                exampleAdmin.put(e == null ? null : e.name(), e, false);
            } catch (InvalidField ex) {
                throw new InvalidField("examples[" + i + "]." + ex.field(), ex.getMessage());
            }
        }
        return entries.size();
    }

    /** An exported cone search: enabled with its settings, or withdrawn. */
    private void importConeSearch(String at, TableRecord t, ConeSearchSettings settings) throws SQLException {
        if (Boolean.TRUE.equals(settings.enabled())) {
            try {
                coneSearchAdmin.enable(t.schema(), t.name(), settings, false);
            } catch (InvalidField e) {
                throw new InvalidField(at + ".coneSearch." + e.field(), e.getMessage());
            }
        } else {
            coneSearchAdmin.disable(t.schema(), t.name(), null);
        }
    }

    /** The groups that may see a PRIVATE table. */
    public List<String> groups(String schema, String name) throws SQLException {
        return groupNames("""
            SELECT g.name FROM archive.table_groups tg JOIN archive.groups g ON g.id = tg.group_id
              JOIN archive.tables t ON t.id = tg.table_id JOIN archive.schemas s ON s.id = t.schema_id
             WHERE s.name = ? AND t.name = ? ORDER BY g.name""", List.of(schema, name));
    }

    /** The groups that may see a PRIVATE schema. */
    public List<String> schemaGroups(String schema) throws SQLException {
        return groupNames("""
            SELECT g.name FROM archive.schema_groups sg JOIN archive.groups g ON g.id = sg.group_id
              JOIN archive.schemas s ON s.id = sg.schema_id WHERE s.name = ? ORDER BY g.name""", List.of(schema));
    }

    private List<String> groupNames(String sql, List<String> names) throws SQLException {
        List<String> groups = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int k = 0; k < names.size(); k++) {
                s.setString(k + 1, names.get(k));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.add(rs.getString("name"));
                }
            }
        }
        return groups;
    }

    /** Columns with groups of their own, with those groups. */
    public Map<String, List<String>> columnGroups(String schema, String table) throws SQLException {
        Map<String, List<String>> groups = new java.util.TreeMap<>();
        try (Connection c = dataSources.app().getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT col.name AS column_name, g.name AS group_name
                  FROM archive.column_groups cg JOIN archive.groups g ON g.id = cg.group_id
                  JOIN archive.columns col ON col.id = cg.column_id JOIN archive.tables t ON t.id = col.table_id
                  JOIN archive.schemas s ON s.id = t.schema_id
                 WHERE s.name = ? AND t.name = ? ORDER BY col.name, g.name""")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getString("column_name"), k -> new ArrayList<>())
                        .add(rs.getString("group_name"));
                }
            }
        }
        return groups;
    }

    /**
     * Sets the groups that may see the table when its access level is PRIVATE (groups must exist).
     *
     * @param version the table's version read: checked and moved on, as for any edit; null (imports, scripts
     *                of old) to set them whatever the state, leaving the version as it is
     * @return false if there is no such table
     * @throws InvalidField naming an unknown group
     * @throws VersionConflict if the table moved on from {@code version}
     */
    public boolean setTableGroups(String schema, String name, List<String> groups, Integer version) throws SQLException {
        return setGroups(VersionedObject.TABLE, List.of(schema, name), "table_groups", "table_id", groups, version);
    }

    /**
     * Sets the groups that may see the schema when its access level is PRIVATE.
     *
     * @param version the schema's version read, or null (see {@link #setTableGroups})
     * @return false if there is no such schema
     * @throws InvalidField naming an unknown group
     * @throws VersionConflict if the schema moved on from {@code version}
     */
    public boolean setSchemaGroups(String schema, List<String> groups, Integer version) throws SQLException {
        return setGroups(VersionedObject.SCHEMA, List.of(schema), "schema_groups", "schema_id", groups, version);
    }

    /**
     * Sets the groups that may see a PRIVATE column; an empty list gives the column its table's groups again.
     *
     * @param version the column's version read, or null (see {@link #setTableGroups})
     * @return false if there is no such column
     * @throws InvalidField naming an unknown group
     * @throws VersionConflict if the column moved on from {@code version}
     */
    public boolean setColumnGroups(String schema, String table, String column, List<String> groups, Integer version)
            throws SQLException {
        return setGroups(VersionedObject.COLUMN, List.of(schema, table, column), "column_groups", "column_id", groups,
            version);
    }

    /** Every group, by name: those access levels may name. */
    public List<String> allGroups() throws SQLException {
        return groupNames("SELECT name FROM archive.groups ORDER BY name", List.of());
    }

    /**
     * Replaces the groups of the object; the link table and its column are constants here. With a version, the
     * object is {@link VersionedObject#lock locked} at it (and moves on); without, only found.
     */
    private boolean setGroups(VersionedObject kind, List<String> names, String linkTable, String idColumn,
                              List<String> groups, Integer version) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            for (String group : groups) {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM archive.groups WHERE name = ?")) {
                    s.setString(1, group);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new InvalidField("groups", "no group '" + group + "'");
                        }
                    }
                }
            }
            OptionalLong id = version != null ? kind.lock(c, names, version) : kind.find(c, names);
            if (id.isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive." + linkTable + " WHERE " + idColumn + " = ?")) {
                s.setLong(1, id.getAsLong());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO archive." + linkTable + " (" + idColumn
                    + ", group_id) SELECT ?, id FROM archive.groups WHERE name = ANY (?)")) {
                s.setLong(1, id.getAsLong());
                s.setArray(2, c.createArrayOf("text", groups.toArray()));
                s.executeUpdate();
            }
            return true;
        }
    }

    /**
     * Puts the table's columns in this order (TAP_SCHEMA's column_index, VOSI's and results' order), if the table
     * is still at {@code version}; discovery keeps it, and puts columns new to the metadata last.
     *
     * @param columns every column of the table, each once
     * @param version the table's version read, or null (imports) whatever the state
     * @return false if there is no such table
     * @throws InvalidField (field "columns") if the list is not the table's columns
     * @throws VersionConflict if the table moved on from {@code version}
     */
    public boolean setColumnOrder(String schema, String table, List<String> columns, Integer version)
            throws SQLException {
        if (columns == null || columns.contains(null)) {
            throw new InvalidField("columns", "give every column's name, in the order wanted");
        }
        try (Connection c = dataSources.app().getConnection()) {
            OptionalLong id = VersionedObject.TABLE.lock(c, List.of(schema, table), version);
            if (id.isEmpty()) {
                return false;
            }
            List<String> present = columns(c, schema, table).stream().map(ColumnRecord::name).toList();
            if (columns.size() != present.size() || !new java.util.HashSet<>(columns).equals(new java.util.HashSet<>(present))) {
                throw new InvalidField("columns", "the order must name each of the table's columns once: "
                    + String.join(", ", present));
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE archive.columns c SET column_index = o.position
                      FROM unnest(?) WITH ORDINALITY AS o (name, position)
                     WHERE c.table_id = ? AND c.name = o.name""")) {
                s.setArray(1, c.createArrayOf("text", columns.toArray()));
                s.setLong(2, id.getAsLong());
                s.executeUpdate();
            }
            return true;
        }
    }

    /**
     * Imports or refreshes a schema's metadata from the database (owner role), or only one table's of it.
     *
     * @param table null for the whole schema
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MetadataDiscovery.Result discover(String schema, String table) throws SQLException {
        try (Connection c = dataSources.owner().getConnection()) {
            return Transactions.inTransaction(c, () -> new MetadataDiscovery(c).discover(schema, table));
        }
    }

    /** The database's schemas and tables the metadata does not describe yet (never the system schemas). */
    public List<MetadataDiscovery.Undescribed> undescribed() throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return new MetadataDiscovery(c).undescribed();
        }
    }

    /** What discovering the schema again would change; empty if the metadata has no such schema. */
    public Optional<List<MetadataDiscovery.Change>> changes(String schema) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return new MetadataDiscovery(c).changes(schema);
        }
    }

    /** Who may see what of the table, by the server's access rules; empty if there is no such table. */
    public Optional<TableAccess> access(String schema, String table) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return TableAccess.read(c, schema, table);
        }
    }

    static void validate(TableRecord edit) {
        DescriptiveFields.check(edit.version(), edit.dataAccess(), edit.metadataAccess(), edit.doi(), edit.licenseUrl(),
            edit.title(), edit.utype(), edit.licenseLabel());
        if (edit.schema() != null || edit.name() != null || edit.nrows() != null) {
            throw new InvalidField(edit.schema() != null ? "schema" : edit.name() != null ? "name" : "nrows",
                "cannot be edited (names come from the database, nrows from discovery)");
        }
    }

    private static final String SELECT_COLUMNS = """
        SELECT c.name, c.description, c.unit, c.ucd, c.utype, c.principal, c.std, c.data_access, c.metadata_access,
               c.datatype, c.arraysize, c.xtype, c.version, c.datalink
          FROM archive.columns c JOIN archive.tables t ON t.id = c.table_id JOIN archive.schemas s ON s.id = t.schema_id
         WHERE s.name = ? AND t.name = ?
        """;

    public List<ColumnRecord> columns(String schema, String table) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return columns(c, schema, table);
        }
    }

    /** A table's columns in their order, read on the given connection. */
    static List<ColumnRecord> columns(Connection c, String schema, String table) throws SQLException {
        List<ColumnRecord> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_COLUMNS + " ORDER BY c.column_index")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(column(rs));
                }
            }
        }
        return columns;
    }

    /**
     * Applies the non-null fields of {@code edit} if the column is still at {@code edit.version()}.
     *
     * @return the column after the edit, empty if there is no such column
     * @throws InvalidField for a bad value (UCD1+ and VOUnit are checked; "" clears a text field), naming the field
     * @throws VersionConflict if someone else changed the column in between
     */
    public Optional<ColumnRecord> updateColumn(String schema, String table, String column, ColumnRecord edit)
            throws SQLException {
        if (edit.version() == null) {
            throw new InvalidField("version", "the version you read is required (optimistic locking)");
        }
        DescriptiveFields.checkAccess(edit.dataAccess(), edit.metadataAccess());
        if (PartialUpdate.given(edit.ucd())) {
            Ucd.problem(edit.ucd()).ifPresent(p -> {
                throw new InvalidField("ucd", p);
            });
        }
        if (PartialUpdate.given(edit.unit())) {
            VoUnit.problem(edit.unit()).ifPresent(p -> {
                throw new InvalidField("unit", p);
            });
        }
        if (edit.name() != null || edit.datatype() != null || edit.arraysize() != null || edit.xtype() != null) {
            throw new InvalidField(edit.name() != null ? "name" : "datatype",
                "cannot be edited (names and types come from the database)");
        }
        try (Connection c = dataSources.app().getConnection()) {
            OptionalLong id = VersionedObject.COLUMN.lock(c, List.of(schema, table, column), edit.version());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            new PartialUpdate().text("description", edit.description()).text("unit", edit.unit())
                .text("ucd", edit.ucd()).text("utype", edit.utype()).value("principal", edit.principal())
                .value("std", edit.std()).value("datalink", edit.datalink()).value("data_access", edit.dataAccess())
                .value("metadata_access", edit.metadataAccess()).apply(c, VersionedObject.COLUMN, id.getAsLong());
        }
        return column(schema, table, column);
    }

    private Optional<ColumnRecord> column(String schema, String table, String column) throws SQLException {
        try (Connection c = dataSources.app().getConnection();
             PreparedStatement s = c.prepareStatement(SELECT_COLUMNS + " AND c.name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(column(rs)) : Optional.empty();
            }
        }
    }

    private static ColumnRecord column(ResultSet rs) throws SQLException {
        return new ColumnRecord(rs.getString("name"), rs.getString("description"), rs.getString("unit"),
            rs.getString("ucd"), rs.getString("utype"), rs.getBoolean("principal"), rs.getBoolean("std"),
            rs.getBoolean("datalink"), rs.getString("data_access"), rs.getString("metadata_access"),
            rs.getString("datatype"), rs.getString("arraysize"), rs.getString("xtype"), rs.getInt("version"));
    }

    private static TableRecord record(ResultSet rs) throws SQLException {
        return new TableRecord(rs.getString("schema_name"), rs.getString("table_name"), rs.getString("title"),
            rs.getString("description"), rs.getString("long_description"), rs.getString("utype"), rs.getString("doi"),
            rs.getString("license_spdx"), rs.getString("license_label"), rs.getString("license_url"),
            rs.getBoolean("published"), rs.getString("data_access"), rs.getString("metadata_access"),
            (Long) rs.getObject("nrows"), rs.getInt("version"));
    }
}
