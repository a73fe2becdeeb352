package org.voarchive.dali;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Request parameters under DALI 1.1 section 3.1 rules: names are
 * case-insensitive, values are taken exactly as given, and a single-valued
 * parameter given more than once is an error rather than a silent choice.
 */
public final class DaliParameters {

    private final Map<String, List<String>> values;

    private DaliParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Merges the query string and form parameters: names that differ only in case are the same parameter. */
    @SafeVarargs
    public static DaliParameters of(Map<String, List<String>>... sources) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (Map<String, List<String>> source : sources) {
            source.forEach((name, list) -> merged.computeIfAbsent(name.toUpperCase(Locale.ROOT),
                k -> new java.util.ArrayList<>()).addAll(list));
        }
        merged.replaceAll((k, v) -> List.copyOf(v));
        return new DaliParameters(Collections.unmodifiableMap(merged));
    }

    /**
     * @return the value of a single-valued parameter, empty if absent
     * @throws DaliException if it was given more than once
     */
    public Optional<String> single(String name) throws DaliException {
        List<String> list = all(name);
        if (list.size() > 1) {
            throw DaliException.badRequest(name + " may be given once, but was given " + list.size() + " times");
        }
        return list.stream().findFirst();
    }

    /** Every value of a repeatable parameter, in request order. */
    public List<String> all(String name) {
        return values.getOrDefault(name.toUpperCase(Locale.ROOT), List.of());
    }

    /** Parameter names in upper case, with their values. */
    public Map<String, List<String>> asMap() {
        return values;
    }
}
