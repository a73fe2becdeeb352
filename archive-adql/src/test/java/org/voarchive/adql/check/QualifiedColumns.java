package org.voarchive.adql.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.voarchive.adql.ast.Condition;
import org.voarchive.adql.ast.Expression;
import org.voarchive.adql.ast.FromItem;
import org.voarchive.adql.ast.Identifier;
import org.voarchive.adql.ast.Query;

/**
 * The rule that keeps hidden columns out of reach, checked on a checked query (which the
 * translator writes one to one): every range variable has a correlation name no other has,
 * every column reference is qualified with one in scope where it stands, joins have no
 * NATURAL or USING and select lists no {@code *}.
 */
public final class QualifiedColumns {

    private final List<String> violations = new ArrayList<>();
    private final Set<String> declared = new HashSet<>();

    private QualifiedColumns() {
    }

    /** What breaks the rule in {@code query}: empty when it holds. */
    public static List<String> violations(Query query) {
        QualifiedColumns walk = new QualifiedColumns();
        for (Query.CommonTableExpression cte : query.with()) {
            walk.queryExpression(cte.query(), Set.of());
        }
        walk.queryExpression(query.body(), Set.of());
        return walk.violations;
    }

    private void queryExpression(Query.QueryExpression q, Set<String> outer) {
        if (q instanceof Query.SetOperation op) {
            queryExpression(op.left(), outer);
            queryExpression(op.right(), outer);
            return;
        }
        Query.Select s = (Query.Select) q;
        Set<String> scope = new HashSet<>(outer);
        for (FromItem item : s.from()) {
            scope.addAll(fromItem(item, outer));
        }
        if (s.items().isEmpty()) {
            violations.add("SELECT * at " + s.at());
        }
        for (Query.SelectItem item : s.items()) {
            if (item instanceof Query.DerivedColumn d) {
                expression(d.value(), scope);
            } else {
                violations.add("SELECT " + ((Query.AllColumnsOf) item).table() + ".*");
            }
        }
        s.where().ifPresent(c -> condition(c, scope));
        s.groupBy().forEach(e -> expression(e, scope));
        s.having().ifPresent(c -> condition(c, scope));
        s.orderBy().forEach(k -> expression(k.key(), scope));
    }

    /** Checks one FROM item and returns the range variables it declares. */
    private Set<String> fromItem(FromItem item, Set<String> outer) {
        if (item instanceof FromItem.TableReference t) {
            if (t.alias().isEmpty()) {
                violations.add("no correlation name for " + t.name());
                return Set.of();
            }
            return Set.of(declare(t.alias().get()));
        }
        if (item instanceof FromItem.DerivedTable d) {
            queryExpression(d.query(), outer);
            return Set.of(declare(d.alias()));
        }
        FromItem.Join j = (FromItem.Join) item;
        Set<String> both = new HashSet<>(fromItem(j.left(), outer));
        both.addAll(fromItem(j.right(), outer));
        if (j.natural() || !j.using().isEmpty()) {
            violations.add((j.natural() ? "NATURAL" : "USING") + " join");
        }
        Set<String> onScope = new HashSet<>(outer);
        onScope.addAll(both);
        j.on().ifPresent(c -> condition(c, onScope));
        return both;
    }

    private String declare(Identifier rangeVariable) {
        String name = rangeVariable.normalized();
        if (!declared.add(name.toLowerCase(Locale.ROOT))) {
            violations.add("correlation name " + name + " used twice");
        }
        return name;
    }

    private void condition(Condition c, Set<String> scope) {
        if (c instanceof Condition.And and) {
            and.terms().forEach(t -> condition(t, scope));
        } else if (c instanceof Condition.Or or) {
            or.terms().forEach(t -> condition(t, scope));
        } else if (c instanceof Condition.Not not) {
            condition(not.operand(), scope);
        } else if (c instanceof Condition.Comparison cmp) {
            expression(cmp.left(), scope);
            expression(cmp.right(), scope);
        } else if (c instanceof Condition.Between b) {
            expression(b.value(), scope);
            expression(b.low(), scope);
            expression(b.high(), scope);
        } else if (c instanceof Condition.InList in) {
            expression(in.value(), scope);
            in.values().forEach(v -> expression(v, scope));
        } else if (c instanceof Condition.InSubquery in) {
            expression(in.value(), scope);
            queryExpression(in.query(), scope);
        } else if (c instanceof Condition.Like like) {
            expression(like.value(), scope);
            expression(like.pattern(), scope);
        } else if (c instanceof Condition.IsNull n) {
            expression(n.value(), scope);
        } else {
            queryExpression(((Condition.Exists) c).query(), scope);
        }
    }

    private void expression(Expression e, Set<String> scope) {
        if (e instanceof Expression.ColumnReference c) {
            List<Identifier> parts = c.name().parts();
            if (parts.size() != 2 || !scope.contains(parts.get(0).normalized())) {
                violations.add("column reference " + c.name() + " at " + c.name().at()
                    + " is not qualified with a range variable in scope " + scope);
            }
        } else if (e instanceof Expression.FunctionCall f) {
            f.arguments().forEach(a -> expression(a, scope));
        } else if (e instanceof Expression.Unary u) {
            expression(u.operand(), scope);
        } else if (e instanceof Expression.Binary b) {
            expression(b.left(), scope);
            expression(b.right(), scope);
        } else if (e instanceof Expression.Cast cast) {
            expression(cast.value(), scope);
        } else if (e instanceof Expression.ScalarSubquery s) {
            queryExpression(s.query(), scope);
        }
    }
}
