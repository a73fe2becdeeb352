package org.voarchive.obscore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.voarchive.metadata.TableName;

/**
 * The SQL of the view ivoa.obscore: one SELECT per mapped table, joined by UNION ALL, each ObsCore column
 * cast to its standard type. Identifiers are quoted and constants escaped here, from checked mappings
 * ({@link ObsCoreRules}); nothing a caller wrote reaches the SQL otherwise.
 *
 * <p>Access: the view runs with its owner's privileges, not the caller's, so each SELECT carries the rule
 * that keeps non-public data out: its rows appear only while the source table, its schema and every
 * source column it reads are published with PUBLIC data and metadata. The condition is the database
 * function ivoa.obscore_source_readable (V24), called with constants, so it reads the metadata at query
 * time, once per query: a table an operator makes INTERNAL or PRIVATE, or withdraws, leaves ObsCore at
 * once, with no rebuild and whoever made the change.
 */
public final class ObsCoreView {

    public static final String SCHEMA = "ivoa";
    public static final String NAME = "obscore";
    public static final TableName TABLE = new TableName(SCHEMA, NAME);

    /** ObsCore rows start at MJD 0 = 1858-11-17; the Unix epoch is MJD 40587. */
    private static final String UNIX_EPOCH_MJD = "40587";

    /**
     * What the generated values are built from.
     *
     * @param baseUrl   the archive's public base URL, for Datalink links URLs
     * @param authority the IVOA naming authority ({@code ivo://...}), for publisher DIDs
     */
    public record Site(String baseUrl, String authority) {

        /**
         * For the commands (demo loader, ingest), which run outside the server: the environment variables the
         * server's configuration reads too (archive.base-url, archive.site.authority), with the same defaults.
         */
        public static Site fromEnvironment(Map<String, String> env) {
            return new Site(env.getOrDefault("ARCHIVE_BASE_URL", "http://localhost:8080").replaceAll("/+$", ""),
                env.getOrDefault("ARCHIVE_SITE_AUTHORITY", "ivo://archive.localhost"));
        }
    }

    /** A checked mapping of one table. */
    public record Branch(String schema, String table, Map<ObsCoreColumn, ObsCoreSource> sources) {

        public TableName name() {
            return new TableName(schema, table);
        }
    }

    private ObsCoreView() {
    }

    /** @param branches at least one */
    public static String create(List<Branch> branches, Site site) {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a view needs a mapped table");
        }
        return "CREATE OR REPLACE VIEW " + TABLE.sql() + " AS\n"
            + branches.stream().map(b -> select(b, site)).collect(Collectors.joining("\nUNION ALL\n"));
    }

    static String select(Branch b, Site site) {
        List<String> items = new ArrayList<>();
        for (ObsCoreColumn c : ObsCoreColumn.ALL) {
            ObsCoreSource s = b.sources().get(c);
            items.add("CAST(" + (s == null ? "NULL" : expression(b, s, site)) + " AS " + c.sqlType() + ") AS "
                + quoteIdent(c.name()));
        }
        return "SELECT " + String.join(",\n       ", items) + "\n  FROM " + b.name().sql() + " AS src\n WHERE "
            + publicCondition(b);
    }

    private static String expression(Branch b, ObsCoreSource s, Site site) {
        if (s.value() != null) {
            return s.value() instanceof BigDecimal n ? n.toPlainString() : quoteLiteral((String) s.value());
        }
        String column = "src." + quoteIdent(s.sourceColumn());
        if (s.datalink() != null) {
            return quoteLiteral(site.baseUrl() + "/datalink/links?ID=") + " || " + uriComponent(column);
        }
        if (s.ivoid() != null) {
            return quoteLiteral(site.authority() + "/~?" + b.name() + "/") + " || CAST(" + column + " AS text)";
        }
        if (s.mjd() != null) {
            // EXTRACT(EPOCH ...) is UTC-based for date, timestamp and timestamptz alike, whatever the session's zone
            return "EXTRACT(EPOCH FROM " + column + ") / 86400 + " + UNIX_EPOCH_MJD;
        }
        return s.factor() == null ? column : column + " * " + s.factor().toPlainString();
    }

    /** RFC 3986 percent-encoding of a value's text (UTF-8), all but the unreserved characters. */
    static String uriComponent(String sql) {
        return "(SELECT string_agg(CASE WHEN u.ch ~ '^[A-Za-z0-9._~-]$' THEN u.ch ELSE upper(regexp_replace(encode("
            + "convert_to(u.ch, 'UTF8'), 'hex'), '(..)', '%\\1', 'g')) END, '' ORDER BY u.n)"
            + " FROM regexp_split_to_table(CAST(" + sql + " AS text), '') WITH ORDINALITY AS u(ch, n))";
    }

    /** The access rule (see the class comment, and V24's ivoa.obscore_source_readable), for this branch's table and columns. */
    static String publicCondition(Branch b) {
        return "ivoa.obscore_source_readable(" + quoteLiteral(b.schema()) + ", " + quoteLiteral(b.table()) + ", CAST(ARRAY["
            + ObsCoreRules.sourceColumns(b.sources()).stream().map(ObsCoreView::quoteLiteral).collect(Collectors.joining(", "))
            + "] AS text[]))";
    }

    /** A PostgreSQL identifier, always quoted (names are case-sensitive as the metadata holds them). */
    static String quoteIdent(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not an identifier: " + name);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A string constant: quotes doubled, and backslashes too in an E'' literal, so that it means the same
     * whatever standard_conforming_strings says.
     */
    static String quoteLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("no NUL in a string constant");
        }
        return value.indexOf('\\') >= 0 ? "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'"
            : "'" + value.replace("'", "''") + "'";
    }
}
