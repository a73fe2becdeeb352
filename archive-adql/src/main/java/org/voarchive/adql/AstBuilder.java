package org.voarchive.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.voarchive.adql.ast.Condition;
import org.voarchive.adql.ast.Expression;
import org.voarchive.adql.ast.FromItem;
import org.voarchive.adql.ast.Identifier;
import org.voarchive.adql.ast.Position;
import org.voarchive.adql.ast.QualifiedName;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.parser.AdqlParser;

/** Turns a validated parse tree into the immutable AST. */
final class AstBuilder {

    private AstBuilder() {
    }

    static Query query(AdqlParser.QueryContext ctx) {
        List<Query.CommonTableExpression> with = new ArrayList<>();
        if (ctx.withClause() != null) {
            for (AdqlParser.WithQueryContext w : ctx.withClause().withQuery()) {
                List<Identifier> names = w.identifier().stream().map(AstBuilder::identifier).toList();
                with.add(new Query.CommonTableExpression(names.get(0), names.subList(1, names.size()),
                    queryExpression(w.queryExpression())));
            }
        }
        return new Query(with, queryExpression(ctx.queryExpression()));
    }

    // ---------------------------------------------------------------- query expressions

    private static Query.QueryExpression queryExpression(AdqlParser.QueryExpressionContext ctx) {
        Query.QueryExpression result = queryTerm(ctx.queryTerm(0));
        for (int i = 0; i < ctx.setOperator().size(); i++) {
            AdqlParser.SetOperatorContext op = ctx.setOperator(i);
            result = new Query.SetOperation(result,
                op.UNION() != null ? Query.SetOperator.UNION : Query.SetOperator.EXCEPT,
                op.ALL() != null, queryTerm(ctx.queryTerm(i + 1)));
        }
        return ordered(result, ctx);
    }

    /**
     * The ORDER BY and OFFSET written after a query expression order its whole result: a single
     * SELECT's own, a set operation's for all of its rows. A query in parentheses that already has
     * TOP, ORDER BY or OFFSET keeps them; a second ordering outside would need a derived table,
     * since the two cannot become one clause without changing which rows are chosen.
     */
    private static Query.QueryExpression ordered(Query.QueryExpression q, AdqlParser.QueryExpressionContext ctx) {
        if (ctx.orderByClause() == null && ctx.offsetClause() == null) {
            return q;
        }
        List<Query.SortKey> orderBy = ctx.orderByClause() == null ? List.of()
            : ctx.orderByClause().sortSpecification().stream()
                .map(s -> new Query.SortKey(expression(s.valueExpression()), s.DESC() != null)).toList();
        OptionalLong offset = ctx.offsetClause() == null ? OptionalLong.empty()
            : OptionalLong.of(count(ctx.offsetClause().UNSIGNED_INTEGER(), "OFFSET"));
        Token at = (ctx.orderByClause() != null ? ctx.orderByClause() : ctx.offsetClause()).getStart();
        if (q instanceof Query.SetOperation op) {
            if (!op.orderBy().isEmpty() || op.offset().isPresent()) {
                throw doubleOrdering(at);
            }
            return op.ordered(orderBy, offset);
        }
        Query.Select s = (Query.Select) q;
        if (!s.orderBy().isEmpty() || s.offset().isPresent() || s.top().isPresent() && isParenthesised(ctx)) {
            throw doubleOrdering(at);
        }
        return new Query.Select(s.distinct(), s.top(), s.items(), s.from(), s.where(), s.groupBy(), s.having(),
            orderBy, offset, s.at());
    }

    private static boolean isParenthesised(AdqlParser.QueryExpressionContext ctx) {
        return ctx.queryTerm(0).queryPrimary(0).querySpecification() == null;
    }

    private static AdqlException doubleOrdering(Token at) {
        return new AdqlException(at.getLine(), at.getCharPositionInLine() + 1,
            "the query in parentheses before this already has its own TOP, ORDER BY or OFFSET; to order or skip "
                + "rows of its result, make it a derived table: SELECT * FROM (...) AS t ORDER BY ...");
    }

