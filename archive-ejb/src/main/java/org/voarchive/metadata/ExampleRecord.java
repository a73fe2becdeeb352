package org.voarchive.metadata;

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
}
