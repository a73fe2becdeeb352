package org.voarchive.metadata;

/** A metadata edit with a bad value: names the field and says what is wrong. */
public class InvalidField extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
