package org.voarchive.adql.ast;

/** Where a node starts in the query text: 1-based line and column. */
public record Position(int line, int column) {
}
