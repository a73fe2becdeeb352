package org.voarchive.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.voarchive.adql.FunctionRegistry;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.UserDefinedFunction;

/**
 * Whether an operator's ADQL user-defined function is one ADQL may know: its form parses, its name is free (not
 * ADQL's, not a standard UDF's), its types are ADQL's and its template is one SQL expression over its arguments.
 * The admin API checks a function with this before storing it (and then has PostgreSQL plan a call of it), and the
 * published snapshot checks the stored ones again, leaving out any that no longer pass.
 */
public final class FunctionCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** ADQL types a function may take and give, and the PostgreSQL type a typed NULL of each has. */
    public static final Map<String, String> TYPES = Map.ofEntries(Map.entry("SMALLINT", "smallint"),
        Map.entry("INTEGER", "integer"), Map.entry("BIGINT", "bigint"), Map.entry("REAL", "real"),
        Map.entry("DOUBLE", "double precision"), Map.entry("NUMERIC", "numeric"), Map.entry("CHAR", "text"),
        Map.entry("VARCHAR", "text"), Map.entry("TEXT", "text"), Map.entry("TIMESTAMP", "timestamp"),
        Map.entry("POINT", "spoint"), Map.entry("CIRCLE", "scircle"), Map.entry("POLYGON", "spoly"));

    private FunctionCheck() {
    }

    /** The function as ADQL will know it, or the field that is wrong. */
    public static UserDefinedFunction parse(String name, FunctionRecord edit) {
        if (edit.form() == null) {
            throw new InvalidField("form", "the TAPRegExt form name(param TYPE, ...) -> TYPE is required");
        }
        UserDefinedFunction f;
        try {
            f = UserDefinedFunction.parse(edit.form());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("form", e.getMessage());
        }
        if (!f.name().equals(name)) {
            throw new InvalidField("form", "the form names " + f.name() + ", the function is " + name);
        }
        for (int i = 0; i < f.arity(); i++) {
            if (!TYPES.containsKey(f.parameters().get(i).type())) {
                throw new InvalidField("form", "parameter " + f.parameters().get(i).name() + ": " + f.parameters().get(i).type()
                    + " is not one of the ADQL types " + new java.util.TreeSet<>(TYPES.keySet()));
            }
        }
        if (!TYPES.containsKey(f.returnType())) {
            throw new InvalidField("form", "the result type " + f.returnType() + " is not one of the ADQL types "
                + new java.util.TreeSet<>(TYPES.keySet()));
        }
        try {
            new FunctionRegistry(List.of(f));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("name", e.getMessage());
        }
        if (StandardFunctions.registry().get(name).isPresent()) {
            throw new InvalidField("name", name + " is one of the service's standard functions");
        }
        if (edit.description() == null || edit.description().isBlank()) {
            throw new InvalidField("description", "say what the function does: TAPRegExt and TOPCAT show it to users");
        }
        String template = edit.sqlTemplate() == null || edit.sqlTemplate().isBlank() ? null : edit.sqlTemplate();
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n < 1 || n > f.arity()) {
                    throw new InvalidField("sqlTemplate", "{" + n + "} names no argument: the function has " + f.arity());
                }
            }
            singleExpression(template);
            return f.withSql(template, edit.description().strip());
        }
        return new UserDefinedFunction(f.name(), f.parameters(), f.returnType(), Optional.empty(), edit.description().strip());
    }

    /** Words that start a query or statement: a template is an expression over its arguments, not a query. */
    private static final Pattern STATEMENT_WORD = Pattern.compile(
        "(?i)(?<![A-Za-z0-9_])(select|values|table|insert|update|delete|merge|copy)(?![A-Za-z0-9_])");

    /**
     * Refuses what would let a template be more than one SQL expression: statement separators, comments
     * (which can hide the rest of the query it is expanded into), backslashes and dollar quotes (whose
     * quoting rules could make text look quoted here that PostgreSQL reads as code), subqueries, and
     * parentheses that close more than they open (the template leaving the expression it is put in).
     * PostgreSQL then parses and plans it (the admin API's {@code FunctionPlanner}).
     */
    static void singleExpression(String template) {
        for (String bad : List.of(";", "--", "/*", "*/", "\\", "$")) {
            if (template.contains(bad)) {
                throw new InvalidField("sqlTemplate", "a template is one SQL expression: " + bad + " is not allowed in it");
            }
        }
        StringBuilder code = new StringBuilder(); // the template with quoted text blanked out
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote ('it''s') closes and reopens: the same to this check
                }
                code.append(' ');
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                code.append(' ');
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw new InvalidField("sqlTemplate", "a template is one SQL expression: a ) at character " + (i + 1)
                    + " closes a parenthesis it did not open");
            }
            code.append(c);
        }
        if (quote != 0) {
            throw new InvalidField("sqlTemplate", "a template is one SQL expression: a " + quote + " is not closed");
        }
        if (depth != 0) {
            throw new InvalidField("sqlTemplate", "a template is one SQL expression: " + depth + " ( not closed");
        }
        Matcher word = STATEMENT_WORD.matcher(code);
        if (word.find()) {
            throw new InvalidField("sqlTemplate", "a template is one SQL expression over its arguments, not a query: "
                + word.group(1).toUpperCase(java.util.Locale.ROOT) + " is not allowed in it");
        }
    }
}
