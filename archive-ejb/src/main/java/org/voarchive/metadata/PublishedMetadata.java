package org.voarchive.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;

/**
 * A snapshot of the published metadata a caller may see, read in one go
 * through the access-filtering views (see migration V4): what VOSI tables, the
 * home page and the ADQL checker are told. {@code queryable} marks what the
 * caller may also read data from.
 *
 * @param registry the ADQL user-defined functions queries may call: the standard ones and the operators'
 *                 published ones, built once with the rest of the metadata
 * @param examples the TAP service's DALI examples (archive.examples) whose queries check against this
 *                 metadata, in their order
 */
public record PublishedMetadata(List<Schema> schemas, org.voarchive.adql.FunctionRegistry registry,
                                List<ExampleRecord> examples) {

    public PublishedMetadata {
        examples = List.copyOf(examples);
    }

    /** With the standard functions only, and no examples. */
    public PublishedMetadata(List<Schema> schemas) {
        this(schemas, org.voarchive.adql.StandardFunctions.registry());
    }

    /** Without examples. */
    public PublishedMetadata(List<Schema> schemas, org.voarchive.adql.FunctionRegistry registry) {
        this(schemas, registry, List.of());
    }

    public record Schema(String name, String title, String description, String utype, Publication publication,
                         List<Table> tables) {
    }

    /**
     * @param queryable  the caller may read its data too, so ADQL may read it
     * @param coneSearch its Simple Cone Search, or null if it has none
     */
    public record Table(String schema, String name, String type, String title, String description, String utype,
                        Long nrows, boolean queryable, List<Column> columns, List<ForeignKey> foreignKeys,
                        ConeSearchSettings coneSearch, Publication publication) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    /**
     * @param name     as stored, which the ADQL checker matches
     * @param tapName  as TAP_SCHEMA and VOSI write it: delimited where the name is not an ADQL regular identifier
     * @param datalink its values are Datalink IDs
     */
    public record Column(String name, String tapName, String description, String unit, String ucd, String utype,
                         ValueType type, boolean principal, boolean indexed, boolean std, boolean queryable,
                         boolean datalink) {
    }

    /**
     * How a schema or table is published and cited (what Datalink, landing pages and DataCite need).
     *
     * @param doi      without the resolver, or null
     * @param related  its related identifiers (DataCite terms), in their curated order
     * @param creators its creators' names (credits), in their curated order: what results' origin INFOs
     *                 name, as its DataCite record does
     * @param created  when its metadata was first recorded here (UTC), or null
     * @param updated  when its metadata last changed (UTC), or null
     */
    public record Publication(String doi, String licenseSpdx, String licenseLabel, String licenseUrl,
                              List<Credits.RelatedIdentifier> related, List<String> creators,
                              java.time.LocalDate created, java.time.LocalDate updated, String resourceVersion,
                              String longDescription) {

        public static final Publication NONE = new Publication(null, null, null, null, List.of());

        public Publication {
            related = List.copyOf(related);
            creators = List.copyOf(creators);
        }

        /** Without creators or dates. */
        public Publication(String doi, String licenseSpdx, String licenseLabel, String licenseUrl,
                           List<Credits.RelatedIdentifier> related) {
            this(doi, licenseSpdx, licenseLabel, licenseUrl, related, List.of(), null, null, null, null);
        }
    }

    public record ForeignKey(String keyId, String targetTable, List<String> fromColumns, List<String> targetColumns,
                             String description, String utype) {
    }

    /** What anonymous callers see. */
    public static PublishedMetadata load(Connection connection) throws SQLException {
        return load(connection, Caller.ANONYMOUS);
    }

    /**
     * What {@code caller} sees. Reads in its own transaction, with the caller set for the
     * visibility views; the connection's auto-commit state is restored.
     */
    public static PublishedMetadata load(Connection connection, Caller caller) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            caller.applyTo(connection);
            return read(connection);
        } finally {
            connection.rollback(); // read only; also clears the caller settings
            connection.setAutoCommit(autoCommit);
        }
    }

    private static PublishedMetadata read(Connection connection) throws SQLException {
        String dataVisible = "archive.visible(%s.data_access, %s, archive.caller_authenticated(), archive.caller_groups())";
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_id, c.name, c.description, c.unit, c.ucd, c.utype, c.datatype, c.arraysize, c.xtype,
                       c.principal, c.indexed, c.std, %s, archive.adql_name(c.name), c.datalink
                  FROM archive.visible_columns c JOIN archive.column_group_names cg ON cg.column_id = c.id
                 ORDER BY c.table_id, c.column_index NULLS LAST, c.name""".formatted(dataVisible.formatted("c", "cg.groups")))) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getString(14), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6),
                    new ValueType(rs.getString(7), rs.getString(8), rs.getString(9)),
                    rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(15)));
            }
        }
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT k.from_table_id, k.key_id, ts.name || '.' || t.name, k.description, k.utype,
                       ARRAY(SELECT archive.adql_name(from_column) FROM archive.foreign_key_columns WHERE foreign_key_id = k.id ORDER BY position),
                       ARRAY(SELECT archive.adql_name(target_column) FROM archive.foreign_key_columns WHERE foreign_key_id = k.id ORDER BY position)
                  FROM archive.foreign_keys k JOIN archive.visible_tables t ON t.id = k.target_table_id
                  JOIN archive.schemas ts ON ts.id = t.schema_id
                 ORDER BY k.key_id""")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ForeignKey(rs.getString(2), rs.getString(3),
                    List.of((String[]) rs.getArray(6).getArray()), List.of((String[]) rs.getArray(7).getArray()),
                    rs.getString(4), rs.getString(5)));
            }
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Map<String, List<Table>> tables = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.name, s.title, s.description, s.utype, t.id, t.name, t.table_type, t.title, t.description, t.utype,
                       t.nrows, %s AND %s, %s,
                       %s, %s
                  FROM archive.visible_schemas s JOIN archive.schema_group_names sg ON sg.schema_id = s.id
                  LEFT JOIN archive.visible_tables t ON t.schema_id = s.id
                  LEFT JOIN archive.table_group_names tg ON tg.table_id = t.id
                  LEFT JOIN archive.cone_searches cs ON cs.table_id = t.id
                 ORDER BY s.schema_index NULLS FIRST, s.name, t.table_index NULLS LAST, t.name"""
                .formatted(dataVisible.formatted("s", "sg.groups"), dataVisible.formatted("t", "tg.groups"),
                    ConeSearchStore.COLUMNS, PUBLICATION.replace("%s", "s"), PUBLICATION.replace("%s", "t")))) {
            while (rs.next()) {
                String schema = rs.getString(1);
                schemas.putIfAbsent(schema, new Schema(schema, rs.getString(2), rs.getString(3), rs.getString(4),
                    publication(rs, 23), List.of()));
                List<Table> list = tables.computeIfAbsent(schema, k -> new ArrayList<>());
                if (rs.getString(5) != null) {
                    String id = rs.getString(5);
                    list.add(new Table(schema, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), (Long) rs.getObject(11), rs.getBoolean(12), columns.getOrDefault(id, List.of()),
                        keys.getOrDefault(id, List.of()),
                        ConeSearchStore.read(rs, 13), publication(rs, 23 + PUBLICATION_COLUMNS)));
                }
            }
        }
        List<Schema> result = new ArrayList<>();
        schemas.forEach((name, s) -> result.add(new Schema(name, s.title(), s.description(), s.utype(), s.publication(),
            List.copyOf(tables.get(name)))));
        List<org.voarchive.adql.UserDefinedFunction> functions = new ArrayList<>(org.voarchive.adql.StandardFunctions.all());
        functions.addAll(operatorFunctions(connection));
        PublishedMetadata metadata = new PublishedMetadata(List.copyOf(result), new org.voarchive.adql.FunctionRegistry(functions));
        return new PublishedMetadata(metadata.schemas(), metadata.registry(), examples(connection, metadata));
    }

    /**
     * The DALI examples whose queries check against {@code metadata}: each was checked when stored, but a
     * table unpublished since leaves its examples out (logged) rather than offer queries that fail.
     */
    private static List<ExampleRecord> examples(Connection connection, PublishedMetadata metadata) throws SQLException {
        List<ExampleRecord> examples = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, title, description, query, tables, upload, position, version FROM archive.examples"
                    + " ORDER BY position, name")) {
            while (rs.next()) {
                String tables = rs.getString("tables");
                ExampleRecord stored = new ExampleRecord(rs.getString("name"), rs.getString("title"),
                    rs.getString("description"), rs.getString("query"),
                    tables.isEmpty() ? List.of() : List.of(tables.split("\n")), rs.getString("upload"),
                    rs.getInt("position"), rs.getInt("version"));
                try {
                    examples.add(ExampleCheck.check(stored.name(), stored, metadata));
                } catch (InvalidField e) {
                    java.util.logging.Logger.getLogger(PublishedMetadata.class.getName()).fine("example "
                        + stored.name() + " is left out for this caller: " + e.field() + ": " + e.getMessage());
                }
            }
        }
        return examples;
    }

    /** How many columns {@link #PUBLICATION} has. */
    private static final int PUBLICATION_COLUMNS = 12;

    /** The publication columns of a schema or table (alias %s), read by {@link #publication}. */
    private static final String PUBLICATION = """
        %s.doi, %s.license_spdx, %s.license_label, %s.license_url,
        ARRAY(SELECT r->>'identifier' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers') WITH ORDINALITY e(r, n) ORDER BY n),
        ARRAY(SELECT r->>'type' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers') WITH ORDINALITY e(r, n) ORDER BY n),
        ARRAY(SELECT r->>'relation' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers') WITH ORDINALITY e(r, n) ORDER BY n),
        ARRAY(SELECT r->>'name' FROM jsonb_array_elements(%s.credits->'creators') WITH ORDINALITY e(r, n) ORDER BY n),
        (%s.created AT TIME ZONE 'UTC')::date, (%s.updated AT TIME ZONE 'UTC')::date, %s.credits->>'resourceVersion',
        %s.long_description""";

    private static Publication publication(ResultSet rs, int first) throws SQLException {
        String[] identifiers = (String[]) rs.getArray(first + 4).getArray();
        String[] types = (String[]) rs.getArray(first + 5).getArray();
        String[] relations = (String[]) rs.getArray(first + 6).getArray();
        List<Credits.RelatedIdentifier> related = new ArrayList<>();
        for (int i = 0; i < identifiers.length; i++) {
            related.add(new Credits.RelatedIdentifier(identifiers[i], types[i], relations[i], null));
        }
        return new Publication(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
            rs.getString(first + 3), related, List.of((String[]) rs.getArray(first + 7).getArray()),
            rs.getObject(first + 8, java.time.LocalDate.class), rs.getObject(first + 9, java.time.LocalDate.class),
            rs.getString(first + 10), rs.getString(first + 11));
    }

    public Optional<Table> table(String qualifiedName) {
        return schemas.stream().flatMap(s -> s.tables().stream()).filter(t -> t.qualifiedName().equals(qualifiedName))
            .findFirst();
    }

    /** What ADQL may query: tables and columns whose data is PUBLIC. */
    /** The operators' published functions (archive.functions); one that no longer checks out is left out, and logged. */
    private static List<org.voarchive.adql.UserDefinedFunction> operatorFunctions(Connection connection) throws SQLException {
        List<org.voarchive.adql.UserDefinedFunction> functions = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, form, sql_template, description FROM archive.functions WHERE published ORDER BY name")) {
            while (rs.next()) {
                try {
                    functions.add(FunctionAdmin.parse(rs.getString(1),
                        new FunctionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), true, null)));
                } catch (InvalidField e) {
                    java.util.logging.Logger.getLogger(PublishedMetadata.class.getName()).warning("ADQL function "
                        + rs.getString(1) + " is left out: " + e.field() + ": " + e.getMessage());
                }
            }
        }
        return functions;
    }

    public Catalog catalog() {
        List<TableInfo> queryable = schemas.stream().flatMap(s -> s.tables().stream()).filter(Table::queryable)
            .map(t -> new TableInfo(t.schema(), t.name(), t.description(), t.columns().stream().filter(Column::queryable)
                .map(c -> new ColumnInfo(c.name(), c.type(), c.unit(), c.ucd(), c.utype(), c.description())).toList()))
            .toList();
        return () -> queryable;
    }
}
