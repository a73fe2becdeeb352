package org.voarchive.adql.ast;

import java.util.List;

/** A search condition (WHERE, HAVING, ON): evaluates to true, false or unknown. */
public sealed interface Condition {

    record And(List<Condition> terms) implements Condition {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<Condition> terms) implements Condition {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    record Comparison(Expression left, ComparisonOperator operator, Expression right) implements Condition {
    }

    record Between(Expression value, boolean negated, Expression low, Expression high) implements Condition {
    }

    record InList(Expression value, boolean negated, List<Expression> values) implements Condition {
        public InList {
            values = List.copyOf(values);
        }
    }

    record InSubquery(Expression value, boolean negated, Query.QueryExpression query) implements Condition {
    }

    /** LIKE, or ILIKE when {@code caseInsensitive}. */
    record Like(Expression value, boolean negated, boolean caseInsensitive, Expression pattern) implements Condition {
    }

    record IsNull(Expression value, boolean negated) implements Condition {
    }

    record Exists(Query.QueryExpression query) implements Condition {
    }

    enum ComparisonOperator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public ComparisonOperator mirrored() {
            return switch (this) {
                case LESS -> GREATER;
                case GREATER -> LESS;
                case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
                case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
                default -> this;
            };
        }
    }
}
