package org.voarchive.adql.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.FunctionRegistry;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.adql.ast.Condition;
import org.voarchive.adql.ast.Expression;
import org.voarchive.adql.ast.FromItem;
import org.voarchive.adql.ast.Identifier;
import org.voarchive.adql.ast.Position;
import org.voarchive.adql.ast.QualifiedName;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.check.CheckedQuery;
import org.voarchive.adql.check.ResultColumn;
import org.voarchive.adql.check.ValueType;

/**
 * Writes a parsed ADQL query as PostgreSQL with pg_sphere. The SQL is built
 * from the syntax tree only: identifiers are always quoted (regular ones
 * folded to lower case), strings re-escaped, numbers copied as parsed, so no
 * user text reaches the database unchecked.
 *
 * <p>Geometry: angles are degrees in ADQL and radians in pg_sphere. CONTAINS
 * and INTERSECTS compared with 1 or 0, and DISTANCE compared with {@code <} or
 * {@code <=}, become pg_sphere predicates ({@code @}, {@code &&}) that a GiST
 * index can serve. The coordinate-system argument is accepted and ignored:
 * positions are ICRS.
 */
public final class PostgresTranslator {

    private final FunctionRegistry functions;

    /** Translates user-defined functions with the registry's SQL templates. */
    public PostgresTranslator(FunctionRegistry functions) {
        this.functions = functions;
    }

    /** Without user-defined functions (calls become database functions of the same name). */
    public PostgresTranslator() {
        this(FunctionRegistry.empty());
    }

    Optional<UserDefinedFunction> userDefined(String name) {
        return functions.get(name);
    }

    /** The SQL a call of {@code f} with these (SQL) arguments becomes: its template expanded, or a plain call. */
    public static String call(UserDefinedFunction f, java.util.List<String> sqlArguments) {
        return f.sqlTemplate().map(template -> Functions.expand(template, sqlArguments))
            .orElseGet(() -> Functions.plain(f.name(), sqlArguments));
    }

    /**
     * A checked query, with geometry results as DALI arrays in degrees (point: [lon, lat],
     * circle: [lon, lat, radius], polygon: [lon1, lat1, ...]) as VO clients read them.
     *
     * @param maxRecords as for {@link #translate(Query, OptionalLong)}
     */
    public String translate(CheckedQuery checked, OptionalLong maxRecords) {
        List<ResultColumn> columns = checked.columns();
        if (columns.stream().noneMatch(c -> c.type().isGeometry())) {
            return translate(checked.query(), maxRecords);
        }
        Query query = checked.query();
        return translate(new Query(query.with(), withDaliGeometry(query.body(), columns)), maxRecords);
    }

    /**
     * Geometry results converted in every SELECT of the body, set-operation branches included:
     * pg_sphere types have no equality, so UNION and DISTINCT need the arrays too.
     */
    private static Query.QueryExpression withDaliGeometry(Query.QueryExpression body, List<ResultColumn> columns) {
        if (body instanceof Query.SetOperation op) {
            return new Query.SetOperation(withDaliGeometry(op.left(), columns), op.operator(), op.all(),
                withDaliGeometry(op.right(), columns), op.orderBy(), op.offset());
        }
        Query.Select select = (Query.Select) body;
        List<Query.SelectItem> items = new ArrayList<>();
        for (int i = 0; i < select.items().size(); i++) {
            Query.DerivedColumn d = (Query.DerivedColumn) select.items().get(i); // the checker made them explicit
            items.add(columns.get(i).type().isGeometry()
                ? new Query.DerivedColumn(new DaliValue(d.value(), columns.get(i).type()), d.alias()) : d);
        }
        return new Query.Select(select.distinct(), select.top(), items, select.from(), select.where(),
            select.groupBy(), select.having(), select.orderBy(), select.offset(), select.at());
    }

    /**
     * Marks a select-list expression whose geometry value is written as a DALI array;
     * only ever built here, around a checked expression.
     */
    private record DaliValue(Expression value, ValueType type) implements Expression.Translated {
    }

    /**
     * @param maxRecords the most rows the caller will deliver (MAXREC); when it could cut the result,
     *                   one extra row is asked for so that the caller can tell an overflow
     */
    public String translate(Query query, OptionalLong maxRecords) {
        StringBuilder sql = new StringBuilder(256);
        if (!query.with().isEmpty()) {
            sql.append("WITH ");
            sql.append(query.with().stream().map(this::commonTableExpression).collect(Collectors.joining(", ")));
            sql.append(' ');
        }
        Query.QueryExpression body = query.body();
        if (body instanceof Query.Select select) {
            sql.append(select(select, maxRecords));
        } else {
            sql.append(setOperation((Query.SetOperation) body, maxRecords));
        }
        return sql.toString();
    }

