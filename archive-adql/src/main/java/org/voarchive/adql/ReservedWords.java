package org.voarchive.adql;

import java.util.Locale;
import java.util.Set;

/**
 * Words a regular identifier may not be (ADQL 2.1 section 2.1.3: the SQL-92
 * reserved words and ADQL's own). Such names must be written as delimited
 * identifiers, e.g. {@code "size"}.
 *
 * <p>SQL-92's DEC (short for DECIMAL) is left out: {@code dec} is the
 * declination column of nearly every astronomical table, and the IVOA and
 * DaCHS ADQL test sets accept it unquoted.
 */
public final class ReservedWords {

    private static final Set<String> SQL = Set.of(
        "absolute", "action", "add", "all", "allocate", "alter", "and", "any", "are", "as", "asc", "assertion",
        "at", "authorization", "avg", "begin", "between", "bit", "bit_length", "both", "by", "cascade",
        "cascaded", "case", "cast", "catalog", "char", "character", "char_length", "character_length", "check",
        "close", "coalesce", "collate", "collation", "column", "commit", "connect", "connection", "constraint",
        "constraints", "continue", "convert", "corresponding", "count", "create", "cross", "current",
        "current_date", "current_time", "current_timestamp", "current_user", "cursor", "date", "day",
        "deallocate", "decimal", "declare", "default", "deferrable", "deferred", "delete", "desc",
        "describe", "descriptor", "diagnostics", "disconnect", "distinct", "domain", "double", "drop", "else",
        "end", "end-exec", "escape", "except", "exception", "exec", "execute", "exists", "external", "extract",
        "false", "fetch", "first", "float", "for", "foreign", "found", "from", "full", "get", "global", "go",
        "goto", "grant", "group", "having", "hour", "identity", "immediate", "in", "indicator", "initially",
        "inner", "input", "insensitive", "insert", "int", "integer", "intersect", "interval", "into", "is",
        "isolation", "join", "key", "language", "last", "leading", "left", "level", "like", "local", "lower",
        "match", "max", "min", "minute", "module", "month", "names", "national", "natural", "nchar", "next",
        "no", "not", "null", "nullif", "numeric", "octet_length", "of", "on", "only", "open", "option", "or",
        "order", "outer", "output", "overlaps", "pad", "partial", "position", "precision", "prepare",
        "preserve", "primary", "prior", "privileges", "procedure", "public", "read", "real", "references",
        "relative", "restrict", "revoke", "right", "rollback", "rows", "schema", "scroll", "second", "section",
        "select", "session", "session_user", "set", "size", "smallint", "some", "space", "sql", "sqlcode",
        "sqlerror", "sqlstate", "substring", "sum", "system_user", "table", "temporary", "then", "time",
        "timestamp", "timezone_hour", "timezone_minute", "to", "trailing", "transaction", "translate",
        "translation", "trim", "true", "union", "unique", "unknown", "update", "upper", "usage", "user",
        "using", "value", "values", "varchar", "varying", "view", "when", "whenever", "where", "with", "work",
        "write", "year", "zone");

    private static final Set<String> ADQL = Set.of(
        "abs", "acos", "area", "asin", "atan", "atan2", "bigint", "box", "ceiling", "centroid", "circle",
        "contains", "coord1", "coord2", "coordsys", "cos", "cot", "degrees", "distance", "exp", "floor",
        "ilike", "in_unit", "intersects", "log", "log10", "mod", "offset", "pi", "point", "polygon", "power",
        "radians", "rand", "region", "round", "sin", "sqrt", "tan", "top", "truncate");

    private ReservedWords() {
    }

    /** Every reserved word, lower case (the database's archive.adql_reserved_words() must list the same). */
    public static java.util.SortedSet<String> all() {
        java.util.SortedSet<String> all = new java.util.TreeSet<>(SQL);
        all.addAll(ADQL);
        return all;
    }

    public static boolean isReserved(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return SQL.contains(w) || ADQL.contains(w);
    }

    /**
     * A name as ADQL must write it: as it is where it is a regular identifier, else delimited
     * (as the database's archive.adql_name() writes TAP_SCHEMA names).
     */
    public static String identifier(String name) {
        if (name.matches("[A-Za-z][A-Za-z0-9_]*") && !isReserved(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
