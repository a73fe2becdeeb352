package org.voarchive.adql;

import java.util.List;

/**
 * The user-defined functions every archive of this server offers, with their
 * PostgreSQL: those of the IVOA registry conventions (RegTAP 1.1) and a few
 * cheap helpers in the style GAVO DaCHS users know. Predicates return 1 or 0,
 * so they are used as {@code 1 = ivo_...(...)}.
 */
public final class StandardFunctions {

    private static final List<UserDefinedFunction> ALL = List.of(
        UserDefinedFunction.parse("ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER").withSql(
            "CASE WHEN to_tsvector('english', {1}) @@ plainto_tsquery('english', {2}) THEN 1 ELSE 0 END",
            "1 if needle occurs as a word (or phrase) in haystack, case-insensitively and with English stemming; else 0"),
        UserDefinedFunction.parse("ivo_nocasematch(value TEXT, pattern TEXT) -> INTEGER").withSql(
            "CASE WHEN {1} ILIKE {2} THEN 1 ELSE 0 END",
            "1 if value matches the LIKE pattern case-insensitively; else 0"),
        UserDefinedFunction.parse("ivo_hashlist_has(hashlist TEXT, item TEXT) -> INTEGER").withSql(
            "CASE WHEN lower({2}) = ANY(string_to_array(lower({1}), '#')) THEN 1 ELSE 0 END",
            "1 if item is, case-insensitively, one of the words of the #-separated hashlist; else 0"),
        UserDefinedFunction.parse("ivo_interval_overlaps(l1 NUMERIC, h1 NUMERIC, l2 NUMERIC, h2 NUMERIC) -> INTEGER")
            .withSql("CASE WHEN {1} <= {4} AND {3} <= {2} THEN 1 ELSE 0 END",
                "1 if the intervals [l1, h1] and [l2, h2] overlap; else 0"),
        UserDefinedFunction.parse("ivo_string_agg(expression CHAR, delimiter CHAR) -> CHAR").withSql(
            "coalesce(string_agg(CAST({1} AS text), {2}), '')",
            "aggregate: the non-NULL values of expression in the group joined by delimiter; '' for none"),
        // the epoch is read as UTC; MJD 40587 is 1970-01-01T00:00:00
        UserDefinedFunction.parse("gavo_to_mjd(d TIMESTAMP) -> DOUBLE").withSql(
            "CAST(EXTRACT(EPOCH FROM CAST({1} AS timestamp)) / 86400.0 + 40587.0 AS double precision)",
            "the Modified Julian Date of a timestamp (UTC)"),
        UserDefinedFunction.parse("gavo_to_jd(d TIMESTAMP) -> DOUBLE").withSql(
            "CAST(EXTRACT(EPOCH FROM CAST({1} AS timestamp)) / 86400.0 + 2440587.5 AS double precision)",
            "the Julian Date of a timestamp (UTC)"),
        UserDefinedFunction.parse("gavo_match(pattern TEXT, string TEXT) -> INTEGER").withSql(
            "CASE WHEN {2} ~ {1} THEN 1 ELSE 0 END",
            "1 if the POSIX regular expression pattern matches somewhere in string; else 0"));

    /** Parsed once: the registry is immutable and every query asks for it. */
    private static final FunctionRegistry REGISTRY = new FunctionRegistry(ALL);

    private StandardFunctions() {
    }

    public static List<UserDefinedFunction> all() {
        return ALL;
    }

    public static FunctionRegistry registry() {
        return REGISTRY;
    }
}
