package org.voarchive.usertables;

import java.util.List;
import java.util.regex.Pattern;
import org.voarchive.adql.ReservedWords;
import org.voarchive.metadata.TableName;
import org.voarchive.table.ColumnNames;
import org.voarchive.table.TableRefusedException;
import org.voarchive.tap.KeptSchemas;

/**
 * The one place that checks the names of personal tables and their columns (design §2): the schema is the
 * caller's own ({@link KeptSchemas#userSchema}); a table name is a lower-case ADQL regular identifier that is not
 * reserved, at most 63 bytes, not starting {@code job_} (kept results) or {@code pg_}; column names are ADQL
 * regular identifiers (case kept, reserved words allowed: TAP_SCHEMA delimits them), unique ignoring case, none a
 * PostgreSQL system column's, 1 to {@code archive.usertables.max-columns} of them; descriptions at most 4000
 * characters, units, UCDs and utypes at most 256.
 */
public final class PersonalNames {

    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_SHORT_TEXT = 256;

    /** Lower case, so that the name a client typed is the name the tableset shows (not folded for them). */
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private PersonalNames() {
    }

    /**
     * The table a request's path names, {@code schema.table} or a bare {@code table} in the caller's own schema,
     * URL-decoded already. Only checks the form; whether the schema is the caller's is {@link #checkOwnSchema}'s.
     *
     * @param login the caller's, or null (anonymous: a bare name is then refused)
     * @throws TableRequestException 400 for an empty or malformed name, 401 for a bare name without a caller
     */
    public static TableName parse(String pathName, String login) {
        if (pathName == null || pathName.isBlank()) {
            throw new TableRequestException(400, "no table named: the path ends with schema.table or table");
        }
        if (pathName.indexOf('/') >= 0 || pathName.indexOf('\0') >= 0) {
            throw new TableRequestException(400, "'" + pathName + "' is not a table name: schema.table or table");
        }
        TableName name = TableName.parse(pathName).orElse(null);
        if (name == null) {
            if (login == null) {
                throw new TableRequestException(401, "sign in: a table name without a schema means your own schema");
            }
            return new TableName(KeptSchemas.userSchema(login), pathName);
        }
        if (name.schema().isEmpty() || name.table().isEmpty()) {
            throw new TableRequestException(400, "'" + pathName + "' is not a table name: schema.table or table");
        }
        return name;
    }

    /**
     * @throws TableRequestException 401 without a caller, 403 unless {@code name} is in {@code login}'s own schema
     */
    public static void checkOwnSchema(TableName name, String login) {
        if (login == null) {
            throw new TableRequestException(401, "sign in to create or change tables");
        }
        String own = KeptSchemas.userSchema(login);
        if (!name.schema().equals(own)) {
            throw new TableRequestException(403, "you may create tables in " + own + " only, not in " + name.schema());
        }
    }

    /**
     * @throws TableRequestException 400 naming the rule a new table's name breaks
     */
    public static void checkTableName(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new TableRequestException(400, "the table name '" + table + "' is not allowed: it must start with a"
                + " lower-case letter and have only lower-case letters, digits and _");
        }
        if (table.length() > ColumnNames.MAX_NAME_BYTES) {
            throw new TableRequestException(400, "the table name '" + table + "' has " + table.length()
                + " characters; at most " + ColumnNames.MAX_NAME_BYTES + " are allowed");
        }
        if (ReservedWords.isReserved(table)) {
            throw new TableRequestException(400, "the table name '" + table + "' is an ADQL reserved word; choose another");
        }
        if (table.startsWith("job_")) {
            throw new TableRequestException(400, "the table name '" + table + "' starts with job_, which names the kept"
                + " results of async jobs; choose another");
        }
        if (table.startsWith("pg_")) {
            throw new TableRequestException(400, "the table name '" + table + "' starts with pg_, which the database"
                + " reserves; choose another");
        }
    }

    /**
     * @param maxColumns archive.usertables.max-columns
     * @throws TableRequestException 400 naming the column and the rule it breaks (name, datatype missing, text
     *                               too long, duplicate, too many)
     */
    public static void checkColumns(List<ColumnSpec> columns, int maxColumns) {
        if (columns.isEmpty()) {
            throw new TableRequestException(400, "the table has no columns: describe at least one");
        }
        if (columns.size() > maxColumns) {
            throw new TableRequestException(400, "the table has " + columns.size() + " columns; at most " + maxColumns
                + " are allowed");
        }
        for (ColumnSpec c : columns) {
            String name = c.name();
            if (name == null || name.isEmpty()) {
                throw new TableRequestException(400, "column " + (columns.indexOf(c) + 1) + " has no name");
            }
            if (!COLUMN.matcher(name).matches()) {
                throw new TableRequestException(400, "the column name '" + name + "' is not allowed: it must start with"
                    + " a letter and have only letters, digits and _");
            }
        }
        try {
            ColumnNames.check(columns.stream().map(ColumnSpec::name).toList()); // as TAP uploads' (length, system, twice)
        } catch (TableRefusedException e) {
            throw new TableRequestException(400, e.getMessage(), e);
        }
        for (ColumnSpec c : columns) {
            if (c.datatype() == null || c.datatype().isBlank()) {
                throw new TableRequestException(400, "column " + c.name() + " has no datatype");
            }
            checkColumnTexts(c);
        }
    }

    /**
     * @throws TableRequestException 400 naming a description, unit, UCD or utype too long
     */
    public static void checkTexts(TableSpec spec) {
        checkLength("the table's description", spec.description(), MAX_DESCRIPTION);
        checkLength("the table's utype", spec.utype(), MAX_SHORT_TEXT);
        spec.columns().forEach(PersonalNames::checkColumnTexts);
    }

    private static void checkColumnTexts(ColumnSpec c) {
        String of = " of column " + c.name();
        checkLength("the description" + of, c.description(), MAX_DESCRIPTION);
        checkLength("the unit" + of, c.unit(), MAX_SHORT_TEXT);
        checkLength("the UCD" + of, c.ucd(), MAX_SHORT_TEXT);
        checkLength("the utype" + of, c.utype(), MAX_SHORT_TEXT);
    }

    private static void checkLength(String what, String text, int max) {
        if (text != null && text.length() > max) {
            throw new TableRequestException(400, what + " has " + text.length() + " characters; at most " + max
                + " are allowed");
        }
    }
}
