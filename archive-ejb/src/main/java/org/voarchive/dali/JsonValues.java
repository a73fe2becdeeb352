package org.voarchive.dali;

import jakarta.json.stream.JsonGenerator;
import java.lang.reflect.Array;
import java.math.BigDecimal;

/**
 * Cell values of the JSON result formats (TAP results, {links}) written with JSON-P's streaming generator:
 * NULL, NaN and infinities as null (JSON has no NaN), numbers as the database gave them (a float as
 * {@code Float.toString} writes it, not widened to a double's digits), arrays as arrays, anything else as its
 * text.
 */
public final class JsonValues {

    private JsonValues() {
    }

    public static void write(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeNull();
            } else {
                g.write(d);
            }
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                g.writeNull();
            } else {
                g.write(new BigDecimal(f.toString()));
            }
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.write(((Number) v).longValue());
        } else if (v instanceof BigDecimal n) {
            g.write(n);
        } else if (v instanceof Number n) {
            g.write(new BigDecimal(n.toString()));
        } else if (v instanceof Boolean b) {
            g.write(b);
        } else if (v.getClass().isArray()) {
            g.writeStartArray();
            for (int i = 0; i < Array.getLength(v); i++) {
                write(g, Array.get(v, i));
            }
            g.writeEnd();
        } else {
            g.write(v.toString());
        }
    }

    /** A member whose value is written only when there is one (absent rather than null or ""). */
    public static void writeIfPresent(JsonGenerator g, String name, String value) {
        if (value != null && !value.isEmpty()) {
            g.write(name, value);
        }
    }
}
