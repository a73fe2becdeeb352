package org.voarchive.adql.ast;

import java.util.Locale;

/**
 * A name as written: regular identifiers are case-insensitive, delimited
 * ("quoted") ones are exact.
 */
public record Identifier(String name, boolean delimited, Position at) {

    /** The name to look up: regular identifiers folded to lower case, delimited ones as written. */
    public String normalized() {
        return delimited ? name : name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return delimited ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }
}
