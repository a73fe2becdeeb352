package org.voarchive.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function a service adds to ADQL, described as in TAPRegExt and the
 * registry UDF conventions: {@code ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER}.
 *
 * @param name           lower case, as ADQL function names are case-insensitive
 * @param parameterTypes one ADQL type name per parameter, in order
 */
public record UserDefinedFunction(String name, List<String> parameterTypes, String returnType) {

    private static final Pattern FORM = Pattern.compile(
        "\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*->\\s*(\\S.*?)\\s*", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\s*[A-Za-z][A-Za-z0-9_]*\\s+(\\S.*?)\\s*");

    public UserDefinedFunction {
        name = name.toLowerCase(Locale.ROOT);
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** Parses the TAPRegExt form {@code name(param TYPE, ...) -> TYPE}. */
    public static UserDefinedFunction parse(String form) {
        Matcher m = FORM.matcher(form);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a function signature 'name(param TYPE, ...) -> TYPE': " + form);
        }
        List<String> types = new ArrayList<>();
        if (!m.group(2).isBlank()) {
            for (String parameter : m.group(2).split(",")) {
                Matcher p = PARAMETER.matcher(parameter);
                if (!p.matches()) {
                    throw new IllegalArgumentException("not a parameter 'name TYPE': " + parameter.trim() + " in " + form);
                }
                types.add(p.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return new UserDefinedFunction(m.group(1), types, m.group(3).toUpperCase(Locale.ROOT));
    }

    public int arity() {
        return parameterTypes.size();
    }
}
