package org.voarchive.adql.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.voarchive.adql.BuiltInFunction;
import org.voarchive.adql.ast.Condition;
import org.voarchive.adql.ast.Expression;
import org.voarchive.adql.check.GeometryRules;
import org.voarchive.adql.check.ValueType;

/**
 * ADQL geometry in pg_sphere. ADQL angles are degrees, pg_sphere's radians;
 * results go back to degrees.
 */
final class Geometry {

    private Geometry() {
    }

    static String function(PostgresTranslator t, Expression.FunctionCall f, List<String> a) {
        List<String> c = withoutCoordinateSystem(f, a);
        return switch (BuiltInFunction.named(f.name()).orElseThrow()) {
            case POINT -> point(c.get(0), c.get(1));
            case CIRCLE -> c.size() == 2 ? "scircle(" + c.get(0) + ", radians(" + c.get(1) + "))"
                : "scircle(" + point(c.get(0), c.get(1)) + ", radians(" + c.get(2) + "))";
            // centre and full width and height; a polygon through the four corners (great-circle edges)
            case BOX -> c.size() == 3
                ? box("degrees(long(" + c.get(0) + "))", "degrees(lat(" + c.get(0) + "))", c.get(1), c.get(2))
                : box(c.get(0), c.get(1), c.get(2), c.get(3));
            case POLYGON -> polygon(f, c);
            case CONTAINS -> "CASE WHEN " + contains(a.get(0), a.get(1)) + " THEN 1 ELSE 0 END";
            case INTERSECTS -> "CASE WHEN " + intersects(f.arguments(), a) + " THEN 1 ELSE 0 END";
            case DISTANCE -> "degrees(" + distanceOperands(c) + ")";
            case COORD1 -> "degrees(long(" + a.get(0) + "))";
            case COORD2 -> "degrees(lat(" + a.get(0) + "))";
            case COORDSYS -> "'ICRS'";
            case AREA -> "degrees(degrees(area(" + a.get(0) + ")))"; // steradians to square degrees
            case CENTROID -> {
                if (!isCall(f.arguments().get(0), BuiltInFunction.CIRCLE)) {
                    throw PostgresTranslator.unsupported(Optional.of(f.at()), "CENTROID of anything but a CIRCLE");
                }
                yield "center(" + a.get(0) + ")";
            }
            case REGION -> throw PostgresTranslator.unsupported(Optional.of(f.at()), "REGION");
            default -> throw new IllegalStateException(f.name());
        };
    }

