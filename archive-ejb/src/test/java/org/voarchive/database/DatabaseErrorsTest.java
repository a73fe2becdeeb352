package org.voarchive.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voarchive.database.DatabaseErrors.Verdict.CLIENT;
import static org.voarchive.database.DatabaseErrors.Verdict.FAULT;
import static org.voarchive.database.DatabaseErrors.Verdict.TIMEOUT;
import static org.voarchive.database.DatabaseErrors.Verdict.UNAVAILABLE;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class DatabaseErrorsTest {

    private static DatabaseErrors.Verdict verdict(String state, String message) {
        return DatabaseErrors.classify(new SQLException("ERROR: " + message, state));
    }

    @Test
    void theQuerysOwnValuesAndArgumentsAreTheClients() {
        assertEquals(CLIENT, verdict("22012", "division by zero"));
        assertEquals(CLIENT, verdict("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"));
        assertEquals(CLIENT, verdict("22P02", "invalid input syntax for type integer: \"x\""));
        assertEquals(CLIENT, verdict("2201E", "cannot take logarithm of a negative number"));
        assertEquals(CLIENT, verdict("21000", "more than one row returned by a subquery used as an expression"));
        assertEquals(CLIENT, verdict("42883", "operator does not exist: text > integer"));
        assertEquals(CLIENT, verdict("54001", "stack depth limit exceeded"));
        assertEquals(CLIENT, verdict("P0001", "a published function refused its argument"));
    }

    @Test
    void pgSpheresGeometryErrorsAreTheClientsOtherInternalErrorsAreNot() {
        assertEquals(CLIENT, verdict("XX000", "spherepoly_from_array: a line segment overlaps or polygon too large"));
        assertEquals(CLIENT, verdict("XX000", "spherepoly_in: more than two points needed"));
        assertEquals(CLIENT, verdict("XX000", "spherecircle_in: radius must be not greater than 90 degrees"));
        assertEquals(CLIENT, verdict("XX000", "radius must be not greater than 90 degrees or less than 0"));
        assertEquals(CLIENT, verdict("XX000", "spoly: a polygon needs three vertices"));
        assertEquals(FAULT, verdict("XX000", "could not read block 7 in file \"base/16384/16385\""));
        assertEquals(FAULT, verdict("XX000", "cache lookup failed for type 0"));
        assertEquals(FAULT, verdict("XX000", "Bug found in pg_sphere function 'sellipse_ellipse_pos' !"));
        assertEquals(FAULT, verdict(null, "something"));
    }

    @Test
    void outagesAreUnavailableAndTheTimeLimitIsItsOwn() {
        assertEquals(UNAVAILABLE, verdict("08006", "connection failure"));
        assertEquals(UNAVAILABLE, verdict("53300", "too many connections"));
        assertEquals(UNAVAILABLE, verdict("53100", "could not extend file: No space left on device"));
        assertEquals(UNAVAILABLE, verdict("57P01", "terminating connection due to administrator command"));
        assertEquals(UNAVAILABLE, verdict("40001", "could not serialize access"));
        assertEquals(TIMEOUT, verdict("57014", "canceling statement due to statement timeout"));
        assertEquals(FAULT, verdict("25P02", "current transaction is aborted"));
        assertEquals(FAULT, verdict("58030", "could not open file"));
    }

    @Test
    void aQueryAReplicasReplayCancelledIsSaidToBeWorthAnotherTry() {
        SQLException conflict = new SQLException("ERROR: canceling statement due to conflict with recovery\n"
            + "  Detail: User query might have needed to see row versions that must be removed.", "40001");
        assertEquals(UNAVAILABLE, DatabaseErrors.classify(conflict));
        assertEquals("the query was cancelled on a replica of the database, whose replication needed its rows (40001);"
            + " try again", DatabaseErrors.unavailable(conflict));
        assertEquals("the database is unavailable now (53300); try again later",
            DatabaseErrors.unavailable(new SQLException("FATAL: too many connections", "53300")));
    }

    @Test
    void onlyThePrimaryMessageIsKeptNeverTheSqlAroundIt() {
        PSQLException e = new PSQLException(new ServerErrorMessage(
            "SERROR\0C22012\0Mdivision by zero\0WSQL function \"hidden_helper\" statement 1\0P42\0"));
        assertEquals("division by zero", DatabaseErrors.primaryMessage(e));
        assertEquals(CLIENT, DatabaseErrors.classify(e));
        assertEquals("column x does not exist",
            DatabaseErrors.primaryMessage(new SQLException("ERROR: column x does not exist\n  Position: 12\n  Where: SELECT secret", "42703")));
    }

    @Test
    void aCopysRefusalSaysItsLineAndColumn() {
        PSQLException value = new PSQLException(new ServerErrorMessage("SERROR\0C22P02\0Minvalid input syntax for type"
            + " double precision: \"x\"\0WCOPY t, line 3, column dec: \"x\"\0"));
        assertEquals(java.util.Optional.of(new DatabaseErrors.CopyPosition(3, "dec")), DatabaseErrors.copyPosition(value));
        PSQLException key = new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique"
            + " constraint \"t_id_idx\"\0WCOPY t, line 12\0"));
        assertEquals(java.util.Optional.of(new DatabaseErrors.CopyPosition(12, null)), DatabaseErrors.copyPosition(key));
        assertEquals(java.util.Optional.empty(), DatabaseErrors.copyPosition(new SQLException("no context")));
    }
}
