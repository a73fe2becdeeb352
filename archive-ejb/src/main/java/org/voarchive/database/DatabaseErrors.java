package org.voarchive.database;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whose fault a PostgreSQL error is, by its SQLSTATE: the caller's (the values
 * or arguments of their query or upload), a time limit, the database being
 * unavailable for a while, or a fault here. Protocols map the verdict to their
 * own error shape; only the primary message text ever reaches a client (its
 * DETAIL, HINT, WHERE and position may quote the translated SQL).
 */
public final class DatabaseErrors {

    /** Whose fault, and so which HTTP status class. */
    public enum Verdict {
        /** the query's or upload's data or arguments: a 400 naming the problem. */
        CLIENT,
        /** the statement timeout cancelled it (57014). */
        TIMEOUT,
        /** connections, resources, shutdown, serialization: try again later (503). */
        UNAVAILABLE,
        /** anything else: a fault of the service (500), logged. */
        FAULT
    }

    /**
     * pg_sphere reports bad geometry (a polygon with too few or overlapping vertices, a circle
     * radius over 90 degrees, unparsable text) as XX000 "internal_error"; its messages start
     * with the function's name, which is how they are told apart from real internal errors.
     */
    private static final Pattern PG_SPHERE = Pattern.compile(
        "^(sphere\\w*|spoly\\w*|scircle\\w*|spoint\\w*|sbox\\w*|sellipse\\w*|spath\\w*|sline\\w*|strans\\w*|smoc\\w*):.*"
            + "|^radius must .*|^parsing: .*|^invalid axis format.*|^Unknown format.*", Pattern.DOTALL);

    private DatabaseErrors() {
    }

    public static Verdict classify(SQLException e) {
        return classify(e.getSQLState(), primaryMessage(e));
    }

    static Verdict classify(String sqlState, String message) {
        String state = sqlState == null ? "" : sqlState.toUpperCase(Locale.ROOT);
        if (state.equals("57014")) {
            return Verdict.TIMEOUT;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001")
            || state.equals("40P01") || state.equals("55P03") || state.equals("55006")) {
            return Verdict.UNAVAILABLE;
        }
        if (state.startsWith("22")   // data exception: bad values, division by zero, out of range, NUL in text
            || state.startsWith("21") // cardinality: a scalar subquery with more than one row
            || state.startsWith("42") // syntax or access rule: translated user SQL the database refuses
            || state.startsWith("0A") // feature not supported
            || state.startsWith("54") // program limit exceeded: too complex, too many columns
            || state.startsWith("2F") || state.startsWith("38") || state.startsWith("39") // published functions refusing
            || state.equals("P0001")) { // a published PL/pgSQL function raising on its arguments
            return Verdict.CLIENT;
        }
        if (state.equals("XX000") && message != null && PG_SPHERE.matcher(message).matches()) {
            return Verdict.CLIENT;
        }
        return Verdict.FAULT;
    }

    /**
     * What a client is told when the database is unavailable ({@link Verdict#UNAVAILABLE}), with the SQLSTATE. A
     * replica cancels a query whose rows its replay must change or remove ("canceling statement due to conflict
     * with recovery", 40001 mostly; ReadRouting's replicas make it rare, not impossible): said so, as the next try
     * may well run.
     */
    public static String unavailable(SQLException e) {
        String message = primaryMessage(e);
        return message.contains("conflict with recovery")
            ? "the query was cancelled on a replica of the database, whose replication needed its rows ("
                + e.getSQLState() + "); try again"
            : "the database is unavailable now (" + e.getSQLState() + "); try again later";
    }

    /**
     * The server's primary message, first line only, without "ERROR: ": PgJDBC appends DETAIL,
     * HINT, WHERE and the position on further lines, which may quote SQL the client never wrote.
     */
    public static String primaryMessage(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
            && p.getServerErrorMessage().getMessage() != null) {
            return firstLine(p.getServerErrorMessage().getMessage());
        }
        return firstLine(e.getMessage());
    }

    /** Where a COPY was when the server refused a row: the line of the data it was sent (1: the first) and the column. */
    public record CopyPosition(long line, String column) {
    }

    private static final Pattern COPY_WHERE = Pattern.compile("COPY [^,]*, line (\\d+)(?:, column ([^:]*))?");

    /** The position of a COPY's refusal from the error's context ("COPY t, line 3, column dec: ..."), if it has one. */
    public static java.util.Optional<CopyPosition> copyPosition(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
            && p.getServerErrorMessage().getWhere() != null) {
            java.util.regex.Matcher m = COPY_WHERE.matcher(p.getServerErrorMessage().getWhere());
            if (m.find()) {
                return java.util.Optional.of(new CopyPosition(Long.parseLong(m.group(1)), m.group(2)));
            }
        }
        return java.util.Optional.empty();
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "").strip();
    }
}
