package org.voarchive.curation;

/**
 * A schema's curated metadata as the admin API shows and edits it. In an edit,
 * null means "leave as it is"; {@code version} is the one the editor read.
 */
public record SchemaRecord(String name, String title, String description, String longDescription, String utype,
                           String doi, String licenseSpdx, String licenseLabel, String licenseUrl, Boolean published,
                           String dataAccess, String metadataAccess, Integer version) {
}
