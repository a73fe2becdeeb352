package org.voarchive.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function a service adds to ADQL, described as in TAPRegExt and the
 * registry UDF conventions: {@code ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER}.
 *
 * @param name           lower case, as ADQL function names are case-insensitive
 * @param parameters     name and ADQL type of each parameter, in order
 * @param sqlTemplate    the PostgreSQL it becomes, {@code {1}}, {@code {2}}, ... standing for the
 *                       arguments; empty: a database function of the same name
 * @param description    what it does, for TAPRegExt and the documentation
 */
public record UserDefinedFunction(String name, List<Parameter> parameters, String returnType,
                                  Optional<String> sqlTemplate, String description) {

    private static final Pattern FORM = Pattern.compile(
        "\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*->\\s*(\\S.*?)\\s*", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s+(\\S.*?)\\s*");

    /** One parameter: its name (documentation only) and ADQL type. */
    public record Parameter(String name, String type) {
    }

    public UserDefinedFunction {
        name = name.toLowerCase(Locale.ROOT);
        parameters = List.copyOf(parameters);
    }

    /** Parses the TAPRegExt form {@code name(param TYPE, ...) -> TYPE}. */
    public static UserDefinedFunction parse(String form) {
        Matcher m = FORM.matcher(form);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a function signature 'name(param TYPE, ...) -> TYPE': " + form);
        }
        List<Parameter> parameters = new ArrayList<>();
        if (!m.group(2).isBlank()) {
            for (String parameter : m.group(2).split(",")) {
                Matcher p = PARAMETER.matcher(parameter);
                if (!p.matches()) {
                    throw new IllegalArgumentException("not a parameter 'name TYPE': " + parameter.trim() + " in " + form);
                }
                parameters.add(new Parameter(p.group(1), p.group(2).toUpperCase(Locale.ROOT)));
            }
        }
        return new UserDefinedFunction(m.group(1), parameters, m.group(3).toUpperCase(Locale.ROOT), Optional.empty(), "");
    }

    /** The same function, translated with this SQL template. */
    public UserDefinedFunction withSql(String template, String description) {
        return new UserDefinedFunction(name, parameters, returnType, Optional.of(template), description);
    }

    /** The TAPRegExt form: {@code name(p1 TYPE, ...) -> TYPE}. */
    public String form() {
        StringBuilder form = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            form.append(i == 0 ? "" : ", ").append(parameters.get(i).name()).append(' ').append(parameters.get(i).type());
        }
        return form.append(") -> ").append(returnType).toString();
    }

    public int arity() {
        return parameters.size();
    }
}
