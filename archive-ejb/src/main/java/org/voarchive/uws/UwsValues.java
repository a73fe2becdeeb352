package org.voarchive.uws;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Values of UWS parameters (DESTRUCTION, AFTER, EXECUTIONDURATION, WAIT) as
 * UWS 1.1 writes them, refused with a 400 when malformed or out of range.
 */
public final class UwsValues {

    /** xs:dateTime as UWS documents write it has four-digit years; PostgreSQL and JDBC keep these exactly. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private UwsValues() {
    }

    /** ISO 8601 as UWS writes it (e.g. 2030-01-31T12:00:00Z); without a zone, UTC; years 1 to 9999. */
    public static Instant instant(String name, String value) throws UwsException {
        String v = value.trim();
        Instant instant;
        try {
            instant = v.endsWith("Z") || v.endsWith("z") || v.matches(".*T.*[+-]\\d\\d:?\\d\\d$")
                ? OffsetDateTime.parse(v).toInstant()
                : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw UwsException.badRequest(name + "='" + value + "' is not an ISO 8601 date and time, e.g. 2030-01-31T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw UwsException.badRequest(name + "=" + value + " is out of range: give a time between the years 1 and 9999");
        }
        return instant;
    }

    /** A whole number, e.g. seconds. */
    public static long wholeNumber(String name, String value) throws UwsException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw UwsException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }
}
