package org.voarchive.adql.postgres;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.BuiltInFunction;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.adql.ast.Expression;
import org.voarchive.adql.check.GeometryRules;

/** ADQL functions in PostgreSQL, with ADQL's semantics where the names differ or mislead. */
final class Functions {

    private Functions() {
    }

    static String call(PostgresTranslator t, Expression.FunctionCall f) {
        List<String> a = f.arguments().stream().map(t::expression).toList();
        Optional<BuiltInFunction> builtIn = BuiltInFunction.named(f.name());
        if (builtIn.isEmpty()) {
            // without a template: a database function of the same name
            return t.userDefined(f.name()).map(udf -> PostgresTranslator.call(udf, a)).orElseGet(() -> plain(f.name(), a));
        }
        return switch (builtIn.get()) {
            case LOG -> plain("ln", a);             // ADQL LOG is the natural logarithm
            case LOG10 -> plain("log", a);          // PostgreSQL log(x) is base 10
            case CEILING -> plain("ceil", a);
            case RAND -> a.isEmpty() ? "random()" : seededRandom(f, a.get(0));
            // PostgreSQL rounds and truncates to n digits only for numeric
            case ROUND -> a.size() == 1 ? plain("round", a)
                : "CAST(round(CAST(" + a.get(0) + " AS numeric), " + a.get(1) + ") AS double precision)";
            case TRUNCATE -> a.size() == 1 ? plain("trunc", a)
                : "CAST(trunc(CAST(" + a.get(0) + " AS numeric), " + a.get(1) + ") AS double precision)";
            // mod() has no floating-point form in PostgreSQL; this keeps the operands' type and SQL's sign rule
            case MOD -> "((" + a.get(0) + ") - (" + a.get(1) + ") * trunc((" + a.get(0) + ") / (" + a.get(1) + ")))";
            case AVG, MAX, MIN, SUM, COUNT -> f.name() + "(" + (f.distinct() ? "DISTINCT " : "") + a.get(0) + ")";
            // the checker turns IN_UNIT into a multiplication; unchecked, the value's unit is unknown
            case IN_UNIT -> throw new AdqlException(f.at().line(), f.at().column(),
                "IN_UNIT needs the unit of its argument from the table metadata (check the query first)");
            case AREA, BOX, CENTROID, CIRCLE, CONTAINS, COORD1, COORD2, COORDSYS, DISTANCE, INTERSECTS, POINT, POLYGON,
                 REGION -> Geometry.function(t, f, a);
            default -> plain(f.name(), a); // same name and meaning: abs, sin, power, lower, coalesce, ...
        };
    }

    /**
     * RAND(seed): PostgreSQL seeds with setseed(), in [-1, 1]. An uncorrelated subquery runs once,
     * before the first row (an InitPlan), and CASE evaluates WHEN before THEN, so the sequence of
     * random() values is reproducible for a given seed and plan. sin() maps any seed into range.
     */
    private static String seededRandom(Expression.FunctionCall f, String seed) {
        if (!GeometryRules.isConstant(f.arguments().get(0))) {
            throw new AdqlException(f.at().line(), f.at().column(), "the seed of RAND must be a constant");
        }
        return "CASE WHEN (SELECT setseed(sin(" + seed + "))) IS NULL THEN random() ELSE random() END";
    }

    /** {1}, {2}, ... replaced by the arguments in one pass, so argument text is never re-scanned. */
    static String expand(String template, List<String> args) {
        StringBuilder sql = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = template.indexOf('}', i);
            if (c == '{' && close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                sql.append('(').append(args.get(Integer.parseInt(template.substring(i + 1, close)) - 1)).append(')');
                i = close;
            } else {
                sql.append(c);
            }
        }
        return sql.toString();
    }

    static String plain(String name, List<String> args) {
        return name + args.stream().collect(Collectors.joining(", ", "(", ")"));
    }
}