    private String commonTableExpression(Query.CommonTableExpression cte) {
        String columns = cte.columns().isEmpty() ? ""
            : cte.columns().stream().map(PostgresTranslator::name).collect(Collectors.joining(", ", " (", ")"));
        return name(cte.name()) + columns + " AS (" + queryExpression(cte.query()) + ")";
    }

    // ---------------------------------------------------------------- queries

    private String queryExpression(Query.QueryExpression q) {
        if (q instanceof Query.Select select) {
            return select(select, OptionalLong.empty());
        }
        return setOperation((Query.SetOperation) q, OptionalLong.empty());
    }

    private String setOperation(Query.SetOperation op, OptionalLong maxRecords) {
        // each operand in parentheses: its own TOP, ORDER BY and OFFSET stay its own
        StringBuilder sql = new StringBuilder("(").append(queryExpression(op.left())).append(") ")
            .append(op.operator().name()).append(op.all() ? " ALL" : "")
            .append(" (").append(queryExpression(op.right())).append(')');
        orderBy(op.orderBy(), sql);
        maxRecords.ifPresent(max -> sql.append(" LIMIT ").append(Math.addExact(max, 1)));
        op.offset().ifPresent(n -> sql.append(" OFFSET ").append(n));
        return sql.toString();
    }

    private void orderBy(List<Query.SortKey> keys, StringBuilder sql) {
        if (!keys.isEmpty()) {
            sql.append(" ORDER BY ").append(keys.stream()
                .map(k -> expression(k.key()) + (k.descending() ? " DESC" : " ASC")).collect(Collectors.joining(", ")));
        }
    }

