package org.voarchive.adql.ast;

import java.util.List;
import java.util.stream.Collectors;

/** catalog.schema.table(.column): one to four identifiers. */
public record QualifiedName(List<Identifier> parts) {

    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }

    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    /** Everything before the last part (empty for a bare name). */
    public List<Identifier> qualifier() {
        return parts.subList(0, parts.size() - 1);
    }

    public Position at() {
        return parts.get(0).at();
    }

    @Override
    public String toString() {
        return parts.stream().map(Identifier::toString).collect(Collectors.joining("."));
    }
}
