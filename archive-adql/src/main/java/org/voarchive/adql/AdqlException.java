package org.voarchive.adql;

/**
 * A query that is not acceptable ADQL, with the position of the problem
 * (1-based line and column) and a message a person can act on.
 */
public class AdqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public AdqlException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The one-line form used by the CLI and in error documents: {@code line:column: message}. */
    public String positioned() {
        return line + ":" + column + ": " + getMessage();
    }
}
