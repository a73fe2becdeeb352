package org.voarchive.adql.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.voarchive.adql.BuiltInFunction;
import org.voarchive.adql.ast.Expression;

/**
 * What pg_sphere cannot represent, found before the query runs where the
 * values are written as constants: circles with a radius below 0 or above 90
 * degrees, polygons and boxes without an area (fewer than three distinct
 * vertices, or all vertices on one great circle). Values computed from columns
 * are left to the database, whose refusal is still the client's error.
 * Each check gives the message for the client, or nothing when all is well.
 */
public final class GeometryRules {

    /** Angles closer than this (radians, about 0.2 milliarcseconds) are one vertex to pg_sphere. */
    private static final double EPSILON = 1e-9;

    private GeometryRules() {
    }

    static Optional<String> circleRadius(Expression radius) {
        OptionalDouble r = value(radius);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        double d = r.getAsDouble();
        if (Double.isNaN(d) || d < 0 || d > 90) {
            return Optional.of("CIRCLE radius " + format(d) + " is out of range: it must be between 0 and 90 degrees"
                + " (for larger cones, use DISTANCE(...) <= r, or the complement 1 = CONTAINS(...) with 0)");
        }
        return Optional.empty();
    }

    /** BOX(centre, width, height) or BOX(lon, lat, width, height), after the coordinate system. */
    static Optional<String> box(List<Expression> c) {
        List<Expression> size = c.subList(c.size() - 2, c.size());
        for (int i = 0; i < 2; i++) {
            OptionalDouble v = value(size.get(i));
            if (v.isPresent() && (v.getAsDouble() == 0 || Double.isNaN(v.getAsDouble()))) {
                return Optional.of("BOX " + (i == 0 ? "width" : "height") + " must not be 0: a box needs an area");
            }
        }
        if (c.size() != 4) {
            return Optional.empty();
        }
        List<OptionalDouble> v = c.stream().map(GeometryRules::value).toList();
        if (v.stream().anyMatch(OptionalDouble::isEmpty)) {
            return Optional.empty();
        }
        double lon = v.get(0).getAsDouble();
        double lat = v.get(1).getAsDouble();
        double w = v.get(2).getAsDouble() / 2;
        double h = v.get(3).getAsDouble() / 2;
        return vertices("BOX", List.of(new double[] {lon - w, lat - h}, new double[] {lon + w, lat - h},
            new double[] {lon + w, lat + h}, new double[] {lon - w, lat + h}));
    }

    /** POLYGON(lon1, lat1, lon2, lat2, ...) or POLYGON(POINT(...), POINT(...), ...), after the coordinate system. */
    static Optional<String> polygon(List<Expression> c) {
        boolean points = c.stream().anyMatch(e -> e instanceof Expression.FunctionCall);
        List<double[]> vertices = new ArrayList<>();
        if (points) {
            for (Expression e : c) {
                if (!(e instanceof Expression.FunctionCall f) || BuiltInFunction.named(f.name()).orElse(null) != BuiltInFunction.POINT
                    || f.arguments().size() < 2) {
                    return Optional.empty();
                }
                List<Expression> a = f.arguments();
                OptionalDouble lon = value(a.get(a.size() - 2));
                OptionalDouble lat = value(a.get(a.size() - 1));
                if (lon.isEmpty() || lat.isEmpty()) {
                    return Optional.empty();
                }
                vertices.add(new double[] {lon.getAsDouble(), lat.getAsDouble()});
            }
        } else {
            if (c.size() % 2 != 0) {
                return Optional.empty(); // the syntax rules report the odd count
            }
            for (int i = 0; i + 1 < c.size(); i += 2) {
                OptionalDouble lon = value(c.get(i));
                OptionalDouble lat = value(c.get(i + 1));
                if (lon.isEmpty() || lat.isEmpty()) {
                    return Optional.empty();
                }
                vertices.add(new double[] {lon.getAsDouble(), lat.getAsDouble()});
            }
        }
        return vertices("POLYGON", vertices);
    }

