package org.voarchive.metadata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A DALI example of the TAP service as the admin API shows and takes it.
 *
 * @param name        its HTML id: a letter, then letters, digits, _ and -
 * @param title       the example's name (RDFa property "name")
 * @param description what it shows, plain text
 * @param query       the ADQL, checked against the published metadata when stored
 * @param tables      the published tables it reads (property "table"); absent: those the query reads
 * @param upload      for a query on TAP_UPLOAD: the table it expects, {@code name(column type, ...)}
 *                    with VOTable datatypes; null if none
 * @param position    where it comes on the page (then by name); absent: 0
 * @param version     optimistic locking; null to create
 */
public record ExampleRecord(String name, String title, String description, String query, List<String> tables,
                            String upload, Integer position, Integer version) {

    /** The columns of archive.examples that {@link #read} takes, for a SELECT. */
    public static final String COLUMNS = "name, title, description, query, tables, upload, position, version";

    /** The example in the current row of a query on archive.examples that selected {@link #COLUMNS}. */
    public static ExampleRecord read(ResultSet rs) throws SQLException {
        // one qualified table name a line: the column is text, which needs no array mapping
        String tables = rs.getString("tables");
        return new ExampleRecord(rs.getString("name"), rs.getString("title"), rs.getString("description"),
            rs.getString("query"), tables == null || tables.isEmpty() ? List.of() : List.of(tables.split("\n")),
            rs.getString("upload"), rs.getInt("position"), rs.getInt("version"));
    }
}
