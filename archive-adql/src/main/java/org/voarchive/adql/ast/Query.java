package org.voarchive.adql.ast;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A whole ADQL query: optional common table expressions and the query expression. */
public record Query(List<CommonTableExpression> with, QueryExpression body) {

    public Query {
        with = List.copyOf(with);
    }

    /** {@code name [(columns)] AS (query)} in a WITH clause. */
    public record CommonTableExpression(Identifier name, List<Identifier> columns, QueryExpression query) {
        public CommonTableExpression {
            columns = List.copyOf(columns);
        }
    }

    /** A SELECT or a set operation of query expressions. */
    public sealed interface QueryExpression permits Select, SetOperation {
    }

    /**
     * {@code left UNION|EXCEPT|INTERSECT [ALL] right [ORDER BY ...] [OFFSET n]}: the ORDER BY and OFFSET
     * are the whole operation's (ADQL 2.1 {@code <select_expression>}), never an operand's.
     */
    public record SetOperation(QueryExpression left, SetOperator operator, boolean all, QueryExpression right,
                               List<SortKey> orderBy, OptionalLong offset) implements QueryExpression {
        public SetOperation {
            orderBy = List.copyOf(orderBy);
        }

        /** Without ORDER BY and OFFSET. */
        public SetOperation(QueryExpression left, SetOperator operator, boolean all, QueryExpression right) {
            this(left, operator, all, right, List.of(), OptionalLong.empty());
        }

        /** The same operation with the whole result ordered and offset. */
        public SetOperation ordered(List<SortKey> keys, OptionalLong newOffset) {
            return new SetOperation(left, operator, all, right, keys, newOffset);
        }
    }

    public enum SetOperator { UNION, EXCEPT, INTERSECT }

    /**
     * One SELECT. An empty {@code items} list means {@code SELECT *}.
     */
    public record Select(boolean distinct, OptionalLong top, List<SelectItem> items, List<FromItem> from,
                         Optional<Condition> where, List<Expression> groupBy, Optional<Condition> having,
                         List<SortKey> orderBy, OptionalLong offset, Position at) implements QueryExpression {
        public Select {
            items = List.copyOf(items);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** An entry of the select list. */
    public sealed interface SelectItem permits AllColumnsOf, DerivedColumn {
    }

    /** {@code t.*} */
    public record AllColumnsOf(QualifiedName table) implements SelectItem {
    }

    /** {@code expression [AS alias]} */
    public record DerivedColumn(Expression value, Optional<Identifier> alias) implements SelectItem {
    }

    /** {@code key [ASC|DESC]}; the key may be a column, an alias, a position or an expression. */
    public record SortKey(Expression key, boolean descending) {
    }
}
