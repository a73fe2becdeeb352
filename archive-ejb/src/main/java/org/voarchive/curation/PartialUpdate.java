package org.voarchive.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The UPDATE of an edit of one schema, table or column row: only the fields the edit gives are set (null in an
 * edit means "leave it as it is"), and a text field given as "" is cleared (NULL), so that a form can remove a
 * unit, a UCD or a DOI. The caller has {@link VersionedObject#lock locked} the row, which moved its version.
 * Column names are the code's own constants, never a caller's.
 */
final class PartialUpdate {

    private final List<String> columns = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** A text field: null leaves it, "" clears it. */
    PartialUpdate text(String column, String value) {
        if (value != null) {
            columns.add(column);
            values.add(value.isEmpty() ? null : value);
        }
        return this;
    }

    /** A field that is never cleared (a flag, an access level): null leaves it. */
    PartialUpdate value(String column, Object value) {
        if (value != null) {
            columns.add(column);
            values.add(value);
        }
        return this;
    }

    /** Sets the fields given on the row of {@code kind} with id {@code id}; nothing if none is given. */
    void apply(Connection c, VersionedObject kind, long id) throws SQLException {
        if (columns.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE " + kind.rows + " SET "
                + String.join(", ", columns.stream().map(column -> column + " = ?").toList()) + " WHERE id = ?")) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            s.setLong(values.size() + 1, id);
            s.executeUpdate();
        }
    }

    /** Whether a text field's value is given and not the "" that clears it: a value to check. */
    static boolean given(String value) {
        return value != null && !value.isEmpty();
    }
}