    private static Query.QueryExpression queryTerm(AdqlParser.QueryTermContext ctx) {
        Query.QueryExpression result = queryPrimary(ctx.queryPrimary(0));
        for (int i = 1; i < ctx.queryPrimary().size(); i++) {
            // ALL tokens follow INTERSECT tokens in order; match them by position
            boolean all = isFollowedByAll(ctx, ctx.INTERSECT(i - 1));
            result = new Query.SetOperation(result, Query.SetOperator.INTERSECT, all, queryPrimary(ctx.queryPrimary(i)));
        }
        return result;
    }

    private static boolean isFollowedByAll(ParserRuleContext parent, TerminalNode keyword) {
        int index = parent.children.indexOf(keyword);
        return index + 1 < parent.getChildCount()
            && parent.getChild(index + 1) instanceof TerminalNode next
            && next.getSymbol().getType() == AdqlParser.ALL;
    }

    private static Query.QueryExpression queryPrimary(AdqlParser.QueryPrimaryContext ctx) {
        return ctx.querySpecification() != null ? select(ctx.querySpecification()) : queryExpression(ctx.queryExpression());
    }

    private static Query.Select select(AdqlParser.QuerySpecificationContext ctx) {
        List<Query.SelectItem> items = new ArrayList<>();
        for (AdqlParser.SelectItemContext item : ctx.selectList().selectItem()) {
            if (item instanceof AdqlParser.AllColumnsOfContext all) {
                items.add(new Query.AllColumnsOf(qualifiedName(all.qualifiedName())));
            } else {
                AdqlParser.DerivedColumnContext d = (AdqlParser.DerivedColumnContext) item;
                items.add(new Query.DerivedColumn(expression(d.valueExpression()),
                    Optional.ofNullable(d.identifier()).map(AstBuilder::identifier)));
            }
        }
        List<FromItem> from = ctx.fromClause().tableReference().stream().map(AstBuilder::tableReference).toList();
        return new Query.Select(
            ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null,
            ctx.UNSIGNED_INTEGER() == null ? OptionalLong.empty() : OptionalLong.of(count(ctx.UNSIGNED_INTEGER(), "TOP")),
            items,
            from,
            Optional.ofNullable(ctx.whereClause()).map(w -> condition(w.searchCondition())),
            ctx.groupByClause() == null ? List.of()
                : ctx.groupByClause().valueExpression().stream().map(AstBuilder::expression).toList(),
            Optional.ofNullable(ctx.havingClause()).map(h -> condition(h.searchCondition())),
            List.of(), // ORDER BY and OFFSET follow the query expression: see ordered
            OptionalLong.empty(),
            position(ctx.getStart()));
    }

    private static long count(TerminalNode number, String clause) {
        try {
            return Long.parseLong(number.getText());
        } catch (NumberFormatException e) {
            throw new AdqlException(number.getSymbol().getLine(), number.getSymbol().getCharPositionInLine() + 1,
                clause + " " + number.getText() + " is too large");
        }
    }

    // ---------------------------------------------------------------- FROM

    private static FromItem tableReference(AdqlParser.TableReferenceContext ctx) {
        FromItem result = tablePrimary(ctx.tablePrimary());
        for (AdqlParser.JoinContext join : ctx.join()) {
            if (join instanceof AdqlParser.CrossJoinContext cross) {
                result = new FromItem.Join(result, FromItem.JoinKind.CROSS, false, tablePrimary(cross.tablePrimary()),
                    Optional.empty(), List.of());
            } else if (join instanceof AdqlParser.NaturalJoinContext natural) {
                result = new FromItem.Join(result, joinKind(natural.joinType()), true,
                    tablePrimary(natural.tablePrimary()), Optional.empty(), List.of());
            } else {
                AdqlParser.QualifiedJoinContext q = (AdqlParser.QualifiedJoinContext) join;
                Optional<Condition> on = Optional.empty();
                List<Identifier> using = List.of();
                if (q.joinSpecification() instanceof AdqlParser.JoinOnContext o) {
                    on = Optional.of(condition(o.searchCondition()));
                } else if (q.joinSpecification() instanceof AdqlParser.JoinUsingContext u) {
                    using = u.identifier().stream().map(AstBuilder::identifier).toList();
                }
                result = new FromItem.Join(result, joinKind(q.joinType()), false, tablePrimary(q.tablePrimary()), on, using);
            }
        }
        return result;
    }

    private static FromItem.JoinKind joinKind(AdqlParser.JoinTypeContext ctx) {
        if (ctx == null || ctx.INNER() != null) {
            return FromItem.JoinKind.INNER;
        }
        return ctx.LEFT() != null ? FromItem.JoinKind.LEFT : ctx.RIGHT() != null ? FromItem.JoinKind.RIGHT
            : FromItem.JoinKind.FULL;
    }

