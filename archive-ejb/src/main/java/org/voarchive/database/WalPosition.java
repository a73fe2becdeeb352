package org.voarchive.database;

import java.util.Locale;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}, written {@code X/Y}: two 32-bit hexadecimal
 * halves) as one comparable number. A replica that has replayed up to a position has every change committed
 * on the primary before it ({@link ReadRouting}).
 */
public record WalPosition(long value) implements Comparable<WalPosition> {

    public WalPosition {
        if (value < 0) {
            throw new IllegalArgumentException("a WAL position is not negative: " + value);
        }
    }

    /** {@code X/Y} as PostgreSQL writes a {@code pg_lsn}. */
    public static WalPosition parse(String lsn) {
        int slash = lsn == null ? -1 : lsn.indexOf('/');
        if (slash <= 0 || slash == lsn.length() - 1 || slash > 8 || lsn.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("not a WAL position (X/Y, hexadecimal): " + lsn);
        }
        try {
            return new WalPosition(Long.parseLong(lsn.substring(0, slash), 16) << 32
                | Long.parseLong(lsn.substring(slash + 1), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a WAL position (X/Y, hexadecimal): " + lsn, e);
        }
    }

    /** The later of the two. */
    public WalPosition max(WalPosition other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compare(value, other.value);
    }

    /** As PostgreSQL writes it, for {@code CAST(? AS pg_lsn)}. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase(Locale.ROOT) + "/"
            + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
    }
}
