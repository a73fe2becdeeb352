package org.voarchive.adql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.voarchive.adql.parser.AdqlBaseVisitor;
import org.voarchive.adql.parser.AdqlParser;

/**
 * The rules of ADQL 2.1 that the grammar leaves open: reserved words as names,
 * how many parts a name may have, which functions exist and their arguments
 * (including the geometry constructors' optional coordinate system), CAST
 * target types, and geometry values where numbers or strings are needed.
 * Throws {@link AdqlException} at the first violation.
 */
final class SyntaxValidator extends AdqlBaseVisitor<Void> {

    private static final Pattern UDF_NAME = Pattern.compile("[a-z][a-z0-9]*_[a-z0-9_]+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CAST_TYPES = Set.of(
        "smallint", "integer", "bigint", "real", "double precision", "double", "char", "varchar", "timestamp",
        "point", "circle", "polygon");
    private static final Set<String> LENGTH_TYPES = Set.of("char", "varchar");
    private static final Set<String> GEOMETRY_CAST_TYPES = Set.of("point", "circle", "polygon");

    /** null: syntax only, user-defined functions are not resolved */
    private final FunctionRegistry functions;

    SyntaxValidator(FunctionRegistry functions) {
        this.functions = functions;
    }

    private static AdqlException error(ParserRuleContext at, String message) {
        return new AdqlException(at.getStart().getLine(), at.getStart().getCharPositionInLine() + 1, message);
    }

    // ---------------------------------------------------------------- names

    @Override
    public Void visitRegularIdentifier(AdqlParser.RegularIdentifierContext ctx) {
        String name = ctx.getText();
        if (ReservedWords.isReserved(name)) {
            throw error(ctx, "'" + name + "' is a reserved word; to use it as a name, write it in double quotes: \""
                + name + "\"");
        }
        return null;
    }

    @Override
    public Void visitColumnReference(AdqlParser.ColumnReferenceContext ctx) {
        checkParts(ctx.qualifiedName(), 4, "column reference (catalog.schema.table.column)");
        return visitChildren(ctx);
    }

    @Override
    public Void visitNamedTable(AdqlParser.NamedTableContext ctx) {
        checkParts(ctx.qualifiedName(), 3, "table name (catalog.schema.table)");
        return visitChildren(ctx);
    }

    @Override
    public Void visitAllColumnsOf(AdqlParser.AllColumnsOfContext ctx) {
        checkParts(ctx.qualifiedName(), 3, "table name (catalog.schema.table)");
        return visitChildren(ctx);
    }

    private static void checkParts(AdqlParser.QualifiedNameContext name, int max, String what) {
        if (name.identifier().size() > max) {
            throw error(name, "'" + name.getText() + "' has too many parts for a " + what);
        }
    }

    // ---------------------------------------------------------------- functions

    @Override
    public Void visitCountAll(AdqlParser.CountAllContext ctx) {
        if (!ctx.identifier().getText().equalsIgnoreCase("count")) {
            throw error(ctx, "only COUNT takes '*' as its argument, not " + ctx.identifier().getText());
        }
        return null; // the name is a function name, not a reserved-word violation
    }

    @Override
    public Void visitFunctionCall(AdqlParser.FunctionCallContext ctx) {
        if (ctx.identifier() instanceof AdqlParser.DelimitedIdentifierContext) {
            throw error(ctx, "a function name cannot be a delimited identifier: " + ctx.identifier().getText());
        }
        String name = ctx.identifier().getText();
        List<AdqlParser.ValueExpressionContext> args = ctx.valueExpression();
        Optional<BuiltInFunction> builtIn = BuiltInFunction.named(name);
        if (builtIn.isPresent()) {
            checkBuiltIn(ctx, builtIn.get(), args);
        } else if (ReservedWords.isReserved(name)) {
            throw error(ctx, "'" + name + "' is a reserved word, not a function");
        } else if (ctx.setQuantifier() != null) {
            throw error(ctx, "DISTINCT/ALL is only allowed in aggregate functions, not in " + name);
        } else if (functions == null) {
            // Without the service's function list, only a name of the UDF form can be a UDF:
            // a prefix and an underscore (ivo_..., gavo_..., a service's own prefix).
            if (!UDF_NAME.matcher(name).matches()) {
                throw error(ctx, "unknown function '" + name + "'; user-defined functions are named prefix_name");
            }
        } else {
            UserDefinedFunction udf = functions.get(name).orElseThrow(() -> error(ctx,
                "unknown function '" + name + "'" + (functions.all().isEmpty() ? ""
                    : "; this service also offers: " + functions.all().stream().map(UserDefinedFunction::name).sorted().toList())));
            if (args.size() != udf.arity()) {
                throw error(ctx, name + " takes " + udf.arity() + " argument" + (udf.arity() == 1 ? "" : "s")
                    + ", not " + args.size());
            }
        }
        args.forEach(this::visit);
        return null;
    }