    private static FromItem tablePrimary(AdqlParser.TablePrimaryContext ctx) {
        if (ctx instanceof AdqlParser.NamedTableContext named) {
            return new FromItem.TableReference(qualifiedName(named.qualifiedName()),
                Optional.ofNullable(named.identifier()).map(AstBuilder::identifier));
        }
        if (ctx instanceof AdqlParser.DerivedTableContext derived) {
            return new FromItem.DerivedTable(queryExpression(derived.queryExpression()), identifier(derived.identifier()));
        }
        return tableReference(((AdqlParser.ParenthesisedJoinContext) ctx).tableReference());
    }

    // ---------------------------------------------------------------- conditions

    private static Condition condition(AdqlParser.SearchConditionContext ctx) {
        List<Condition> terms = ctx.booleanTerm().stream().map(AstBuilder::booleanTerm).toList();
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(terms);
    }

    private static Condition booleanTerm(AdqlParser.BooleanTermContext ctx) {
        List<Condition> factors = ctx.booleanFactor().stream().map(AstBuilder::booleanFactor).toList();
        return factors.size() == 1 ? factors.get(0) : new Condition.And(factors);
    }

    private static Condition booleanFactor(AdqlParser.BooleanFactorContext ctx) {
        AdqlParser.BooleanPrimaryContext p = ctx.booleanPrimary();
        Condition c = p.predicate() != null ? predicate(p.predicate()) : condition(p.searchCondition());
        return ctx.NOT() != null ? new Condition.Not(c) : c;
    }

    private static Condition predicate(AdqlParser.PredicateContext ctx) {
        if (ctx instanceof AdqlParser.ComparisonContext c) {
            return new Condition.Comparison(expression(c.valueExpression(0)), comparison(c.comparisonOperator().getText()),
                expression(c.valueExpression(1)));
        }
        if (ctx instanceof AdqlParser.BetweenContext b) {
            return new Condition.Between(expression(b.valueExpression(0)), b.NOT() != null,
                expression(b.valueExpression(1)), expression(b.valueExpression(2)));
        }
        if (ctx instanceof AdqlParser.InSubqueryContext in) {
            return new Condition.InSubquery(expression(in.valueExpression()), in.NOT() != null,
                queryExpression(in.queryExpression()));
        }
        if (ctx instanceof AdqlParser.InListContext in) {
            List<Expression> values = in.valueExpression().stream().map(AstBuilder::expression).toList();
            return new Condition.InList(values.get(0), in.NOT() != null, values.subList(1, values.size()));
        }
        if (ctx instanceof AdqlParser.LikeContext like) {
            return new Condition.Like(expression(like.valueExpression(0)), like.NOT() != null, like.ILIKE() != null,
                expression(like.valueExpression(1)));
        }
        if (ctx instanceof AdqlParser.NullTestContext n) {
            return new Condition.IsNull(expression(n.valueExpression()), n.NOT() != null);
        }
        return new Condition.Exists(queryExpression(((AdqlParser.ExistsContext) ctx).queryExpression()));
    }

    private static Condition.ComparisonOperator comparison(String symbol) {
        return switch (symbol) {
            case "=" -> Condition.ComparisonOperator.EQUAL;
            case "<>", "!=" -> Condition.ComparisonOperator.NOT_EQUAL;
            case "<" -> Condition.ComparisonOperator.LESS;
            case ">" -> Condition.ComparisonOperator.GREATER;
            case "<=" -> Condition.ComparisonOperator.LESS_OR_EQUAL;
            case ">=" -> Condition.ComparisonOperator.GREATER_OR_EQUAL;
            default -> throw new IllegalStateException("comparison operator " + symbol);
        };
    }

    // ---------------------------------------------------------------- values

