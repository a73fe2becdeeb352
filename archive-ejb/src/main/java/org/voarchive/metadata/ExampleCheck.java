package org.voarchive.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.check.CheckedQuery;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * Whether a DALI example may be stored: its fields are there, and its query
 * parses, checks against the published metadata anonymous callers see (the
 * examples page is public) and translates, so the page never offers a query
 * the service would refuse. Used by the admin API, the metadata import and
 * the demo data loader alike.
 */
public final class ExampleCheck {

    /** An XML Name (the HTML id and the RDFa resource #name) that needs no escaping anywhere. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    private static final Pattern UPLOAD = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
    private static final Pattern UPLOAD_COLUMN = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s+([A-Za-z]+)\\s*");
    private static final Set<String> DATATYPES = Set.of("boolean", "short", "int", "long", "float", "double", "char",
        "unicodeChar");

    private ExampleCheck() {
    }

    /**
     * @return the example as it is stored: text stripped, the tables those the query reads if none were given
     * @throws InvalidField naming the bad field
     */
    public static ExampleRecord check(String name, ExampleRecord edit, PublishedMetadata metadata) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidField("name", "an example's name is its HTML id: a letter, then up to 62 letters, digits, _ and -");
        }
        if (edit == null) {
            throw new InvalidField("example", "a JSON object with title, description, query and (to replace) version is required");
        }
        String title = required(edit.title(), "title", "the example's title, which the page and TOPCAT show");
        String description = required(edit.description(), "description", "say what the example shows");
        String query = required(edit.query(), "query", "the example's ADQL query");
        List<TableInfo> tables = new ArrayList<>(metadata.catalog().tables());
        String upload = edit.upload() == null || edit.upload().isBlank() ? null : edit.upload().strip();
        if (upload != null) {
            tables.add(upload(upload));
        }
        CheckedQuery checked;
        try {
            checked = new QueryChecker(() -> tables, metadata.registry()).check(new QueryParser(metadata.registry()).parse(query));
            new PostgresTranslator(metadata.registry()).translate(checked, OptionalLong.of(1));
        } catch (AdqlException e) {
            throw new InvalidField("query", "ADQL error at " + e.positioned());
        }
        Set<String> read = new LinkedHashSet<>();
        checked.sourceTables().stream().filter(t -> !"TAP_UPLOAD".equalsIgnoreCase(t.schema()))
            .forEach(t -> read.add(t.qualifiedName()));
        List<String> named = edit.tables() == null || edit.tables().isEmpty() ? List.copyOf(read) : edit.tables();
        for (String t : named) {
            if (t == null || metadata.table(t).isEmpty()) {
                throw new InvalidField("tables", t + " is not a published table (schema.table, as in TAP_SCHEMA)");
            }
        }
        return new ExampleRecord(name, title, description, query.strip(), List.copyOf(named), upload,
            edit.position() == null ? 0 : edit.position(), edit.version());
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, what + " is required");
        }
        return value.strip();
    }

    /** The upload declaration {@code name(column type, ...)} as the table the checker sees. */
    static TableInfo upload(String declaration) {
        Matcher m = UPLOAD.matcher(declaration);
        if (!m.matches()) {
            throw new InvalidField("upload", "the uploaded table is declared as name(column type, ...), e.g. mine(ra double, dec double)");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (String part : m.group(2).split(",")) {
            Matcher c = UPLOAD_COLUMN.matcher(part);
            if (!c.matches() || !DATATYPES.contains(c.group(2))) {
                throw new InvalidField("upload", "\"" + part.strip() + "\" is not a column and a VOTable datatype "
                    + new java.util.TreeSet<>(DATATYPES));
            }
            String datatype = c.group(2);
            ValueType type = datatype.endsWith("har") ? new ValueType(datatype, "*", null) : new ValueType(datatype, null, null);
            columns.add(new ColumnInfo(c.group(1), type, null, null, null, null));
        }
        return new TableInfo("TAP_UPLOAD", m.group(1), "the example's upload", columns, "pg_temp");
    }
}