    /**
     * Index-usable forms of {@code CONTAINS(a, b) = 1|0}, {@code INTERSECTS(a, b) = 1|0} and
     * {@code DISTANCE(p, q) < r} (or {@code <=}); empty where the comparison has none of these shapes.
     */
    static Optional<String> predicate(PostgresTranslator t, Expression left, Condition.ComparisonOperator op,
                                      Expression right) {
        if (!(left instanceof Expression.FunctionCall f)) {
            return Optional.empty();
        }
        Optional<BuiltInFunction> function = BuiltInFunction.named(f.name());
        if (function.isEmpty()) {
            return Optional.empty();
        }
        List<String> a = f.arguments().stream().map(t::expression).toList();
        switch (function.get()) {
            case CONTAINS, INTERSECTS -> {
                if (!(right instanceof Expression.NumericLiteral n) || !n.integer()
                    || !(n.text().equals("1") || n.text().equals("0"))
                    || !(op == Condition.ComparisonOperator.EQUAL || op == Condition.ComparisonOperator.NOT_EQUAL)) {
                    return Optional.empty();
                }
                String test = function.get() == BuiltInFunction.CONTAINS
                    ? contains(a.get(0), a.get(1)) : intersects(f.arguments(), a);
                boolean wantTrue = n.text().equals("1") == (op == Condition.ComparisonOperator.EQUAL);
                if (wantTrue && function.get() == BuiltInFunction.CONTAINS) {
                    Optional<String> both = pointInCircleBothWays(t, f.arguments(), a.get(0));
                    if (both.isPresent()) {
                        return both;
                    }
                }
                return Optional.of(wantTrue ? test : "NOT " + test);
            }
            case DISTANCE -> {
                if (op != Condition.ComparisonOperator.LESS && op != Condition.ComparisonOperator.LESS_OR_EQUAL) {
                    return Optional.empty();
                }
                OptionalDouble radius = GeometryRules.value(right);
                if (radius.isPresent() && !(radius.getAsDouble() >= 0 && radius.getAsDouble() <= 90)) {
                    return Optional.empty(); // no pg_sphere circle that large (or negative): compare the distance itself
                }
                List<String> c = withoutCoordinateSystem(f, a);
                List<Expression> args = f.arguments();
                String p;
                String q;
                if (c.size() == 4) {
                    p = point(c.get(0), c.get(1));
                    q = point(c.get(2), c.get(3));
                } else if (GeometryRules.isConstant(args.get(0)) && !GeometryRules.isConstant(args.get(1))) {
                    p = c.get(1); // the column goes left of @, where an index can serve it
                    q = c.get(0);
                } else {
                    p = c.get(0);
                    q = c.get(1);
                }
                // within the circle, boundary included, equals DISTANCE <= r; for < the boundary has measure zero
                if (args.stream().noneMatch(GeometryRules::isConstant) && args.stream().allMatch(Geometry::plain)
                        && plain(right)) {
                    return Optional.of(bothWays(p, q, t.expression(right)));
                }
                return Optional.of("(" + p + " @ scircle(" + q + ", radians(" + t.expression(right) + ")))");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * A point within a circle is a distance no larger than the radius, which is symmetric: where both the point and
     * the circle's centre come from columns (a cross-match join), the test is written both ways, so that PostgreSQL
     * can use a spatial index on either table's positions (the catalogue's, or a user's table's or upload's) and
     * checks the other form as a filter. Without it, {@code CONTAINS(POINT(u.ra, u.dec), CIRCLE(k.ra, k.dec, r))}
     * with no index on {@code u} reads every pair. Only for plain columns, literals and arithmetic: an expression
     * evaluated twice must give the same value both times.
     */
    private static Optional<String> pointInCircleBothWays(PostgresTranslator t, List<Expression> args, String point) {
        if (!isCall(args.get(0), BuiltInFunction.POINT) || !isCall(args.get(1), BuiltInFunction.CIRCLE)
            || GeometryRules.isConstant(args.get(0)) || GeometryRules.isConstant(args.get(1))
            || !plain(args.get(0)) || !plain(args.get(1))) {
            return Optional.empty();
        }
        Expression.FunctionCall circle = (Expression.FunctionCall) args.get(1);
        List<String> c = withoutCoordinateSystem(circle, circle.arguments().stream().map(t::expression).toList());
        String centre = c.size() == 2 ? c.get(0) : point(c.get(0), c.get(1));
        return Optional.of(bothWays(point, centre, c.get(c.size() - 1)));
    }

    private static String bothWays(String p, String q, String radiusDegrees) {
        String r = "radians(" + radiusDegrees + ")";
        return "(" + p + " @ scircle(" + q + ", " + r + ") AND " + q + " @ scircle(" + p + ", " + r + "))";
    }

    /** Columns, literals, arithmetic and POINT/CIRCLE of those: no function whose value may differ between calls. */
    private static boolean plain(Expression e) {
        if (e instanceof Expression.ColumnReference || e instanceof Expression.StringLiteral
            || e instanceof Expression.NumericLiteral || e instanceof Expression.NullLiteral) {
            return true;
        }
        if (e instanceof Expression.Unary u) {
            return plain(u.operand());
        }
        if (e instanceof Expression.Binary b) {
            return plain(b.left()) && plain(b.right());
        }
        if (e instanceof Expression.FunctionCall f) {
            return (isCall(f, BuiltInFunction.POINT) || isCall(f, BuiltInFunction.CIRCLE))
                && f.arguments().stream().allMatch(Geometry::plain);
        }
        return false;
    }

    private static String contains(String a, String b) {
        return "(" + a + " @ " + b + ")";
    }

    /** pg_sphere has no && for points; a point intersects a region when the region contains it. */
    private static String intersects(List<Expression> args, List<String> a) {
        if (isCall(args.get(0), BuiltInFunction.POINT)) {
            return "(" + a.get(0) + " @ " + a.get(1) + ")";
        }
        if (isCall(args.get(1), BuiltInFunction.POINT)) {
            return "(" + a.get(1) + " @ " + a.get(0) + ")";
        }
        return "(" + a.get(0) + " && " + a.get(1) + ")";
    }

    private static String distanceOperands(List<String> c) {
        return c.size() == 4 ? point(c.get(0), c.get(1)) + " <-> " + point(c.get(2), c.get(3))
            : c.get(0) + " <-> " + c.get(1);
    }

    private static String point(String lon, String lat) {
        return "spoint(radians(" + lon + "), radians(" + lat + "))";
    }

    private static String box(String lon, String lat, String width, String height) {
        String west = "(" + lon + ") - (" + width + ") / 2.0";
        String east = "(" + lon + ") + (" + width + ") / 2.0";
        String south = "(" + lat + ") - (" + height + ") / 2.0";
        String north = "(" + lat + ") + (" + height + ") / 2.0";
        return polygonOf(List.of(west, south, east, south, east, north, west, north));
    }

    /**
     * A geometry from its DALI string form, numbers in degrees separated by blanks:
     * point "lon lat", circle "lon lat radius", polygon "lon1 lat1 lon2 lat2 ...".
     */
    static String fromDali(String text, String type) {
        String numbers = "CAST(regexp_split_to_array(btrim(" + text + "), '\\s+') AS double precision[])";
        return switch (type) {
            case "POINT" -> "(SELECT spoint(radians(a[1]), radians(a[2])) FROM (SELECT " + numbers + " AS a) AS dali)";
            case "CIRCLE" -> "(SELECT scircle(spoint(radians(a[1]), radians(a[2])), radians(a[3])) FROM (SELECT "
                + numbers + " AS a) AS dali)";
            default -> "(SELECT CAST('{' || string_agg('(' || radians(a[2 * i - 1]) || ',' || radians(a[2 * i]) || ')', ',' "
                + "ORDER BY i) || '}' AS spoly) FROM (SELECT " + numbers + " AS a) AS dali, "
                + "generate_series(1, array_length(a, 1) / 2) AS i)";
        };
    }

    /**
     * A geometry value as its DALI array in degrees; NULL stays NULL.
     * Polygons are read from pg_sphere's text form, vertex by vertex in order.
     */
    static String dali(String g, ValueType type) {
        if ("adql:REGION".equals(type.xtype())) {
            // a string column: STC-S (TAP 1.1 section 4.3), from the polygon's DALI array
            return "CASE WHEN (" + g + ") IS NULL THEN NULL ELSE 'POLYGON ICRS ' || array_to_string(" + dali(g, ValueType.POLYGON)
                + ", ' ') END";
        }
        String array = switch (type.xtype()) {
            case "point" -> "ARRAY[degrees(long(" + g + ")), degrees(lat(" + g + "))]";
            case "circle" -> "ARRAY[degrees(long(center(" + g + "))), degrees(lat(center(" + g + "))), degrees(radius(" + g + "))]";
            default -> "ARRAY(SELECT degrees(CAST(v AS double precision)) FROM unnest(string_to_array(translate(CAST("
                + g + " AS text), '{}() ', ''), ',')) WITH ORDINALITY AS u(v, i) ORDER BY i)";
        };
        return "CASE WHEN (" + g + ") IS NULL THEN NULL ELSE " + array + " END";
    }

    private static String polygon(Expression.FunctionCall f, List<String> c) {
        List<Expression> args = f.arguments().subList(f.arguments().size() - c.size(), f.arguments().size());
        // as the syntax rules decide: POINT arguments make the vertex form, otherwise coordinate pairs
        if (args.stream().anyMatch(e -> isCall(e, BuiltInFunction.POINT))) {
            List<String> vertices = new ArrayList<>();
            for (String p : c) {
                vertices.add("'(' || long(" + p + ") || ',' || lat(" + p + ") || ')'");
            }
            return "CAST('{' || " + String.join(" || ',' || ", vertices) + " || '}' AS spoly)";
        }
        return polygonOf(c);
    }

    /** pg_sphere 1.1 builds polygons only from text: '{(lon, lat), ...}' in radians; here from degree pairs. */
    private static String polygonOf(List<String> degreePairs) {
        List<String> vertices = new ArrayList<>();
        for (int i = 0; i < degreePairs.size(); i += 2) {
            vertices.add("'(' || radians(" + degreePairs.get(i) + ") || ',' || radians(" + degreePairs.get(i + 1) + ") || ')'");
        }
        return "CAST('{' || " + String.join(" || ',' || ", vertices) + " || '}' AS spoly)";
    }

    /** The arguments after the optional coordinate system (a string or NULL in first place). */
    private static List<String> withoutCoordinateSystem(Expression.FunctionCall f, List<String> a) {
        boolean first = !f.arguments().isEmpty()
            && (f.arguments().get(0) instanceof Expression.StringLiteral || f.arguments().get(0) instanceof Expression.NullLiteral);
        return first ? a.subList(1, a.size()) : a;
    }

    private static boolean isCall(Expression e, BuiltInFunction function) {
        return e instanceof Expression.FunctionCall f && BuiltInFunction.named(f.name()).orElse(null) == function;
    }

}
