package org.voarchive.adql.ast;

import java.util.List;
import java.util.Optional;

/** Something in a FROM clause. */
public sealed interface FromItem {

    /** Where the item is in the query text, for messages: its table name, or a derived table's alias. */
    Position at();

    /** A table or view by name, with an optional correlation name. */
    record TableReference(QualifiedName name, Optional<Identifier> alias) implements FromItem {
        @Override
        public Position at() {
            return name.at();
        }
    }

    /** {@code (subquery) AS alias}: the alias is required in ADQL. */
    record DerivedTable(Query.QueryExpression query, Identifier alias) implements FromItem {
        @Override
        public Position at() {
            return alias.at();
        }
    }

    /**
     * {@code left [NATURAL] [kind] JOIN right [ON condition | USING (columns)]}, or a CROSS JOIN.
     */
    record Join(FromItem left, JoinKind kind, boolean natural, FromItem right, Optional<Condition> on,
                List<Identifier> using) implements FromItem {
        public Join {
            using = List.copyOf(using);
        }

        @Override
        public Position at() {
            return left.at();
        }
    }

    enum JoinKind { INNER, LEFT, RIGHT, FULL, CROSS }
}
