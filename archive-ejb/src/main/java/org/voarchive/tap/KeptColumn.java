package org.voarchive.tap;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.ResultColumn;
import org.voarchive.adql.check.ValueType;

/**
 * One column of a kept result, as archive.kept_results stores it (V26): the FIELD metadata of the result, which
 * the table's own columns cannot hold, so that pages, downloads and the owner's ADQL describe it as the job's
 * result did.
 *
 * @param name     the table's column: the result's name, made unique and short enough for PostgreSQL
 * @param datalink its values are Datalink IDs
 * @param sqlType  the database's type of the values, as the cursor reported it
 * @param source   the published column it copies ({@code schema.table.column}), or null
 */
record KeptColumn(String name, String datatype, String arraysize, String xtype, String unit, String ucd, String utype,
                  String description, boolean datalink, String sqlType, String source) {

    /** The table's row number (1..n in the result's order): the key pages and sorting use, hidden from ADQL. */
    static final String ROW = "archive_row";
    /** Json.create... looks the provider up (a ServiceLoader scan of the class path) on every call: 4% of a trivial job. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    /** The SQL of the columns in {@code jsonb_array_elements(columns) AS e(c, n)}, each labelled as its component. */
    static final String SQL = """
        e.c->>'name' AS name, e.c->>'datatype' AS datatype, e.c->>'arraysize' AS arraysize, e.c->>'xtype' AS xtype,
        e.c->>'unit' AS unit, e.c->>'ucd' AS ucd, e.c->>'utype' AS utype, e.c->>'description' AS description,
        COALESCE((e.c->>'datalink')::boolean, false) AS datalink, e.c->>'sql_type' AS sql_type,
        e.c->>'source' AS source""";

    /** The result's columns as a table keeps them: column names unique (case aside) and at most 63 bytes. */
    static List<KeptColumn> of(List<ResultField> fields, List<Integer> datalinkColumns) {
        List<KeptColumn> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add(ROW);
        for (int i = 0; i < fields.size(); i++) {
            ResultColumn c = fields.get(i).column();
            columns.add(new KeptColumn(uniqueName(c.name(), taken), c.type().datatype(), c.type().arraysize(),
                c.type().xtype(), c.unit(), c.ucd(), c.utype(), c.description(), datalinkColumns.contains(i),
                fields.get(i).sqlType(), c.source().orElse(null)));
        }
        return columns;
    }

    /**
     * The name itself if no earlier column has it, else with {@code _2}, {@code _3}...; cut to PostgreSQL's 63
     * bytes first (a longer name would be cut by the database, and two could then meet). Case is ignored: ADQL
     * matches undelimited names whatever their case.
     */
    static String uniqueName(String name, Set<String> taken) {
        String base = truncate(name, KeptSchemas.MAX_NAME_BYTES);
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "_" + n;
            candidate = truncate(base, KeptSchemas.MAX_NAME_BYTES - suffix.length()) + suffix;
        }
        return candidate;
    }

    /** The longest start of {@code s} of at most {@code bytes} UTF-8 bytes, never splitting a character. */
    private static String truncate(String s, int bytes) {
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** The column of the current row of a query that selected {@link #SQL}. */
    static KeptColumn read(ResultSet rs) throws SQLException {
        return new KeptColumn(rs.getString("name"), rs.getString("datatype"), rs.getString("arraysize"),
            rs.getString("xtype"), rs.getString("unit"), rs.getString("ucd"), rs.getString("utype"),
            rs.getString("description"), rs.getBoolean("datalink"), rs.getString("sql_type"), rs.getString("source"));
    }

    /** The columns as the JSON array archive.kept_results.columns holds. */
    static String json(List<KeptColumn> columns) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (KeptColumn c : columns) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("name", c.name());
            add(o, "datatype", c.datatype());
            add(o, "arraysize", c.arraysize());
            add(o, "xtype", c.xtype());
            add(o, "unit", c.unit());
            add(o, "ucd", c.ucd());
            add(o, "utype", c.utype());
            add(o, "description", c.description());
            o.add("datalink", c.datalink());
            add(o, "sql_type", c.sqlType());
            add(o, "source", c.source());
            array.add(o);
        }
        return array.build().toString();
    }

    private static void add(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    ValueType type() {
        return new ValueType(datatype, arraysize, xtype);
    }

    /**
     * As the ADQL checker sees the kept table's column. Geometries are kept as the result wrote them (DALI arrays
     * in degrees, STC-S text), not as pg_sphere values: ADQL sees the plain arrays and text they are, so that
     * the translator does not treat them as pg_sphere's.
     */
    ColumnInfo adql() {
        ValueType type = type().isGeometry() ? new ValueType(datatype, arraysize, null) : type();
        return new ColumnInfo(name, type, unit, ucd, utype, description);
    }

    /** As the checker described the result's column (under the table's name for it). */
    ResultColumn resultColumn() {
        return new ResultColumn(name, type(), unit, ucd, utype, description, Optional.ofNullable(source));
    }

    /**
     * Whether the table may be sorted by it: a single value of an ordered type (numbers, booleans, text,
     * timestamps). Arrays and geometries have no order.
     */
    boolean sortable() {
        boolean text = "char".equals(datatype) || "unicodeChar".equals(datatype);
        return (arraysize == null || text) && !type().isGeometry() && (sqlType == null || !sqlType.startsWith("_"));
    }

    /** The column's type in SQL, for the kept table: as the cursor reported it, an array {@code _x} as {@code x[]}. */
    String sqlDefinition() {
        if (sqlType == null || sqlType.isEmpty() || sqlType.equals("unknown")) {
            return "text"; // an untyped literal's values are its text
        }
        if (sqlType.indexOf('"') >= 0 || sqlType.indexOf('.') >= 0) {
            return sqlType; // a type outside the search path, which the driver wrote qualified and quoted itself
        }
        return sqlType.startsWith("_") ? org.voarchive.database.Sql.identifier(sqlType.substring(1)) + "[]"
            : org.voarchive.database.Sql.identifier(sqlType);
    }
}
