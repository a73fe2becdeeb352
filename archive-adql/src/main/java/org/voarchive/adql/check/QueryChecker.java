package org.voarchive.adql.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.voarchive.adql.AdqlException;
import org.voarchive.adql.BuiltInFunction;
import org.voarchive.adql.FunctionRegistry;
import org.voarchive.adql.ReservedWords;
import org.voarchive.adql.UserDefinedFunction;
import org.voarchive.adql.ast.Condition;
import org.voarchive.adql.ast.Expression;
import org.voarchive.adql.ast.FromItem;
import org.voarchive.adql.ast.Identifier;
import org.voarchive.adql.ast.Position;
import org.voarchive.adql.ast.QualifiedName;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.unit.VoUnit;

/**
 * Resolves every table and column of a query against a {@link Catalog},
 * computes its result columns (name, type, unit, UCD, description), checks
 * argument types where they are known, and rewrites the query so that every
 * table and column name is the exact stored name.
 *
 * <p>The catalogue holds only what the caller may see, but the database holds
 * more (columns hidden from this caller), so the rewritten query leaves
 * PostgreSQL no name to resolve on its own: every range variable (table,
 * derived table, CTE reference) gets a correlation name unique in the whole
 * query, every column reference is qualified with the one it resolved to,
 * NATURAL JOIN and USING become ON conditions over the columns the caller
 * sees, and ORDER BY and GROUP BY name a result column by its position.
 */
public final class QueryChecker {

    /** PostgreSQL truncates identifiers to this many bytes (NAMEDATALEN - 1). */
    private static final int IDENTIFIER_BYTES = 63;

    private final Catalog catalog;
    private final FunctionRegistry functions;

    public QueryChecker(Catalog catalog, FunctionRegistry functions) {
        this.catalog = catalog;
        this.functions = functions;
    }

