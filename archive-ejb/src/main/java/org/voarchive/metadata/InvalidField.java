package org.voarchive.metadata;

import jakarta.ejb.ApplicationException;

/** A metadata edit with a bad value: names the field and says what is wrong. */
// an application exception: it reaches the caller as itself (not wrapped by the container, even from a
// nested bean) and still rolls the transaction back, so an import stays all or nothing
@ApplicationException(rollback = true)
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
