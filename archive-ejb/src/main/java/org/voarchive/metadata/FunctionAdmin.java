package org.voarchive.metadata;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.voarchive.adql.FunctionRegistry;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.adql.postgres.PostgresTranslator;
import org.voarchive.database.DataSources;

/**
 * The admin API's ADQL user-defined functions (archive.functions, V18):
 * listed, declared or replaced with optimistic locking, and removed. A
 * function is checked before it is stored: its form parses, its name is
 * free (not ADQL's, not a standard UDF's), its types are ADQL's, and
 * PostgreSQL plans a call of it (its template, or the database function of
 * its name), so a published function never fails a query for being wrong.
 */
@Stateless
public class FunctionAdmin {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** ADQL types a function may take and give, and the PostgreSQL type a typed NULL of each has. */
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("SMALLINT", "smallint"),
        Map.entry("INTEGER", "integer"), Map.entry("BIGINT", "bigint"), Map.entry("REAL", "real"),
        Map.entry("DOUBLE", "double precision"), Map.entry("NUMERIC", "numeric"), Map.entry("CHAR", "text"),
        Map.entry("VARCHAR", "text"), Map.entry("TEXT", "text"), Map.entry("TIMESTAMP", "timestamp"),
        Map.entry("POINT", "spoint"), Map.entry("CIRCLE", "scircle"), Map.entry("POLYGON", "spoly"));
    private static final String COLUMNS = "name, form, sql_template, description, published, version";

    @EJB
    private DataSources dataSources;

    public List<FunctionRecord> functions() throws SQLException {
        List<FunctionRecord> all = new ArrayList<>();
        try (Connection c = dataSources.app().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM archive.functions ORDER BY name")) {
            while (rs.next()) {
                all.add(record(rs));
            }
        }
        return all;
    }

    public Optional<FunctionRecord> function(String name) throws SQLException {
        try (Connection c = dataSources.app().getConnection()) {
            return function(c, name);
        }
    }

    /**
     * Declares the function ({@code edit.version()} absent) or replaces it (the version read).
     *
     * @param checkVersion false for imports, which are authoritative
     * @throws InvalidField naming the bad field
     * @throws VersionConflict if someone else changed it in between
     */
    public FunctionRecord put(String name, FunctionRecord edit, boolean checkVersion) throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidField("name", "a function name is a lower-case letter, then letters, digits and _");
        }
        if (edit == null) {
            throw new InvalidField("function", "a JSON object with form, description and (to replace) version is required");
        }
        UserDefinedFunction f = parse(name, edit);
        try (Connection c = dataSources.app().getConnection()) {
            Optional<FunctionRecord> current = function(c, name);
            if (checkVersion && current.isPresent() && edit.version() == null) {
                throw new InvalidField("version", "the function exists: give the version read to replace it");
            }
            if (checkVersion && current.isPresent() && !current.get().version().equals(edit.version())) {
                throw new VersionConflict("function " + name, current.get().version());
            }
            if (checkVersion && current.isEmpty() && edit.version() != null) {
                throw new VersionConflict("function " + name + " (removed meanwhile)", -1);
            }
            plan(c, f);
            try (PreparedStatement s = c.prepareStatement(current.isEmpty()
                    ? "INSERT INTO archive.functions (form, sql_template, description, published, name) VALUES (?, ?, ?, ?, ?)"
                    : "UPDATE archive.functions SET form = ?, sql_template = ?, description = ?, published = ?,"
                        + " updated = now(), version = version + 1 WHERE name = ?")) {
                s.setString(1, f.form());
                s.setString(2, f.sqlTemplate().orElse(null));
                s.setString(3, f.description());
                s.setBoolean(4, edit.published() == null || edit.published());
                s.setString(5, name);
                s.executeUpdate();
            }
            return function(c, name).orElseThrow();
        }
    }

    /** @return false if there is no such function */
    public boolean delete(String name, Integer version) throws SQLException {
        if (version == null) {
            throw new InvalidField("version", "the version read is required (?version=)");
        }
        try (Connection c = dataSources.app().getConnection()) {
            Optional<FunctionRecord> current = function(c, name);
            if (current.isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM archive.functions WHERE name = ? AND version = ?")) {
                s.setString(1, name);
                s.setInt(2, version);
                if (s.executeUpdate() == 0) {
                    throw new VersionConflict("function " + name, current.get().version());
                }
            }
            return true;
        }
    }

    /** The function as ADQL will know it, or the field that is wrong. */
    static UserDefinedFunction parse(String name, FunctionRecord edit) {
        if (edit.form() == null) {
            throw new InvalidField("form", "the TAPRegExt form name(param TYPE, ...) -> TYPE is required");
        }
        UserDefinedFunction f;
        try {
            f = UserDefinedFunction.parse(edit.form());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("form", e.getMessage());
        }
        if (!f.name().equals(name)) {
            throw new InvalidField("form", "the form names " + f.name() + ", the function is " + name);
        }
        for (int i = 0; i < f.arity(); i++) {
            if (!TYPES.containsKey(f.parameters().get(i).type())) {
                throw new InvalidField("form", "parameter " + f.parameters().get(i).name() + ": " + f.parameters().get(i).type()
                    + " is not one of the ADQL types " + new java.util.TreeSet<>(TYPES.keySet()));
            }
        }
        if (!TYPES.containsKey(f.returnType())) {
            throw new InvalidField("form", "the result type " + f.returnType() + " is not one of the ADQL types "
                + new java.util.TreeSet<>(TYPES.keySet()));
        }
        try {
            new FunctionRegistry(List.of(f));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("name", e.getMessage());
        }
        if (StandardFunctions.registry().get(name).isPresent()) {
            throw new InvalidField("name", name + " is one of the service's standard functions");
        }
        if (edit.description() == null || edit.description().isBlank()) {
            throw new InvalidField("description", "say what the function does: TAPRegExt and TOPCAT show it to users");
        }
        String template = edit.sqlTemplate() == null || edit.sqlTemplate().isBlank() ? null : edit.sqlTemplate();
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n < 1 || n > f.arity()) {
                    throw new InvalidField("sqlTemplate", "{" + n + "} names no argument: the function has " + f.arity());
                }
            }
            return f.withSql(template, edit.description().strip());
        }
        return new UserDefinedFunction(f.name(), f.parameters(), f.returnType(), Optional.empty(), edit.description().strip());
    }

    /** PostgreSQL must plan a call with arguments of the declared types. */
    private static void plan(Connection c, UserDefinedFunction f) {
        List<String> nulls = f.parameters().stream().map(p -> "CAST(NULL AS " + TYPES.get(p.type()) + ")").toList();
        String call = PostgresTranslator.call(f, nulls);
        try (Statement s = c.createStatement()) {
            s.execute("EXPLAIN SELECT " + call);
        } catch (SQLException e) {
            throw new InvalidField("sqlTemplate", "PostgreSQL cannot run " + call + ": " + e.getMessage().lines().findFirst()
                .orElse("") + (f.sqlTemplate().isEmpty() ? " (give a template, or create the database function)" : ""));
        }
    }

    private static Optional<FunctionRecord> function(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM archive.functions WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static FunctionRecord record(ResultSet rs) throws SQLException {
        return new FunctionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
            rs.getInt(6));
    }
}
