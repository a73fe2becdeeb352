package org.voarchive.datalink;

import jakarta.ejb.ApplicationException;

/** A datalink load's preview no longer says what the load would do: the stored rows (or the file) changed since. */
@ApplicationException(rollback = true)
public class StalePreview extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StalePreview() {
        super("the stored datalinks or the file are no longer those of the preview (another load came first?):"
            + " nothing was changed; preview the file again");
    }
}