    public CheckedQuery check(Query query) {
        Run run = new Run();
        List<Query.CommonTableExpression> with = new ArrayList<>();
        for (Query.CommonTableExpression cte : query.with()) {
            Checked checked = run.queryExpression(cte.query(), null);
            List<ResultColumn> columns = checked.columns;
            if (!cte.columns().isEmpty()) {
                if (cte.columns().size() != columns.size()) {
                    throw error(cte.name().at(), cte.name() + " names " + cte.columns().size() + " columns but its query has "
                        + columns.size());
                }
                List<ResultColumn> renamed = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    renamed.add(columns.get(i).renamed(cte.columns().get(i).normalized()));
                }
                columns = renamed;
            }
            run.ctes.put(cte.name().normalized(), columns);
            with.add(new Query.CommonTableExpression(cte.name(), cte.columns(), checked.query));
        }
        Checked body = run.queryExpression(query.body(), null);
        return new CheckedQuery(new Query(with, body.query), body.columns, List.copyOf(run.tablesRead));
    }

    private static AdqlException error(Position at, String message) {
        return new AdqlException(at.line(), at.column(), message);
    }

    private static boolean matches(Identifier id, String stored) {
        return id.delimited() ? id.name().equals(stored) : id.name().equalsIgnoreCase(stored);
    }

    /** The longest prefix of {@code name} of at most {@code bytes} UTF-8 bytes, cut between characters. */
    private static String truncated(String name, int bytes) {
        int end = 0;
        int used = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    /** The exact stored name, written as a delimited identifier so the translator keeps it as is. */
    private static Identifier exact(String stored, Position at) {
        return new Identifier(stored, true, at);
    }

    /** A query expression after checking, with its result columns. */
    private record Checked(Query.QueryExpression query, List<ResultColumn> columns) {
    }

    /** An expression after checking: rewritten, with what is known of its value. */
    private record Typed(Expression expression, ResultColumn meta) {
        ValueType type() {
            return meta.type();
        }
    }

    /**
     * Something in FROM that columns can be qualified with: a table (by its name,
     * optionally with its schema) or a correlation name.
     *
     * @param rangeVariable the correlation name the SQL gives it, unique in the query
     */
    private record Source(Optional<TableInfo> table, Optional<Identifier> alias, List<ResultColumn> columns,
                          Identifier rangeVariable) {

        boolean answersTo(List<Identifier> qualifier) {
            if (alias.isPresent()) {
                return qualifier.size() == 1 && matches(qualifier.get(0), alias.get().normalized());
            }
            TableInfo t = table.orElseThrow();
            int n = qualifier.size();
            return n >= 1 && matches(qualifier.get(n - 1), t.name()) && (n == 1 || matches(qualifier.get(n - 2), t.schema()));
        }

        String label() {
            return alias.map(Identifier::toString).orElseGet(() -> table.orElseThrow().qualifiedName());
        }
    }

    /** The sources of one SELECT, and the enclosing query's for correlated subqueries. */
    private record Scope(List<Source> sources, Scope outer) {
    }

    /** One check of one query: its CTEs, the tables it reads and the correlation names its SQL uses. */
    private final class Run {

        private final Map<String, List<ResultColumn>> ctes = new LinkedHashMap<>();
        private final Set<TableInfo> tablesRead = new LinkedHashSet<>();
        private final Set<String> rangeVariables = new HashSet<>();

        /**
         * A correlation name no other range variable of the query has, as PostgreSQL compares them
         * (after truncation; case-insensitively to be safe): the preferred name where it is free.
         * Unique names make a qualified column reference mean one range variable at every
         * nesting level, so an inner one can never shadow the outer one the checker resolved.
         */
        private Identifier rangeVariable(String preferred, Position at) {
            String name = preferred;
            for (int i = 2; !rangeVariables.add(truncated(name, IDENTIFIER_BYTES).toLowerCase(Locale.ROOT)); i++) {
                name = truncated(preferred, IDENTIFIER_BYTES - 8) + "_" + i;
            }
            return exact(name, at);
        }

        Checked queryExpression(Query.QueryExpression q, Scope outer) {
            if (q instanceof Query.Select s) {
                return select(s, outer);
            }
            Query.SetOperation op = (Query.SetOperation) q;
            Checked left = queryExpression(op.left(), outer);
            Checked right = queryExpression(op.right(), outer);
            if (left.columns.size() != right.columns.size()) {
                throw error(position(op.right()), op.operator() + " of queries with " + left.columns.size() + " and "
                    + right.columns.size() + " columns");
            }
            List<Query.SortKey> orderBy = op.orderBy().stream()
                .map(k -> new Query.SortKey(resultColumnKey(k.key(), op, left.columns), k.descending())).toList();
            return new Checked(new Query.SetOperation(left.query, op.operator(), op.all(), right.query, orderBy,
                op.offset()), left.columns);
        }

        /**
         * A set operation's rows have no range variables, only result columns (named as in its first
         * operand): ORDER BY names one or gives its position, and becomes the position, which cannot
         * mean anything but that result column.
         */
        private Expression resultColumnKey(Expression key, Query.SetOperation op, List<ResultColumn> results) {
            if (key instanceof Expression.NumericLiteral n && n.integer()) {
                return sortOrGroupKey(key, new Scope(List.of(), null), results, true);
            }
            if (key instanceof Expression.ColumnReference c && c.name().parts().size() == 1) {
                for (int i = 0; i < results.size(); i++) {
                    if (matches(c.name().last(), results.get(i).name())) {
                        return new Expression.NumericLiteral(Integer.toString(i + 1), true);
                    }
                }
                throw error(c.name().at(), "ORDER BY of a " + op.operator() + ": no result column " + c.name()
                    + "; the columns are " + results.stream().map(ResultColumn::name).collect(Collectors.joining(", ")));
            }
            throw error(position(op.right()), "ORDER BY of a " + op.operator()
                + " takes result column names or positions, not expressions (order a derived table for that)");
        }

        private Position position(Query.QueryExpression q) {
            return q instanceof Query.Select s ? s.at() : position(((Query.SetOperation) q).left());
        }

        // ------------------------------------------------------------ SELECT

        Checked select(Query.Select s, Scope outer) {
            List<Source> sources = new ArrayList<>();
            List<FromItem> from = new ArrayList<>();
            for (FromItem item : s.from()) {
                from.add(fromItem(item, outer, sources));
            }
            Scope scope = new Scope(sources, outer);

            // result columns first, so that every derived column gets its unique name as an alias:
            // the SQL's column labels are then exactly the names outer queries and FIELDs use
            List<ResultColumn> columns = new ArrayList<>();
            List<Integer> pending = new ArrayList<>(); // for each select item, its index in columns
            List<Typed> derived = new ArrayList<>();
            // * and t.* become explicit columns: the select list then matches the result metadata one to one
            if (s.items().isEmpty()) {
                for (Source src : sources) {
                    expand(src, s.at(), columns, pending, derived);
                }
            }
            for (Query.SelectItem item : s.items()) {
                if (item instanceof Query.AllColumnsOf all) {
                    Source src = qualifierSource(all.table().parts(), scope, all.table().at())
                        .orElseThrow(() -> error(all.table().at(), "no table " + all.table() + " in FROM"));
                    expand(src, all.table().at(), columns, pending, derived);
                } else {
                    Query.DerivedColumn d = (Query.DerivedColumn) item;
                    Typed t = expression(d.value(), scope);
                    String name = d.alias().map(Identifier::normalized).orElseGet(() -> generatedName(t));
                    pending.add(columns.size());
                    derived.add(t);
                    columns.add(t.meta().renamed(name));
                }
            }
            List<ResultColumn> unique = uniqueNames(columns);
            List<Query.SelectItem> items = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                items.add(new Query.DerivedColumn(derived.get(i).expression(),
                    Optional.of(exact(unique.get(pending.get(i)).name(), s.at()))));
            }

            Optional<Condition> where = s.where().map(c -> condition(c, scope));
            List<Expression> groupBy = s.groupBy().stream().map(e -> sortOrGroupKey(e, scope, unique, false)).toList();
            Optional<Condition> having = s.having().map(c -> condition(c, scope));
            List<Query.SortKey> orderBy = s.orderBy().stream()
                .map(k -> new Query.SortKey(sortOrGroupKey(k.key(), scope, unique, true), k.descending())).toList();
            return new Checked(new Query.Select(s.distinct(), s.top(), items, from, where, groupBy, having, orderBy,
                s.offset(), s.at()), unique);
        }

        /** The columns of one source as explicit, qualified column references. */
        private void expand(Source src, Position at, List<ResultColumn> columns, List<Integer> pending, List<Typed> derived) {
            for (ResultColumn c : src.columns()) {
                pending.add(columns.size());
                derived.add(new Typed(qualified(src, c, at), c));
                columns.add(c);
            }
        }

        /**
         * A column's own name, or for any other expression a name derived from it (the function's)
         * that is a valid ADQL name, so outer queries can use it unquoted: reserved words get "_value".
         */
        private String generatedName(Typed t) {
            String name = t.meta().name();
            if (t.expression() instanceof Expression.ColumnReference || !ReservedWords.isReserved(name)) {
                return name;
            }
            return name + "_value";
        }

        /**
         * ORDER BY and GROUP BY may name a result column (alias) or, in ORDER BY, its position. A result
         * column becomes its position: as a bare name PostgreSQL would prefer a column of the FROM tables
         * of that name in GROUP BY (one the caller may not see), and the output column in ORDER BY.
         */
        private Expression sortOrGroupKey(Expression key, Scope scope, List<ResultColumn> results, boolean positional) {
            if (positional && key instanceof Expression.NumericLiteral n && n.integer()) {
                long position;
                try {
                    position = Long.parseLong(n.text());
                } catch (NumberFormatException tooLarge) {
                    position = Long.MAX_VALUE;
                }
                if (position < 1 || position > results.size()) {
                    throw error(new Position(1, 1), "ORDER BY " + position + ": the result has " + results.size() + " columns");
                }
                return key;
            }
            if (key instanceof Expression.ColumnReference c && c.name().parts().size() == 1
                && lookup(c.name().last(), scope.sources()).isEmpty()) {
                for (int i = 0; i < results.size(); i++) {
                    if (matches(c.name().last(), results.get(i).name())) {
                        return new Expression.NumericLiteral(Integer.toString(i + 1), true);
                    }
                }
            }
            return expression(key, scope).expression();
        }

        private List<ResultColumn> uniqueNames(List<ResultColumn> columns) {
            Set<String> seen = new LinkedHashSet<>();
            List<ResultColumn> unique = new ArrayList<>();
            for (ResultColumn c : columns) {
                String name = c.name();
                for (int i = 2; !seen.add(name.toLowerCase(Locale.ROOT)); i++) {
                    name = c.name() + "_" + i;
                }
                unique.add(name.equals(c.name()) ? c : c.renamed(name));
            }
            return unique;
        }

        // ------------------------------------------------------------ FROM

        private FromItem fromItem(FromItem item, Scope outer, List<Source> sources) {
            if (item instanceof FromItem.TableReference t) {
                return tableReference(t, sources);
            }
            if (item instanceof FromItem.DerivedTable d) {
                Checked sub = queryExpression(d.query(), outer);
                Identifier rangeVariable = rangeVariable(d.alias().normalized(), d.alias().at());
                sources.add(new Source(Optional.empty(), Optional.of(d.alias()), sub.columns, rangeVariable));
                return new FromItem.DerivedTable(sub.query, rangeVariable);
            }
            FromItem.Join j = (FromItem.Join) item;
            List<Source> left = new ArrayList<>();
            List<Source> right = new ArrayList<>();
            FromItem l = fromItem(j.left(), outer, left);
            FromItem r = fromItem(j.right(), outer, right);
            List<Source> both = new ArrayList<>(left);
            both.addAll(right);
            Optional<Condition> on;
            if (j.natural()) {
                on = equalities(commonColumns(left, right, j.right().at()), left, right);
            } else if (!j.using().isEmpty()) {
                on = equalities(j.using(), left, right);
            } else {
                on = j.on().map(c -> condition(c, new Scope(both, outer)));
            }
            sources.addAll(both);
            return new FromItem.Join(l, j.kind(), false, r, on, List.of());
        }

        /**
         * The columns a NATURAL JOIN joins on: those of the same name on both sides as the caller sees
         * them; PostgreSQL's NATURAL would also join on columns hidden from the caller.
         */
        private List<Identifier> commonColumns(List<Source> left, List<Source> right, Position at) {
            return left.stream().flatMap(s -> s.columns().stream()).map(ResultColumn::name).distinct()
                .filter(name -> right.stream().anyMatch(s -> s.columns().stream().anyMatch(c -> c.name().equals(name))))
                .map(name -> exact(name, at))
                .toList();
        }

        /**
         * {@code USING (columns)} as an ON condition: each column of the left side equal to the one of the
         * right side, each qualified with its range variable (no condition for no columns: a cross join).
         * The checker never lets an unqualified reference mean the merged column of a USING join, so the
         * condition is all of its meaning.
         */
        private Optional<Condition> equalities(List<Identifier> columns, List<Source> left, List<Source> right) {
            List<Condition> terms = new ArrayList<>();
            for (Identifier u : columns) {
                Optional<Resolved> inLeft = lookup(u, left);
                Optional<Resolved> inRight = lookup(u, right);
                if (inLeft.isEmpty() || inRight.isEmpty()) {
                    throw error(u.at(), "USING column " + u + " is not in both joined tables");
                }
                terms.add(new Condition.Comparison(qualified(inLeft.get(), u.at()), Condition.ComparisonOperator.EQUAL,
                    qualified(inRight.get(), u.at())));
            }
            return terms.size() <= 1 ? terms.stream().findFirst() : Optional.of(new Condition.And(terms));
        }

        private FromItem tableReference(FromItem.TableReference t, List<Source> sources) {
            QualifiedName name = t.name();
            if (name.parts().size() == 1) {
                Optional<Map.Entry<String, List<ResultColumn>>> cte = ctes.entrySet().stream()
                    .filter(e -> matches(name.last(), e.getKey())).findFirst();
                if (cte.isPresent()) {
                    String cteName = cte.get().getKey();
                    Identifier rangeVariable = rangeVariable(t.alias().map(Identifier::normalized).orElse(cteName), name.at());
                    sources.add(new Source(Optional.empty(), Optional.of(t.alias().orElse(name.last())), cte.get().getValue(),
                        rangeVariable));
                    return new FromItem.TableReference(new QualifiedName(List.of(exact(cteName, name.at()))),
                        Optional.of(rangeVariable));
                }
            }
            TableInfo table = table(name);
            tablesRead.add(table);
            List<ResultColumn> columns = table.columns().stream()
                .map(c -> new ResultColumn(c.name(), c.type(), c.unit(), c.ucd(), c.utype(), c.description(),
                    Optional.of(table.qualifiedName() + "." + c.name())))
                .toList();
            Identifier rangeVariable = rangeVariable(t.alias().map(Identifier::normalized).orElse(table.name()), name.at());
            sources.add(new Source(Optional.of(table), t.alias(), columns, rangeVariable));
            return new FromItem.TableReference(new QualifiedName(List.of(exact(table.storedSchema(), name.at()),
                exact(table.name(), name.last().at()))), Optional.of(rangeVariable));
        }

        private TableInfo table(QualifiedName name) {
            List<Identifier> parts = name.parts();
            Identifier tableName = name.last();
            List<TableInfo> found = catalog.tables().stream()
                .filter(t -> matches(tableName, t.name())
                    && (parts.size() == 1 || matches(parts.get(parts.size() - 2), t.schema())))
                .toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw error(name.at(), "table name " + name + " is ambiguous: it could be "
                    + found.stream().map(TableInfo::qualifiedName).collect(Collectors.joining(" or "))
                    + "; qualify it with its schema");
            }
            String wrong = parts.size() == 1 ? tableName.name() : parts.get(parts.size() - 2).name() + "." + tableName.name();
            List<String> candidates = catalog.tables().stream()
                .map(parts.size() == 1 ? TableInfo::name : TableInfo::qualifiedName).toList();
            throw error(name.at(), "table " + name + " not found" + Suggestions.didYouMean(wrong, candidates));
        }

        // ------------------------------------------------------------ columns

        private record Resolved(Source source, ResultColumn column) {
        }

        /** An unqualified column among the given sources: empty if none has it; an error if several do. */
        private Optional<Resolved> lookup(Identifier column, List<Source> sources) {
            List<Resolved> found = new ArrayList<>();
            for (Source s : sources) {
                s.columns().stream().filter(c -> matches(column, c.name())).findFirst()
                    .ifPresent(c -> found.add(new Resolved(s, c)));
            }
            if (found.size() > 1) {
                throw error(column.at(), "column name " + column + " is ambiguous: it is in "
                    + found.stream().map(r -> r.source().label()).collect(Collectors.joining(" and "))
                    + "; qualify it, e.g. " + found.get(0).source().label() + "." + column);
            }
            return found.stream().findFirst();
        }

        private Optional<Source> qualifierSource(List<Identifier> qualifier, Scope scope, Position at) {
            for (Scope s = scope; s != null; s = s.outer()) {
                List<Source> found = s.sources().stream().filter(src -> src.answersTo(qualifier)).toList();
                if (found.size() > 1) {
                    throw error(at, "table name " + qualifier.stream().map(Identifier::toString)
                        .collect(Collectors.joining(".")) + " is ambiguous here; give the tables correlation names");
                }
                if (!found.isEmpty()) {
                    return Optional.of(found.get(0));
                }
            }
            return Optional.empty();
        }

        /**
         * A column as the SQL must name it: qualified with its source's range variable, by its exact name;
         * positioned where it is written, for messages.
         */
        private Expression.ColumnReference qualified(Source src, ResultColumn column, Position at) {
            return new Expression.ColumnReference(new QualifiedName(List.of(exact(src.rangeVariable().name(), at),
                exact(column.name(), at))));
        }

        private Expression.ColumnReference qualified(Resolved r, Position at) {
            return qualified(r.source(), r.column(), at);
        }

        private Typed columnReference(Expression.ColumnReference ref, Scope scope) {
            QualifiedName name = ref.name();
            Identifier column = name.last();
            if (name.parts().size() == 1) {
                for (Scope s = scope; s != null; s = s.outer()) {
                    Optional<Resolved> r = lookup(column, s.sources());
                    if (r.isPresent()) {
                        return new Typed(qualified(r.get(), column.at()), r.get().column());
                    }
                }
                List<String> known = scope.sources().stream().flatMap(src -> src.columns().stream())
                    .map(ResultColumn::name).toList();
                String where = scope.sources().stream().map(Source::label).collect(Collectors.joining(", "));
                throw error(column.at(), "column " + column + " not found in " + where + Suggestions.didYouMean(column.name(), known));
            }
            List<Identifier> qualifier = name.qualifier();
            Source src = qualifierSource(qualifier, scope, name.at())
                .orElseThrow(() -> error(name.at(), "no table " + qualifier.stream().map(Identifier::toString)
                    .collect(Collectors.joining(".")) + " in FROM for column " + name));
            ResultColumn c = src.columns().stream().filter(col -> matches(column, col.name())).findFirst()
                .orElseThrow(() -> error(column.at(), "column " + column + " not found in " + src.label()
                    + Suggestions.didYouMean(column.name(), src.columns().stream().map(ResultColumn::name).toList())));
            return new Typed(qualified(src, c, column.at()), c);
        }

        // ------------------------------------------------------------ conditions

        private Condition condition(Condition c, Scope scope) {
            if (c instanceof Condition.And and) {
                return new Condition.And(and.terms().stream().map(t -> condition(t, scope)).toList());
            }
            if (c instanceof Condition.Or or) {
                return new Condition.Or(or.terms().stream().map(t -> condition(t, scope)).toList());
            }
            if (c instanceof Condition.Not not) {
                return new Condition.Not(condition(not.operand(), scope));
            }
            if (c instanceof Condition.Comparison cmp) {
                return new Condition.Comparison(expr(cmp.left(), scope), cmp.operator(), expr(cmp.right(), scope));
            }
            if (c instanceof Condition.Between b) {
                return new Condition.Between(expr(b.value(), scope), b.negated(), expr(b.low(), scope), expr(b.high(), scope));
            }
            if (c instanceof Condition.InList in) {
                return new Condition.InList(expr(in.value(), scope), in.negated(),
                    in.values().stream().map(v -> expr(v, scope)).toList());
            }
            if (c instanceof Condition.InSubquery in) {
                Checked sub = queryExpression(in.query(), scope);
                if (sub.columns.size() != 1) {
                    throw error(position(in.query()), "the subquery of IN must return one column, not " + sub.columns.size());
                }
                return new Condition.InSubquery(expr(in.value(), scope), in.negated(), sub.query);
            }
            if (c instanceof Condition.Like like) {
                Typed value = expression(like.value(), scope);
                Typed pattern = expression(like.pattern(), scope);
                requireString(value, "LIKE");
                requireString(pattern, "LIKE");
                return new Condition.Like(value.expression(), like.negated(), like.caseInsensitive(), pattern.expression());
            }
            if (c instanceof Condition.IsNull n) {
                return new Condition.IsNull(expr(n.value(), scope), n.negated());
            }
            return new Condition.Exists(queryExpression(((Condition.Exists) c).query(), scope).query);
        }

        private Expression expr(Expression e, Scope scope) {
            return expression(e, scope).expression();
        }

        // ------------------------------------------------------------ expressions

        Typed expression(Expression e, Scope scope) {
            if (e instanceof Expression.ColumnReference c) {
                return columnReference(c, scope);
            }
            if (e instanceof Expression.StringLiteral) {
                return typed(e, "col", ValueType.TEXT, null);
            }
            if (e instanceof Expression.NumericLiteral n) {
                ValueType t = !n.integer() ? ValueType.DOUBLE
                    : n.text().length() < 10 ? ValueType.INT : ValueType.LONG;
                return typed(e, "col", t, null);
            }
            if (e instanceof Expression.NullLiteral) {
                return typed(e, "col", ValueType.TEXT, null);
            }
            if (e instanceof Expression.CountAll) {
                return typed(e, "count", ValueType.LONG, null);
            }
            if (e instanceof Expression.Unary u) {
                Typed operand = expression(u.operand(), scope);
                requireNumber(operand, u.operator() == Expression.UnaryOperator.BIT_NOT ? "~" : "unary " + u.operator());
                return new Typed(new Expression.Unary(u.operator(), operand.expression()), operand.meta());
            }
            if (e instanceof Expression.Binary b) {
                Typed l = expression(b.left(), scope);
                Typed r = expression(b.right(), scope);
                Expression rewritten = new Expression.Binary(l.expression(), b.operator(), r.expression());
                if (b.operator() == Expression.BinaryOperator.CONCATENATE) {
                    return typed(rewritten, "col", ValueType.TEXT, null);
                }
                requireNumber(l, b.operator().name());
                requireNumber(r, b.operator().name());
                // a sum or difference of like quantities keeps their unit
                String unit = (b.operator() == Expression.BinaryOperator.ADD || b.operator() == Expression.BinaryOperator.SUBTRACT)
                    && l.meta().unit() != null && l.meta().unit().equals(r.meta().unit()) ? l.meta().unit() : null;
                return typed(rewritten, "col", ValueType.wider(l.type(), r.type()), unit);
            }
            if (e instanceof Expression.Cast c) {
                Typed value = expression(c.value(), scope);
                return typed(new Expression.Cast(value.expression(), c.type(), c.length()), "col", castType(c), value.meta().unit());
            }
            if (e instanceof Expression.ScalarSubquery s) {
                Checked sub = queryExpression(s.query(), scope);
                if (sub.columns.size() != 1) {
                    throw error(position(s.query()), "a subquery used as a value must return one column, not " + sub.columns.size());
                }
                return new Typed(new Expression.ScalarSubquery(sub.query), sub.columns.get(0));
            }
            return function((Expression.FunctionCall) e, scope);
        }

        private Typed typed(Expression e, String name, ValueType type, String unit) {
            return new Typed(e, new ResultColumn(name, type, unit, null, null, null, Optional.empty()));
        }

        private ValueType castType(Expression.Cast c) {
            return switch (c.type()) {
                case "SMALLINT" -> ValueType.SHORT;
                case "INTEGER" -> ValueType.INT;
                case "BIGINT" -> ValueType.LONG;
                case "REAL" -> ValueType.FLOAT;
                case "DOUBLE PRECISION" -> ValueType.DOUBLE;
                case "TIMESTAMP" -> ValueType.TIMESTAMP;
                case "POINT" -> ValueType.POINT;
                case "CIRCLE" -> ValueType.CIRCLE;
                case "POLYGON" -> ValueType.POLYGON;
                default -> new ValueType("unicodeChar", c.length().isPresent()
                    ? c.length().getAsInt() + (c.type().equals("VARCHAR") ? "*" : "") : "*", null);
            };
        }

        private Typed function(Expression.FunctionCall f, Scope scope) {
            List<Typed> args = f.arguments().stream().map(a -> expression(a, scope)).toList();
            Expression rewritten = new Expression.FunctionCall(f.name(), f.distinct(),
                args.stream().map(Typed::expression).toList(), f.at());
            Optional<BuiltInFunction> builtIn = BuiltInFunction.named(f.name());
            if (builtIn.isEmpty()) {
                UserDefinedFunction udf = functions.get(f.name()).orElseThrow(() ->
                    error(f.at(), "unknown function '" + f.name() + "'"));
                return typed(rewritten, f.name(), udfType(udf.returnType()), null);
            }
            String name = f.name(); // generated result-column name
            String label = name.toUpperCase(Locale.ROOT); // as messages write it
            Typed first = args.isEmpty() ? null : args.get(0);
            return switch (builtIn.get()) {
                case ABS, CEILING, FLOOR -> {
                    requireNumber(first, label);
                    yield new Typed(rewritten, first.meta().renamed(name));
                }
                case ROUND, TRUNCATE -> {
                    args.forEach(a -> requireNumber(a, label));
                    yield typed(rewritten, name, ValueType.DOUBLE, first.meta().unit());
                }
                case MOD -> {
                    args.forEach(a -> requireNumber(a, label));
                    yield typed(rewritten, name, ValueType.wider(first.type(), args.get(1).type()), first.meta().unit());
                }
                case DEGREES, RADIANS, EXP, LOG, LOG10, PI, POWER, RAND, SQRT, ACOS, ASIN, ATAN, ATAN2, COS, COT, SIN, TAN -> {
                    args.forEach(a -> requireNumber(a, label));
                    if (builtIn.get() == BuiltInFunction.RAND && !args.isEmpty() && !GeometryRules.isConstant(first.expression())) {
                        throw error(f.at(), "the seed of RAND must be a constant, e.g. RAND(42), not " + describe(first));
                    }
                    yield typed(rewritten, name, ValueType.DOUBLE, builtIn.get() == BuiltInFunction.DEGREES ? "deg"
                        : builtIn.get() == BuiltInFunction.RADIANS ? "rad" : null);
                }
                case LOWER, UPPER -> {
                    requireString(first, label);
                    yield typed(rewritten, name, ValueType.TEXT, null);
                }
                case COUNT -> typed(rewritten, name, ValueType.LONG, null);
                case AVG -> {
                    requireNumber(first, label);
                    yield new Typed(rewritten, new ResultColumn(name, ValueType.DOUBLE, first.meta().unit(), first.meta().ucd(),
                        null, null, Optional.empty()));
                }
                case SUM -> {
                    requireNumber(first, label);
                    ValueType t = first.type().isNumeric() && List.of("short", "int", "long").contains(first.type().datatype())
                        ? ValueType.LONG : ValueType.DOUBLE;
                    yield typed(rewritten, name, t, first.meta().unit());
                }
                case MAX, MIN -> new Typed(rewritten, first.meta().renamed(name));
                case COALESCE -> new Typed(rewritten, first.meta().renamed(name));
                case IN_UNIT -> inUnit(f, args, label);
                case POINT -> geometryOf(rewritten, name, ValueType.POINT, coordinates(args));
                case CIRCLE -> {
                    List<Typed> c = coordinates(args);
                    GeometryRules.circleRadius(c.get(c.size() - 1).expression()).ifPresent(m -> {
                        throw error(f.at(), m);
                    });
                    yield geometryOf(rewritten, name, ValueType.CIRCLE, c);
                }
                case BOX, POLYGON -> {
                    List<Typed> c = coordinates(args);
                    List<Expression> e = c.stream().map(Typed::expression).toList();
                    (builtIn.get() == BuiltInFunction.BOX ? GeometryRules.box(e) : GeometryRules.polygon(e)).ifPresent(m -> {
                        throw error(f.at(), m);
                    });
                    yield geometryOf(rewritten, name, ValueType.POLYGON, c);
                }
                case REGION -> throw error(f.at(), "REGION is not supported by this service: give the region as POINT, "
                    + "CIRCLE, BOX or POLYGON");
                case CENTROID -> {
                    requireGeometry(first, label);
                    if (!"circle".equals(first.type().xtype())) {
                        throw error(at(first), "CENTROID is supported for circles only, not " + describe(first));
                    }
                    yield typed(rewritten, name, ValueType.POINT, "deg");
                }
                case AREA -> {
                    requireGeometry(first, label);
                    yield typed(rewritten, name, ValueType.DOUBLE, "deg**2");
                }
                case COORD1, COORD2 -> {
                    requirePoint(first, label);
                    yield typed(rewritten, name, ValueType.DOUBLE, "deg");
                }
                case COORDSYS -> {
                    requireGeometry(first, label);
                    yield typed(rewritten, name, ValueType.TEXT, null);
                }
                case CONTAINS -> {
                    args.forEach(a -> requireGeometry(a, label));
                    requirePoint(first, label); // pg_sphere tests containment of points in regions
                    yield typed(rewritten, name, ValueType.INT, null);
                }
                case INTERSECTS -> {
                    args.forEach(a -> requireGeometry(a, label));
                    // a point intersects a region exactly when the region contains it (ADQL 2.1 section 4.2.8);
                    // pg_sphere has no overlap operator for points
                    Typed second = args.get(1);
                    if ("point".equals(first.type().xtype()) || "point".equals(second.type().xtype())) {
                        Typed point = "point".equals(first.type().xtype()) ? first : second;
                        Typed region = point == first ? second : first;
                        yield typed(new Expression.FunctionCall("contains", false,
                            List.of(point.expression(), region.expression()), f.at()), name, ValueType.INT, null);
                    }
                    yield typed(rewritten, name, ValueType.INT, null);
                }
                case DISTANCE -> {
                    if (args.size() == 2) {
                        args.forEach(a -> requirePoint(a, label));
                    } else {
                        args.forEach(a -> requireNumber(a, label));
                    }
                    yield typed(rewritten, name, ValueType.DOUBLE, "deg");
                }
            };
        }

        /** IN_UNIT(value, 'unit'): the value times the conversion factor from its own unit, which must be known. */
        private Typed inUnit(Expression.FunctionCall f, List<Typed> args, String label) {
            Typed value = args.get(0);
            requireNumber(value, label);
            if (!(args.get(1).expression() instanceof Expression.StringLiteral target)) {
                throw error(f.at(), "IN_UNIT needs the target unit as a string literal, e.g. IN_UNIT(ra, 'rad')");
            }
            String from = value.meta().unit();
            if (from == null || from.isBlank()) {
                throw error(f.at(), "IN_UNIT: the unit of its first argument is not known, so it cannot be converted");
            }
            double factor;
            try {
                factor = VoUnit.parse(from).factorTo(VoUnit.parse(target.value())).orElseThrow(() ->
                    error(f.at(), "IN_UNIT cannot convert " + from + " to " + target.value() + ": they measure different things"));
            } catch (IllegalArgumentException e) {
                throw error(f.at(), "IN_UNIT: " + e.getMessage());
            }
            Expression converted = new Expression.Binary(value.expression(), Expression.BinaryOperator.MULTIPLY,
                new Expression.NumericLiteral(Double.toString(factor), false));
            return typed(converted, f.name(), ValueType.DOUBLE, target.value());
        }

        /** The arguments of a geometry constructor after the optional coordinate system. */
        private List<Typed> coordinates(List<Typed> args) {
            boolean coordSys = !args.isEmpty() && (args.get(0).expression() instanceof Expression.StringLiteral
                || args.get(0).expression() instanceof Expression.NullLiteral);
            return coordSys ? args.subList(1, args.size()) : args;
        }

        private Typed geometryOf(Expression e, String name, ValueType type, List<Typed> coordinates) {
            for (Typed c : coordinates) {
                if (!c.type().isGeometry()) {
                    requireNumber(c, name.toUpperCase(Locale.ROOT));
                }
            }
            return typed(e, name, type, "deg");
        }

        private ValueType udfType(String adqlType) {
            return switch (adqlType) {
                case "INTEGER", "INT" -> ValueType.INT;
                case "BIGINT" -> ValueType.LONG;
                case "SMALLINT" -> ValueType.SHORT;
                case "REAL" -> ValueType.FLOAT;
                case "DOUBLE", "DOUBLE PRECISION", "NUMERIC" -> ValueType.DOUBLE;
                case "TIMESTAMP" -> ValueType.TIMESTAMP;
                case "POINT" -> ValueType.POINT;
                case "CIRCLE" -> ValueType.CIRCLE;
                case "POLYGON", "REGION" -> ValueType.POLYGON;
                default -> ValueType.TEXT;
            };
        }

        // ------------------------------------------------------------ type rules

        private void requireNumber(Typed t, String context) {
            if (t != null && !t.type().isNumeric() && (t.type().isString() || t.type().isGeometry())
                && !(t.expression() instanceof Expression.NullLiteral)) {
                throw error(at(t), context + " needs a number, not " + describe(t));
            }
        }

        private void requireString(Typed t, String context) {
            if (t != null && !t.type().isString() && !(t.expression() instanceof Expression.NullLiteral)) {
                throw error(at(t), context + " needs a string, not " + describe(t));
            }
        }

        private void requireGeometry(Typed t, String context) {
            if (t != null && !t.type().isGeometry()) {
                throw error(at(t), context + " needs a geometry (POINT, CIRCLE, POLYGON, ...), not " + describe(t));
            }
        }

        private void requirePoint(Typed t, String context) {
            if (t != null && !"point".equals(t.type().xtype())) {
                throw error(at(t), context + " needs a POINT, not " + describe(t));
            }
        }

        private String describe(Typed t) {
            ValueType type = t.type();
            String what = type.xtype() != null ? type.xtype() : type.isString() ? "a string" : type.datatype();
            return t.expression() instanceof Expression.ColumnReference c ? c.name().last().name() + " (" + what + ")" : what;
        }

        private Position at(Typed t) {
            Expression e = t.expression();
            if (e instanceof Expression.ColumnReference c) {
                return c.name().at();
            }
            if (e instanceof Expression.FunctionCall f) {
                return f.at();
            }
            return new Position(1, 1);
        }
    }
}
