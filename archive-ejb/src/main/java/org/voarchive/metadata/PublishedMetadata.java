package org.voarchive.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * through the access-filtering views (see migration V4): the one read model of
 * what is published, which VOSI tables, the ADQL checker, the home page,
 * landing pages, DataCite and registry records and results' Data Origin are
 * built from. {@code queryable} marks what the caller may also read data from.
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

    /**
     * @param owner the login of the user whose personal tables it holds (V30), or null: published data
     */
    public record Schema(String name, String title, String description, String utype, Publication publication,
                         List<Table> tables, String owner) {

        /** Published data's. */
        public Schema(String name, String title, String description, String utype, Publication publication,
                      List<Table> tables) {
            this(name, title, description, utype, publication, tables, null);
        }

        /** A user's schema of personal tables. */
        public boolean personal() {
            return owner != null;
        }
    }

    /**
     * @param queryable  the caller may read its data too, so ADQL may read it
     * @param coneSearch its Simple Cone Search, or null if it has none
     * @param personal   what it is as a user's personal table (V30), or null: published data
     */
    public record Table(String schema, String name, String type, String title, String description, String utype,
                        Long nrows, boolean queryable, List<Column> columns, List<ForeignKey> foreignKeys,
                        ConeSearchSettings coneSearch, Publication publication, Personal personal) {

        /** Published data's. */
        public Table(String schema, String name, String type, String title, String description, String utype,
                     Long nrows, boolean queryable, List<Column> columns, List<ForeignKey> foreignKeys,
                     ConeSearchSettings coneSearch, Publication publication) {
            this(schema, name, type, title, description, utype, nrows, queryable, columns, foreignKeys, coneSearch,
                publication, null);
        }

        public TableName tableName() {
            return new TableName(schema, name);
        }

        /** {@code schema.table}, as TAP_SCHEMA and VOSI write it. */
        public String qualifiedName() {
            return tableName().toString();
        }

        /**
         * It has a cone search the snapshot's caller may use, its data being readable too: in the anonymous
         * snapshot, a public cone search (table and schema data PUBLIC).
         */
        public boolean coneSearchUsable() {
            return coneSearch != null && queryable;
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
     * How a schema or table is published and cited: what Datalink, landing pages, DataCite records and results'
     * Data Origin INFOs say of it.
     *
     * @param doi     without the resolver, or null
     * @param credits its full credits as curated (creators, contributors, related identifiers, each in their
     *                order; the data's release), never null (none: empty lists); {@code version} is null (the
     *                snapshot is no edit)
     * @param created when its metadata was first recorded here (UTC), or null
     * @param updated when its metadata last changed (UTC), or null
     */
    public record Publication(String doi, String licenseSpdx, String licenseLabel, String licenseUrl, Credits credits,
                              java.time.LocalDate created, java.time.LocalDate updated, String longDescription) {

        public static final Publication NONE = new Publication(null, null, null, null, null);

        public Publication {
            credits = credits == null ? new Credits(List.of(), List.of(), List.of(), null, null) : credits;
        }

        /** Without dates or long description. */
        public Publication(String doi, String licenseSpdx, String licenseLabel, String licenseUrl, Credits credits) {
            this(doi, licenseSpdx, licenseLabel, licenseUrl, credits, null, null, null);
        }
    }

    /**
     * A personal table's owner and, for a kept async result, the published tables its query read (schema.table):
     * what queries on it cite instead of it, which is nobody's data to cite.
     */
    public record Personal(String owner, List<String> sourceTables) {

        public Personal {
            sourceTables = List.copyOf(sourceTables);
        }
    }

    /**
     * Which objects a load reads: everything the caller sees ({@code ALL}); what they see through sharing and
     * publication alone, their login unset ({@code SHARED}: the same for every caller of the same groups, so
     * {@link PublishedMetadataCache} shares it); or their own personal tables alone ({@code OWN}, with no
     * functions or examples: the cache lays them over the shared part).
     */
    public enum Scope {
        ALL, SHARED, OWN
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
        return load(connection, caller, Scope.ALL);
    }

    /** What {@code caller} sees of {@code scope}, as {@link #load(Connection, Caller)}. */
    public static PublishedMetadata load(Connection connection, Caller caller, Scope scope) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            caller.applyTo(connection);
            if (scope == Scope.SHARED) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT set_config('archive.caller_name', '', true)");
                }
            }
            return read(connection, scope);
        } finally {
            connection.rollback(); // read only; also clears the caller settings
            connection.setAutoCommit(autoCommit);
        }
    }

    private static PublishedMetadata read(Connection connection, Scope scope) throws SQLException {
        // personal objects (V30) by their owner's and the caller's login; a personal schema's data level is no
        // bar (its tables' decide)
        String dataVisible = "archive.visible(%1$s.data_access, %2$s, archive.caller_authenticated(),"
            + " archive.caller_groups(), %1$s.owner, archive.caller_name())";
        // OWN: the caller's personal objects alone
        String own = scope == Scope.OWN ? " AND %s.owner = archive.caller_name()" : "";
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_id, c.name, c.description, c.unit, c.ucd, c.utype, c.datatype, c.arraysize, c.xtype,
                       c.principal, c.indexed, c.std, %s AS queryable, archive.adql_name(c.name) AS tap_name, c.datalink
                  FROM archive.visible_columns c JOIN archive.column_group_names cg ON cg.column_id = c.id
                 WHERE true%s
                 ORDER BY c.table_id, c.column_index NULLS LAST, c.name"""
                .formatted(dataVisible.formatted("c", "cg.groups"), own.formatted("c")))) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString("table_id"), k -> new ArrayList<>()).add(new Column(
                    rs.getString("name"), rs.getString("tap_name"), rs.getString("description"), rs.getString("unit"),
                    rs.getString("ucd"), rs.getString("utype"),
                    new ValueType(rs.getString("datatype"), rs.getString("arraysize"), rs.getString("xtype")),
                    rs.getBoolean("principal"), rs.getBoolean("indexed"), rs.getBoolean("std"),
                    rs.getBoolean("queryable"), rs.getBoolean("datalink")));
            }
        }
        // personal tables have no foreign keys and no credits (only curation writes them, and it leaves personal
        // objects alone): a caller's own part need not read the archive's
        Map<String, List<ForeignKey>> keys = scope == Scope.OWN ? Map.of() : foreignKeys(connection);
        Map<String, Agents> agents = scope == Scope.OWN ? Map.of() : agents(connection);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Map<String, List<Table>> tables = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.name AS schema_name, s.title AS schema_title, s.description AS schema_description,
                       s.utype AS schema_utype, t.id AS table_id, t.name AS table_name, t.table_type,
                       t.title AS table_title, t.description AS table_description, t.utype AS table_utype,
                       -- none for a personal table: its loads change its rows without moving the generation, so a
                       -- cached count would go stale (archive.personal_tables has it, for its owner's pages)
                       CASE WHEN t.owner IS NULL THEN t.nrows END AS nrows,
                       (s.owner IS NOT NULL OR %s) AND %s AS queryable, %s,
                       %s, %s, s.owner AS schema_owner, t.owner AS table_owner, pt.source_tables
                  FROM archive.visible_schemas s JOIN archive.schema_group_names sg ON sg.schema_id = s.id
                  LEFT JOIN archive.visible_tables t ON t.schema_id = s.id%s
                  LEFT JOIN archive.table_group_names tg ON tg.table_id = t.id
                  LEFT JOIN archive.cone_searches cs ON cs.table_id = t.id
                  LEFT JOIN archive.personal_tables pt ON pt.table_id = t.id
                 WHERE true%s
                 ORDER BY s.schema_index NULLS FIRST, s.name, t.table_index NULLS LAST, t.name"""
                .formatted(dataVisible.formatted("s", "sg.groups"), dataVisible.formatted("t", "tg.groups"),
                    ConeSearchSettings.COLUMNS, PUBLICATION.replace("%s", "s"), PUBLICATION.replace("%s", "t"),
                    own.formatted("t"), own.formatted("s")))) {
            while (rs.next()) {
                String schema = rs.getString("schema_name");
                schemas.putIfAbsent(schema, new Schema(schema, rs.getString("schema_title"),
                    rs.getString("schema_description"), rs.getString("schema_utype"), publication(rs, "s", agents), List.of(),
                    rs.getString("schema_owner")));
                List<Table> list = tables.computeIfAbsent(schema, k -> new ArrayList<>());
                String id = rs.getString("table_id");
                if (id != null) { // a schema without tables it may show
                    list.add(new Table(schema, rs.getString("table_name"), rs.getString("table_type"),
                        rs.getString("table_title"), rs.getString("table_description"), rs.getString("table_utype"),
                        (Long) rs.getObject("nrows"), rs.getBoolean("queryable"), columns.getOrDefault(id, List.of()),
                        keys.getOrDefault(id, List.of()),
                        ConeSearchSettings.read(rs), publication(rs, "t", agents), personal(rs)));
                }
            }
        }
        List<Schema> result = new ArrayList<>();
        schemas.forEach((name, s) -> result.add(new Schema(name, s.title(), s.description(), s.utype(), s.publication(),
            List.copyOf(tables.get(name)), s.owner())));
        if (scope == Scope.OWN) {
            return new PublishedMetadata(List.copyOf(result), org.voarchive.adql.StandardFunctions.registry());
        }
        List<org.voarchive.adql.UserDefinedFunction> functions = new ArrayList<>(org.voarchive.adql.StandardFunctions.all());
        functions.addAll(operatorFunctions(connection));
        PublishedMetadata metadata = new PublishedMetadata(List.copyOf(result), new org.voarchive.adql.FunctionRegistry(functions));
        return new PublishedMetadata(metadata.schemas(), metadata.registry(), examples(connection, metadata));
    }

    /** The foreign keys the caller may see, by the id of the table they start from. */
    private static Map<String, List<ForeignKey>> foreignKeys(Connection connection) throws SQLException {
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT k.from_table_id, k.key_id, ts.name AS target_schema, t.name AS target_table, k.description,
                       k.utype,
                       ARRAY(SELECT archive.adql_name(from_column) FROM archive.foreign_key_columns
                              WHERE foreign_key_id = k.id ORDER BY position) AS from_columns,
                       ARRAY(SELECT archive.adql_name(target_column) FROM archive.foreign_key_columns
                              WHERE foreign_key_id = k.id ORDER BY position) AS target_columns
                  FROM archive.foreign_keys k JOIN archive.visible_tables t ON t.id = k.target_table_id
                  JOIN archive.schemas ts ON ts.id = t.schema_id
                 ORDER BY k.key_id""")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString("from_table_id"), k -> new ArrayList<>()).add(new ForeignKey(
                    rs.getString("key_id"),
                    new TableName(rs.getString("target_schema"), rs.getString("target_table")).toString(),
                    strings(rs, "from_columns"),
                    strings(rs, "target_columns"), rs.getString("description"), rs.getString("utype")));
            }
        }
        return keys;
    }

    /**
     * The DALI examples whose queries check against {@code metadata}: each was checked when stored, but a
     * table unpublished since leaves its examples out (logged) rather than offer queries that fail.
     */
    private static List<ExampleRecord> examples(Connection connection, PublishedMetadata metadata) throws SQLException {
        List<ExampleRecord> examples = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + ExampleRecord.COLUMNS + " FROM archive.examples ORDER BY position, name")) {
            while (rs.next()) {
                ExampleRecord stored = ExampleRecord.read(rs);
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

    /**
     * The publication columns of a schema or table but its agents ({@link #agents}): %s is its alias, which
     * also prefixes the labels (s_doi, t_doi), as {@link #publication} reads them. Credits are stored as JSON
     * (CreditsAdmin writes {@link Credits} with JSON-B) and read here in SQL by its component names, as the rest
     * of the snapshot is: the snapshot is also loaded where no JSON-B provider is (the command-line tools, e.g.
     * DemoExamples, and the integration tests' JVM).
     */
    private static final String PUBLICATION = """
        %s.id AS %s_id, %s.doi AS %s_doi, %s.license_spdx AS %s_license_spdx, %s.license_label AS %s_license_label,
        %s.license_url AS %s_license_url,
        ARRAY(SELECT r->>'identifier' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers') WITH ORDINALITY e(r, n)
               ORDER BY n) AS %s_related_identifiers,
        ARRAY(SELECT r->>'type' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers') WITH ORDINALITY e(r, n)
               ORDER BY n) AS %s_related_types,
        ARRAY(SELECT r->>'relation' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers') WITH ORDINALITY e(r, n)
               ORDER BY n) AS %s_related_relations,
        ARRAY(SELECT r->>'resourceTypeGeneral' FROM jsonb_array_elements(%s.credits->'relatedIdentifiers')
               WITH ORDINALITY e(r, n) ORDER BY n) AS %s_related_resource_types,
        %s.credits->>'resourceVersion' AS %s_resource_version,
        (%s.created AT TIME ZONE 'UTC')::date AS %s_created, (%s.updated AT TIME ZONE 'UTC')::date AS %s_updated,
        %s.long_description AS %s_long_description""";

    /** The publication of the schema ({@code alias} s) or table (t) of the current row. */
    private static Publication publication(ResultSet rs, String alias, Map<String, Agents> agents)
            throws SQLException {
        List<String> identifiers = strings(rs, alias + "_related_identifiers");
        List<String> types = strings(rs, alias + "_related_types");
        List<String> relations = strings(rs, alias + "_related_relations");
        List<String> resourceTypes = strings(rs, alias + "_related_resource_types");
        List<Credits.RelatedIdentifier> related = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            related.add(new Credits.RelatedIdentifier(identifiers.get(i), types.get(i), relations.get(i),
                resourceTypes.get(i)));
        }
        Agents own = agents.getOrDefault(alias + rs.getString(alias + "_id"), Agents.NONE);
        return new Publication(rs.getString(alias + "_doi"), rs.getString(alias + "_license_spdx"),
            rs.getString(alias + "_license_label"), rs.getString(alias + "_license_url"),
            new Credits(own.creators(), own.contributors(), related, rs.getString(alias + "_resource_version"), null),
            rs.getObject(alias + "_created", java.time.LocalDate.class),
            rs.getObject(alias + "_updated", java.time.LocalDate.class), rs.getString(alias + "_long_description"));
    }

    /** A schema's or table's creators and contributors, each in their curated order. */
    private record Agents(List<Credits.Agent> creators, List<Credits.Contribution> contributors) {
        static final Agents NONE = new Agents(List.of(), List.of());
    }

    /**
     * The creators and contributors of every schema and table the caller may see, by owner: "s" or "t" (the
     * alias {@link #PUBLICATION} has) followed by its id. One row per agent, its affiliations as two arrays.
     */
    private static Map<String, Agents> agents(Connection connection) throws SQLException {
        Map<String, Agents> agents = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT o.owner, o.id, a.contributor, a.contribution_type, a.agent->>'name' AS name,
                       a.agent->>'nameType' AS name_type, a.agent->>'givenName' AS given_name, a.agent->>'familyName' AS family_name,
                       a.agent->>'orcid' AS orcid,
                       ARRAY(SELECT f->>'name' FROM jsonb_array_elements(a.agent->'affiliations') WITH ORDINALITY e(f, n)
                              ORDER BY n) AS affiliation_names,
                       ARRAY(SELECT f->>'ror' FROM jsonb_array_elements(a.agent->'affiliations') WITH ORDINALITY e(f, n)
                              ORDER BY n) AS affiliation_rors
                  FROM (SELECT 's' AS owner, id, credits FROM archive.visible_schemas
                        UNION ALL SELECT 't', id, credits FROM archive.visible_tables) o
                 CROSS JOIN LATERAL (
                        SELECT false AS contributor, n, c AS agent, NULL AS contribution_type
                          FROM jsonb_array_elements(o.credits->'creators') WITH ORDINALITY e(c, n)
                        UNION ALL
                        SELECT true, n, c->'contributor', c->>'type'
                          FROM jsonb_array_elements(o.credits->'contributors') WITH ORDINALITY e(c, n)) a
                 ORDER BY o.owner, o.id, a.contributor, a.n""")) {
            while (rs.next()) {
                List<String> names = strings(rs, "affiliation_names");
                List<String> rors = strings(rs, "affiliation_rors");
                List<Credits.Affiliation> affiliations = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    affiliations.add(new Credits.Affiliation(names.get(i), rors.get(i)));
                }
                Credits.Agent agent = new Credits.Agent(rs.getString("name"), rs.getString("name_type"),
                    rs.getString("given_name"), rs.getString("family_name"), rs.getString("orcid"),
                    Collections.unmodifiableList(affiliations));
                Agents own = agents.computeIfAbsent(rs.getString("owner") + rs.getString("id"),
                    k -> new Agents(new ArrayList<>(), new ArrayList<>()));
                if (rs.getBoolean("contributor")) {
                    own.contributors().add(new Credits.Contribution(rs.getString("contribution_type"), agent));
                } else {
                    own.creators().add(agent);
                }
            }
        }
        agents.replaceAll((owner, a) -> new Agents(List.copyOf(a.creators()), List.copyOf(a.contributors())));
        return agents;
    }

    /** The personal table of the current row, or null for published data's. */
    private static Personal personal(ResultSet rs) throws SQLException {
        String owner = rs.getString("table_owner");
        if (owner == null) {
            return null;
        }
        java.sql.Array sources = rs.getArray("source_tables");
        return new Personal(owner, sources == null ? List.of() : Arrays.asList((String[]) sources.getArray()));
    }

    /** A text array as an unmodifiable list; its elements may be null (a JSON key absent). */
    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Collections.unmodifiableList(Arrays.asList((String[]) rs.getArray(column).getArray()));
    }

    /** Every table, in the metadata's order (schemas', then tables' within each). */
    public List<Table> tables() {
        return schemas.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /** The table whose qualified name is written so ({@code schema.table}). */
    public Optional<Table> table(String qualifiedName) {
        // compared in place, without a list of the tables or a name made for each: an OAI-PMH page asks this for
        // every record, and it was a tenth of the page's time (JFR)
        for (Schema schema : schemas) {
            for (Table t : schema.tables()) {
                if (qualifiedName.length() == t.schema().length() + 1 + t.name().length()
                        && qualifiedName.startsWith(t.schema()) && qualifiedName.charAt(t.schema().length()) == '.'
                        && qualifiedName.endsWith(t.name())) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Table> table(TableName name) {
        return tables().stream().filter(t -> t.tableName().equals(name)).findFirst();
    }

    /** The operators' published functions (archive.functions); one that no longer checks out is left out, and logged. */
    private static List<org.voarchive.adql.UserDefinedFunction> operatorFunctions(Connection connection) throws SQLException {
        List<org.voarchive.adql.UserDefinedFunction> functions = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, form, sql_template, description FROM archive.functions WHERE published ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString("name");
                try {
                    functions.add(FunctionCheck.parse(name, new FunctionRecord(name, rs.getString("form"),
                        rs.getString("sql_template"), rs.getString("description"), true, null)));
                } catch (InvalidField e) {
                    java.util.logging.Logger.getLogger(PublishedMetadata.class.getName()).warning("ADQL function "
                        + name + " is left out: " + e.field() + ": " + e.getMessage());
                }
            }
        }
        return functions;
    }

    /**
     * Without users' personal tables and schemas: what is published to the outside (registry records, OAI-PMH,
     * DOIs, ObsCore, cone search, datalink, curators' pages), where a user's table is never published data, even
     * when they shared it with everyone.
     */
    public PublishedMetadata withoutPersonal() {
        if (schemas.stream().noneMatch(Schema::personal)) {
            return this;
        }
        return new PublishedMetadata(schemas.stream().filter(s -> !s.personal()).toList(), registry, examples);
    }

    /**
     * This snapshot with {@code own}'s schemas (a caller's own personal tables, {@link Scope#OWN}) laid over it:
     * each replaces the schema of its name (which shows only what the caller's groups see of it), or is added
     * after the others in name order; functions and examples are this snapshot's.
     */
    public PublishedMetadata with(PublishedMetadata own) {
        if (own.schemas().isEmpty()) {
            return this;
        }
        List<Schema> merged = new ArrayList<>(schemas);
        for (Schema mine : own.schemas()) {
            int at = -1;
            for (int i = 0; i < merged.size() && at < 0; i++) {
                if (merged.get(i).name().equals(mine.name())) {
                    at = i;
                }
            }
            if (at >= 0) {
                merged.set(at, mine);
            } else {
                int i = merged.size();
                while (i > 0 && merged.get(i - 1).personal() && merged.get(i - 1).name().compareTo(mine.name()) > 0) {
                    i--;
                }
                merged.add(i, mine);
            }
        }
        return new PublishedMetadata(List.copyOf(merged), registry, examples);
    }

    /** What ADQL may query: tables and columns whose data the caller may read. */
    public Catalog catalog() {
        List<TableInfo> queryable = tables().stream().filter(Table::queryable)
            .map(t -> new TableInfo(t.schema(), t.name(), t.description(), t.columns().stream().filter(Column::queryable)
                .map(c -> new ColumnInfo(c.name(), c.type(), c.unit(), c.ucd(), c.utype(), c.description())).toList()))
            .toList();
        return () -> queryable;
    }
}
