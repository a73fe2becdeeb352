package org.voarchive.curation;

/**
 * A column's curated metadata as the admin API shows and edits it. In an edit,
 * null means "leave as it is"; the type fields are facts from discovery and
 * cannot be edited; {@code version} is the one the editor read. {@code datalink}: its values are Datalink
 * IDs, so query results with it carry a service descriptor of the {links} endpoint.
 */
public record ColumnRecord(String name, String description, String unit, String ucd, String utype, Boolean principal,
                           Boolean std, Boolean datalink, String dataAccess, String metadataAccess, String datatype, String arraysize,
                           String xtype, Integer version) {
}