    private static Expression expression(AdqlParser.ValueExpressionContext ctx) {
        if (ctx instanceof AdqlParser.PrimaryExpressionContext p) {
            return primary(p.primary());
        }
        if (ctx instanceof AdqlParser.UnaryContext u) {
            Expression.UnaryOperator op = switch (u.op.getText()) {
                case "+" -> Expression.UnaryOperator.PLUS;
                case "-" -> Expression.UnaryOperator.MINUS;
                default -> Expression.UnaryOperator.BIT_NOT;
            };
            return new Expression.Unary(op, expression(u.valueExpression()));
        }
        List<AdqlParser.ValueExpressionContext> operands = ctx.getRuleContexts(AdqlParser.ValueExpressionContext.class);
        String op = ((TerminalNode) ctx.getChild(1)).getText();
        Expression.BinaryOperator operator = switch (op) {
            case "*" -> Expression.BinaryOperator.MULTIPLY;
            case "/" -> Expression.BinaryOperator.DIVIDE;
            case "+" -> Expression.BinaryOperator.ADD;
            case "-" -> Expression.BinaryOperator.SUBTRACT;
            case "&" -> Expression.BinaryOperator.BIT_AND;
            case "^" -> Expression.BinaryOperator.BIT_XOR;
            case "|" -> Expression.BinaryOperator.BIT_OR;
            case "||" -> Expression.BinaryOperator.CONCATENATE;
            default -> throw new IllegalStateException("binary operator " + op);
        };
        return new Expression.Binary(expression(operands.get(0)), operator, expression(operands.get(1)));
    }

    private static Expression primary(AdqlParser.PrimaryContext ctx) {
        if (ctx instanceof AdqlParser.LiteralValueContext l) {
            return literal(l.literal());
        }
        if (ctx instanceof AdqlParser.ScalarSubqueryContext s) {
            return new Expression.ScalarSubquery(queryExpression(s.queryExpression()));
        }
        if (ctx instanceof AdqlParser.ParenthesisedContext p) {
            return expression(p.valueExpression());
        }
        if (ctx instanceof AdqlParser.CastContext c) {
            AdqlParser.CastTargetContext t = c.castTarget();
            String type = t.identifier().stream().map(i -> i.getText().toUpperCase(Locale.ROOT))
                .reduce((a, b) -> a + " " + b).orElseThrow();
            return new Expression.Cast(expression(c.valueExpression()), "DOUBLE".equals(type) ? "DOUBLE PRECISION" : type,
                t.UNSIGNED_INTEGER() == null ? OptionalInt.empty()
                    : OptionalInt.of((int) count(t.UNSIGNED_INTEGER(), "length")));
        }
        if (ctx instanceof AdqlParser.CountAllContext) {
            return new Expression.CountAll();
        }
        if (ctx instanceof AdqlParser.FunctionCallContext f) {
            return new Expression.FunctionCall(f.identifier().getText(),
                f.setQuantifier() != null && f.setQuantifier().DISTINCT() != null,
                f.valueExpression().stream().map(AstBuilder::expression).toList(), position(f.getStart()));
        }
        return new Expression.ColumnReference(qualifiedName(((AdqlParser.ColumnReferenceContext) ctx).qualifiedName()));
    }

    private static Expression literal(AdqlParser.LiteralContext ctx) {
        if (ctx instanceof AdqlParser.StringLiteralContext s) {
            StringBuilder value = new StringBuilder();
            for (TerminalNode part : s.STRING()) {
                String text = part.getText();
                value.append(text, 1, text.length() - 1);
            }
            return new Expression.StringLiteral(value.toString().replace("''", "'"));
        }
        if (ctx instanceof AdqlParser.IntegerLiteralContext i) {
            return new Expression.NumericLiteral(i.getText(), true);
        }
        if (ctx instanceof AdqlParser.DecimalLiteralContext d) {
            return new Expression.NumericLiteral(d.getText(), false);
        }
        if (ctx instanceof AdqlParser.HexLiteralContext h) {
            return Expression.NumericLiteral.hex(h.getText().toLowerCase(Locale.ROOT));
        }
        return new Expression.NullLiteral();
    }

    // ---------------------------------------------------------------- names

    private static QualifiedName qualifiedName(AdqlParser.QualifiedNameContext ctx) {
        return new QualifiedName(ctx.identifier().stream().map(AstBuilder::identifier).toList());
    }

    static Identifier identifier(AdqlParser.IdentifierContext ctx) {
        Position at = position(ctx.getStart());
        if (ctx instanceof AdqlParser.DelimitedIdentifierContext) {
            String text = ctx.getText();
            return new Identifier(text.substring(1, text.length() - 1).replace("\"\"", "\""), true, at);
        }
        return new Identifier(ctx.getText(), false, at);
    }

    private static Position position(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }
}
