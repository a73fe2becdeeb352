package org.voarchive.metadata;

/**
 * A column's curated metadata as the admin API shows and edits it. In an edit,
 * null means "leave as it is"; the type fields are facts from discovery and
 * cannot be edited; {@code version} is the one the editor read.
 */
public record ColumnRecord(String name, String description, String unit, String ucd, String utype, Boolean principal,
                           Boolean std, String dataAccess, String metadataAccess, String datatype, String arraysize,
                           String xtype, Integer version) {
}