    private void checkBuiltIn(AdqlParser.FunctionCallContext ctx, BuiltInFunction f, List<AdqlParser.ValueExpressionContext> args) {
        String name = f.name();
        if (ctx.setQuantifier() != null && f.kind() != BuiltInFunction.Kind.AGGREGATE) {
            throw error(ctx, "DISTINCT/ALL is only allowed in aggregate functions, not in " + name);
        }
        int n = args.size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            String expected = f.minArgs() == f.maxArgs() ? Integer.toString(f.minArgs())
                : f.maxArgs() == Integer.MAX_VALUE ? "at least " + f.minArgs()
                : f.minArgs() + " to " + f.maxArgs();
            throw error(ctx, name + " takes " + expected + " argument" + ("1".equals(expected) ? "" : "s") + ", not " + n);
        }
        boolean coordSys = n > 0 && isCoordinateSystem(args.get(0));
        int coordinates = coordSys ? n - 1 : n;
        switch (f) {
            case POINT -> require(ctx, coordinates == 2, "POINT takes [coordinate system,] longitude, latitude");
            case CIRCLE -> require(ctx, coordSys ? coordinates == 3 : n >= 2,
                "CIRCLE takes [coordinate system,] longitude, latitude, radius or a POINT and a radius");
            case BOX -> require(ctx, coordSys ? coordinates == 4 : n <= 4,
                "BOX takes [coordinate system,] longitude, latitude, width, height");
            case POLYGON -> require(ctx, coordSys ? coordinates >= 6 && coordinates % 2 == 0
                    : args.stream().anyMatch(SyntaxValidator::isGeometry) || n >= 6 && n % 2 == 0,
                "POLYGON takes [coordinate system,] at least three longitude/latitude pairs, or at least three POINTs");
            case DISTANCE -> require(ctx, n != 3, "DISTANCE takes two POINTs or four numbers (lon1, lat1, lon2, lat2)");
            default -> {
                // the count check above is all
            }
        }
    }

    private static void require(ParserRuleContext ctx, boolean ok, String message) {
        if (!ok) {
            throw error(ctx, message);
        }
    }

    /** A string literal or NULL in first position: the optional coordinate-system argument. */
    private static boolean isCoordinateSystem(AdqlParser.ValueExpressionContext arg) {
        return arg instanceof AdqlParser.PrimaryExpressionContext p
            && p.primary() instanceof AdqlParser.LiteralValueContext l
            && (l.literal() instanceof AdqlParser.StringLiteralContext || l.literal() instanceof AdqlParser.NullLiteralContext);
    }

    /** Whether an expression certainly has a geometry value (a constructor, CENTROID, a CAST to a geometry). */
    private static boolean isGeometry(AdqlParser.ValueExpressionContext e) {
        if (!(e instanceof AdqlParser.PrimaryExpressionContext p)) {
            return false;
        }
        if (p.primary() instanceof AdqlParser.ParenthesisedContext inner) {
            return isGeometry(inner.valueExpression());
        }
        if (p.primary() instanceof AdqlParser.FunctionCallContext call) {
            return BuiltInFunction.named(call.identifier().getText())
                .filter(f -> f.kind() == BuiltInFunction.Kind.GEOMETRY).isPresent();
        }
        return p.primary() instanceof AdqlParser.CastContext cast
            && GEOMETRY_CAST_TYPES.contains(castTypeName(cast.castTarget()));
    }

    // ---------------------------------------------------------------- types

    @Override
    public Void visitCast(AdqlParser.CastContext ctx) {
        AdqlParser.CastTargetContext target = ctx.castTarget();
        String type = castTypeName(target);
        if (!CAST_TYPES.contains(type)) {
            // DOUBLE alone is accepted as DOUBLE PRECISION, as other ADQL services do
            throw error(target, "cannot CAST to " + target.getText() + "; the types are SMALLINT, INTEGER, BIGINT, "
                + "REAL, DOUBLE PRECISION, CHAR(n), VARCHAR(n), TIMESTAMP, POINT, CIRCLE, POLYGON");
        }
        if (target.UNSIGNED_INTEGER() != null && !LENGTH_TYPES.contains(type)) {
            throw error(target, "only CHAR and VARCHAR take a length, not " + type.toUpperCase(Locale.ROOT));
        }
        return visit(ctx.valueExpression()); // the type words are not names
    }

    private static String castTypeName(AdqlParser.CastTargetContext target) {
        StringBuilder type = new StringBuilder(target.identifier(0).getText());
        if (target.identifier().size() > 1) {
            type.append(' ').append(target.identifier(1).getText());
        }
        return type.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public Void visitUnary(AdqlParser.UnaryContext ctx) {
        noGeometry(ctx.op.getText(), ctx.valueExpression());
        return visitChildren(ctx);
    }

    @Override
    public Void visitBinary(AdqlParser.BinaryContext ctx) {
        noGeometry(ctx.op.getText(), ctx.valueExpression(0), ctx.valueExpression(1));
        return visitChildren(ctx);
    }

    private static void noGeometry(String operator, AdqlParser.ValueExpressionContext... operands) {
        for (AdqlParser.ValueExpressionContext operand : operands) {
            if (isGeometry(operand)) {
                throw error(operand, "a geometry value cannot be an operand of '" + operator + "'");
            }
        }
    }
}