    /** Vertices in degrees: finite latitudes within ±90, at least three distinct, not all on one great circle. */
    static Optional<String> vertices(String what, List<double[]> degrees) {
        List<double[]> unit = new ArrayList<>();
        for (double[] v : degrees) {
            if (!Double.isFinite(v[0]) || !Double.isFinite(v[1]) || Math.abs(v[1]) > 90) {
                return Optional.of(what + " vertex (" + format(v[0]) + ", " + format(v[1])
                    + ") is not a position on the sky: latitudes lie between -90 and 90 degrees");
            }
            double lon = Math.toRadians(v[0]);
            double lat = Math.toRadians(v[1]);
            double[] u = {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
            if (unit.isEmpty() || distance(unit.get(unit.size() - 1), u) > EPSILON) {
                unit.add(u); // a vertex repeating the previous one is the same corner
            }
        }
        if (unit.size() > 1 && distance(unit.get(0), unit.get(unit.size() - 1)) <= EPSILON) {
            unit.remove(unit.size() - 1); // closed by repeating the first vertex
        }
        List<double[]> distinct = new ArrayList<>();
        for (double[] u : unit) {
            if (distinct.stream().noneMatch(d -> distance(d, u) <= EPSILON)) {
                distinct.add(u);
            }
        }
        if (distinct.size() < 3) {
            return Optional.of(what + " needs at least 3 distinct vertices, but has " + distinct.size());
        }
        // all on one great circle: every vertex in the plane of the first two that are not antipodal
        double[] a = distinct.get(0);
        double[] normal = null;
        for (int i = 1; i < distinct.size() && normal == null; i++) {
            double[] n = cross(a, distinct.get(i));
            if (norm(n) > EPSILON) {
                normal = scale(n, 1 / norm(n));
            }
        }
        if (normal == null) {
            return Optional.of(what + " has no area: its vertices are one point and its antipode");
        }
        for (double[] u : distinct) {
            if (Math.abs(dot(normal, u)) > EPSILON) {
                return Optional.empty();
            }
        }
        return Optional.of(what + " has no area: all its vertices lie on one great circle");
    }

    /** Built only from literals: no column takes part. */
    public static boolean isConstant(Expression e) {
        if (e instanceof Expression.StringLiteral || e instanceof Expression.NumericLiteral || e instanceof Expression.NullLiteral) {
            return true;
        }
        if (e instanceof Expression.Unary u) {
            return isConstant(u.operand());
        }
        if (e instanceof Expression.Binary b) {
            return isConstant(b.left()) && isConstant(b.right());
        }
        if (e instanceof Expression.Cast c) {
            return isConstant(c.value());
        }
        if (e instanceof Expression.FunctionCall f) {
            return BuiltInFunction.named(f.name()).isPresent() && BuiltInFunction.named(f.name()).get() != BuiltInFunction.RAND
                && f.arguments().stream().allMatch(GeometryRules::isConstant);
        }
        return false;
    }

    /** The value of a numeric constant (literals with signs and + - * /), if the expression is one. */
    public static OptionalDouble value(Expression e) {
        return constant(e).map(c -> OptionalDouble.of(c.value)).orElse(OptionalDouble.empty());
    }

    private record Constant(double value, boolean integer) {
    }

    private static Optional<Constant> constant(Expression e) {
        if (e instanceof Expression.NumericLiteral n) {
            try {
                return Optional.of(new Constant(Double.parseDouble(n.text()), n.integer()));
            } catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }
        if (e instanceof Expression.Unary u && u.operator() != Expression.UnaryOperator.BIT_NOT) {
            return constant(u.operand()).map(c -> u.operator() == Expression.UnaryOperator.MINUS
                ? new Constant(-c.value, c.integer) : c);
        }
        if (e instanceof Expression.Binary b) {
            Optional<Constant> l = constant(b.left());
            Optional<Constant> r = constant(b.right());
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            double x = l.get().value;
            double y = r.get().value;
            boolean integer = l.get().integer && r.get().integer;
            return switch (b.operator()) {
                case ADD -> Optional.of(new Constant(x + y, integer));
                case SUBTRACT -> Optional.of(new Constant(x - y, integer));
                case MULTIPLY -> Optional.of(new Constant(x * y, integer));
                // integer division truncates in SQL; division by zero is the database's to report
                case DIVIDE -> y == 0 ? Optional.empty()
                    : Optional.of(new Constant(integer ? (double) (long) (x / y) : x / y, integer));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static double distance(double[] a, double[] b) {
        return norm(new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]});
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] scale(double[] a, double f) {
        return new double[] {a[0] * f, a[1] * f, a[2] * f};
    }
}
