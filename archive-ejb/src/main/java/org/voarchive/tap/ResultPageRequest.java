package org.voarchive.tap;

import java.util.Locale;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;

/**
 * A request for a page of a kept result ({@link KeptResultPages}): {@code offset} rows skipped (default 0),
 * at most {@code limit} rows (default 100, at most 1000), in the result's order or sorted by one column
 * ({@code sort}, {@code order} asc or desc). Parameter names are case-insensitive, as DALI's.
 *
 * @param sort the column to sort by, as the page's columns name it; empty for the result's own order
 */
public record ResultPageRequest(long offset, int limit, Optional<String> sort, boolean descending) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static ResultPageRequest parse(DaliParameters p) throws DaliException {
        long offset = number(p, "offset", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(p, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        return new ResultPageRequest(offset, limit, sort(p), descending(p));
    }

    /** The column to sort by, if any: {@code sort}, not blank. */
    static Optional<String> sort(DaliParameters p) throws DaliException {
        Optional<String> sort = p.single("sort");
        if (sort.isPresent() && sort.get().isBlank()) {
            throw DaliException.badRequest("sort is empty: give the name of the column to sort by, or leave it out");
        }
        return sort;
    }

    /** {@code order}: asc (the default) or desc. */
    static boolean descending(DaliParameters p) throws DaliException {
        Optional<String> order = p.single("order");
        if (order.isEmpty()) {
            return false;
        }
        return switch (order.get().trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw DaliException.badRequest("order=" + order.get() + " is not an order; use asc or desc");
        };
    }

    private static long number(DaliParameters p, String name, long min, long max, long absent) throws DaliException {
        Optional<String> value = p.single(name);
        if (value.isEmpty()) {
            return absent;
        }
        long n;
        try {
            n = Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            throw DaliException.badRequest(name + " must be a whole number, not '" + value.get() + "'");
        }
        if (n < min || n > max) {
            throw DaliException.badRequest(name + " must be " + (max == Long.MAX_VALUE ? "at least " + min
                : "from " + min + " to " + max) + ", not " + n);
        }
        return n;
    }
}
