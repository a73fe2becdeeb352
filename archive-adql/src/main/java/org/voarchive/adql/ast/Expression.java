package org.voarchive.adql.ast;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** A value expression. */
public sealed interface Expression {

    /**
     * A node a translator adds while writing SQL (never produced by parsing);
     * the translator that adds one also writes it.
     */
    non-sealed interface Translated extends Expression {
    }

    /** A string literal, its value with the quotes removed and '' undone. */
    record StringLiteral(String value) implements Expression {
    }

    /**
     * A numeric literal as written (exact: no rounding through double); hexadecimal
     * literals are stored as their decimal value.
     */
    record NumericLiteral(String text, boolean integer) implements Expression {
        public static NumericLiteral hex(String hex) {
            return new NumericLiteral(new BigInteger(hex.substring(2), 16).toString(), true);
        }
    }

    record NullLiteral() implements Expression {
    }

    record ColumnReference(QualifiedName name) implements Expression {
    }

    /**
     * A call of a built-in or user-defined function; {@code name} in lower case.
     * {@code distinct} only for aggregates.
     */
    record FunctionCall(String name, boolean distinct, List<Expression> arguments, Position at) implements Expression {
        public FunctionCall {
            name = name.toLowerCase(Locale.ROOT);
            arguments = List.copyOf(arguments);
        }
    }

    /** COUNT(*) */
    record CountAll() implements Expression {
    }

    /** {@code -x}, {@code +x}, {@code ~x} */
    record Unary(UnaryOperator operator, Expression operand) implements Expression {
    }

    record Binary(Expression left, BinaryOperator operator, Expression right) implements Expression {
    }

    /** {@code CAST(value AS type[(length)])}; {@code type} in upper case, e.g. DOUBLE PRECISION. */
    record Cast(Expression value, String type, OptionalInt length) implements Expression {
    }

    record ScalarSubquery(Query.QueryExpression query) implements Expression {
    }

    enum UnaryOperator { PLUS, MINUS, BIT_NOT }

    enum BinaryOperator {
        MULTIPLY, DIVIDE, ADD, SUBTRACT, BIT_AND, BIT_XOR, BIT_OR, CONCATENATE
    }
}