    private String select(Query.Select s, OptionalLong maxRecords) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (s.distinct()) {
            sql.append("DISTINCT ");
        }
        sql.append(s.items().isEmpty() ? "*" : s.items().stream().map(this::selectItem).collect(Collectors.joining(", ")));
        sql.append(" FROM ").append(s.from().stream().map(this::fromItem).collect(Collectors.joining(", ")));
        s.where().ifPresent(c -> sql.append(" WHERE ").append(condition(c)));
        if (!s.groupBy().isEmpty()) {
            sql.append(" GROUP BY ").append(s.groupBy().stream().map(this::expression).collect(Collectors.joining(", ")));
        }
        s.having().ifPresent(c -> sql.append(" HAVING ").append(condition(c)));
        orderBy(s.orderBy(), sql);
        limit(s.top(), maxRecords).ifPresent(n -> sql.append(" LIMIT ").append(n));
        s.offset().ifPresent(n -> sql.append(" OFFSET ").append(n));
        return sql.toString();
    }

    /** TOP and MAXREC as one LIMIT: MAXREC + 1 where MAXREC could cut the result (TAP 1.1 section 2.7). */
    static OptionalLong limit(OptionalLong top, OptionalLong maxRecords) {
        if (maxRecords.isPresent() && (top.isEmpty() || top.getAsLong() > maxRecords.getAsLong())) {
            return OptionalLong.of(Math.addExact(maxRecords.getAsLong(), 1));
        }
        return top;
    }

    private String selectItem(Query.SelectItem item) {
        if (item instanceof Query.AllColumnsOf all) {
            return qualifiedName(all.table()) + ".*";
        }
        Query.DerivedColumn d = (Query.DerivedColumn) item;
        return expression(d.value()) + d.alias().map(a -> " AS " + name(a)).orElse("");
    }

    private String fromItem(FromItem item) {
        if (item instanceof FromItem.TableReference t) {
            return qualifiedName(t.name()) + t.alias().map(a -> " AS " + name(a)).orElse("");
        }
        if (item instanceof FromItem.DerivedTable d) {
            return "(" + queryExpression(d.query()) + ") AS " + name(d.alias());
        }
        FromItem.Join j = (FromItem.Join) item;
        if (j.natural()) {
            // PostgreSQL would join on every common column, also those hidden from the caller;
            // the checker turns NATURAL into a condition on the columns the caller sees
            Position at = j.right().at();
            throw new AdqlException(at.line(), at.column(),
                "NATURAL JOIN needs the columns of the joined tables from the table metadata (check the query first)");
        }
        StringBuilder sql = new StringBuilder("(").append(fromItem(j.left())).append(' ');
        if (j.kind() == FromItem.JoinKind.CROSS) {
            sql.append("CROSS JOIN ");
        } else {
            sql.append(j.kind().name()).append(" JOIN ");
        }
        sql.append(fromItem(j.right()));
        if (j.on().isPresent()) {
            sql.append(" ON ").append(condition(j.on().get()));
        } else if (!j.using().isEmpty()) {
            sql.append(" USING (").append(j.using().stream().map(PostgresTranslator::name).collect(Collectors.joining(", ")))
                .append(')');
        } else if (j.kind() != FromItem.JoinKind.CROSS) {
            sql.append(" ON TRUE"); // ADQL allows a JOIN without a condition; SQL needs one
        }
        return sql.append(')').toString();
    }

    // ---------------------------------------------------------------- conditions

    private String condition(Condition c) {
        if (c instanceof Condition.And and) {
            return and.terms().stream().map(t -> "(" + condition(t) + ")").collect(Collectors.joining(" AND "));
        }
        if (c instanceof Condition.Or or) {
            return or.terms().stream().map(t -> "(" + condition(t) + ")").collect(Collectors.joining(" OR "));
        }
        if (c instanceof Condition.Not not) {
            return "NOT (" + condition(not.operand()) + ")";
        }
        if (c instanceof Condition.Comparison cmp) {
            return comparison(cmp);
        }
        if (c instanceof Condition.Between b) {
            return expression(b.value()) + (b.negated() ? " NOT" : "") + " BETWEEN " + expression(b.low()) + " AND "
                + expression(b.high());
        }
        if (c instanceof Condition.InList in) {
            return expression(in.value()) + (in.negated() ? " NOT" : "") + " IN ("
                + in.values().stream().map(this::expression).collect(Collectors.joining(", ")) + ")";
        }
        if (c instanceof Condition.InSubquery in) {
            return expression(in.value()) + (in.negated() ? " NOT" : "") + " IN (" + queryExpression(in.query()) + ")";
        }
        if (c instanceof Condition.Like like) {
            return expression(like.value()) + (like.negated() ? " NOT" : "") + (like.caseInsensitive() ? " ILIKE " : " LIKE ")
                + expression(like.pattern());
        }
        if (c instanceof Condition.IsNull n) {
            return expression(n.value()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        }
        return "EXISTS (" + queryExpression(((Condition.Exists) c).query()) + ")";
    }

    private String comparison(Condition.Comparison c) {
        return Geometry.predicate(this, c.left(), c.operator(), c.right())
            .or(() -> Geometry.predicate(this, c.right(), c.operator().mirrored(), c.left()))
            .orElseGet(() -> expression(c.left()) + " " + c.operator().symbol() + " " + expression(c.right()));
    }

    // ---------------------------------------------------------------- values

    String expression(Expression e) {
        if (e instanceof Expression.StringLiteral s) {
            return "'" + s.value().replace("'", "''") + "'";
        }
        if (e instanceof Expression.NumericLiteral n) {
            return n.text();
        }
        if (e instanceof Expression.NullLiteral) {
            return "NULL";
        }
        if (e instanceof Expression.ColumnReference c) {
            return qualifiedName(c.name());
        }
        if (e instanceof Expression.CountAll) {
            return "count(*)";
        }
        if (e instanceof Expression.Unary u) {
            String op = switch (u.operator()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case BIT_NOT -> "~";
            };
            return op + "(" + expression(u.operand()) + ")";
        }
        if (e instanceof Expression.Binary b) {
            String op = switch (b.operator()) {
                case MULTIPLY -> "*";
                case DIVIDE -> "/";
                case ADD -> "+";
                case SUBTRACT -> "-";
                case BIT_AND -> "&";
                case BIT_XOR -> "#"; // PostgreSQL's XOR; its ^ is exponentiation
                case BIT_OR -> "|";
                case CONCATENATE -> "||";
            };
            return "(" + expression(b.left()) + " " + op + " " + expression(b.right()) + ")";
        }
        if (e instanceof Expression.Cast c) {
            return cast(c);
        }
        if (e instanceof Expression.ScalarSubquery s) {
            return "(" + queryExpression(s.query()) + ")";
        }
        if (e instanceof DaliValue d) {
            return Geometry.dali(expression(d.value()), d.type());
        }
        return Functions.call(this, (Expression.FunctionCall) e);
    }

    private String cast(Expression.Cast c) {
        if (List.of("POINT", "CIRCLE", "POLYGON").contains(c.type())) {
            return Geometry.fromDali(expression(c.value()), c.type());
        }
        return "CAST(" + expression(c.value()) + " AS " + c.type()
            + (c.length().isPresent() ? "(" + c.length().getAsInt() + ")" : "") + ")";
    }

    static AdqlException unsupported(Optional<Position> at, String what) {
        Position p = at.orElse(new Position(1, 1));
        return new AdqlException(p.line(), p.column(), what + " is not supported by this service yet");
    }

    // ---------------------------------------------------------------- names

    private static String qualifiedName(QualifiedName n) {
        return n.parts().stream().map(PostgresTranslator::name).collect(Collectors.joining("."));
    }

    /** Regular identifiers are case-insensitive: folded to lower case, as PostgreSQL stores unquoted names. */
    static String name(Identifier id) {
        return '"' + id.normalized().replace("\"", "\"\"") + '"';
    }
}
