package org.voarchive.usertables;

import java.util.List;
import org.voarchive.metadata.TableName;

/**
 * The one place that checks the names of personal tables and their columns (design §2): the schema is the
 * caller's own ({@code tap.KeptSchemas.userSchema}); a table name is a lower-case ADQL regular identifier that is
 * not reserved, at most 63 bytes, not starting {@code job_} (kept results) or {@code pg_}; column names are ADQL
 * regular identifiers (case kept, reserved words allowed: TAP_SCHEMA delimits them), unique ignoring case, none a
 * PostgreSQL system column's, 1 to {@code archive.usertables.max-columns} of them; descriptions at most 4000
 * characters, units, UCDs and utypes at most 256.
 */
public final class PersonalNames {

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1 bytes). */
    public static final int MAX_NAME_BYTES = 63;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_SHORT_TEXT = 256;

    private PersonalNames() {
    }

    /**
     * The table a request's path names, {@code schema.table} or a bare {@code table} in the caller's own schema,
     * URL-decoded already. Only checks the form; whether the schema is the caller's is {@link #checkOwnSchema}'s.
     *
     * @throws TableRequestException 400 for an empty or malformed name
     */
    public static TableName parse(String pathName, String login) {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * @throws TableRequestException 403 unless {@code name} is in {@code login}'s own schema
     */
    public static void checkOwnSchema(TableName name, String login) {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * @throws TableRequestException 400 naming the rule a new table's name breaks
     */
    public static void checkTableName(String table) {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * @param maxColumns archive.usertables.max-columns
     * @throws TableRequestException 400 naming the column and the rule it breaks (name, datatype missing, text
     *                               too long, duplicate, too many)
     */
    public static void checkColumns(List<ColumnSpec> columns, int maxColumns) {
        throw new UnsupportedOperationException("WP1: not yet");
    }

    /**
     * @throws TableRequestException 400 naming a description, unit, UCD or utype too long
     */
    public static void checkTexts(TableSpec spec) {
        throw new UnsupportedOperationException("WP1: not yet");
    }
}
