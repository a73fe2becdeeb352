package org.voarchive.curation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;
import org.voarchive.metadata.InvalidField;

/**
 * The descriptive fields schemas and tables share: their rules (a bad value is an {@link InvalidField}) and
 * their partial update.
 */
final class DescriptiveFields {

    private static final Set<String> ACCESS_LEVELS = Set.of("PUBLIC", "INTERNAL", "PRIVATE");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final int MAX_SHORT_TEXT = 1000;

    private DescriptiveFields() {
    }

    /** Null values are "unchanged" and pass, as does "" (which clears a field); the version is required (optimistic locking). */
    static void check(Integer version, String dataAccess, String metadataAccess, String doi, String licenseUrl,
                      String title, String utype, String licenseLabel) {
        if (version == null) {
            throw new InvalidField("version", "the version you read is required (optimistic locking)");
        }
        checkAccess(dataAccess, metadataAccess);
        if (PartialUpdate.given(doi) && !DOI.matcher(doi).matches()) {
            throw new InvalidField("doi", "must be a DOI such as 10.1234/abc (without https://doi.org/), not '" + doi + "'");
        }
        if (PartialUpdate.given(licenseUrl) && !licenseUrl.matches("https?://\\S+")) {
            throw new InvalidField("licenseUrl", "must be an http(s) URL");
        }
        for (String[] text : new String[][] {{"title", title}, {"utype", utype}, {"licenseLabel", licenseLabel}}) {
            if (text[1] != null && text[1].length() > MAX_SHORT_TEXT) {
                throw new InvalidField(text[0], "is longer than " + MAX_SHORT_TEXT + " characters");
            }
        }
    }

    static void checkAccess(String dataAccess, String metadataAccess) {
        for (String[] access : new String[][] {{"dataAccess", dataAccess}, {"metadataAccess", metadataAccess}}) {
            if (access[1] != null && !ACCESS_LEVELS.contains(access[1])) {
                throw new InvalidField(access[0], "must be PUBLIC, INTERNAL or PRIVATE, not '" + access[1] + "'");
            }
        }
    }

    /**
     * Sets the fields of an edit on the row with id {@code id} of {@code kind} (a schema or a table), each left as it
     * is where the edit gives null; a text field given as "" is cleared. The caller has
     * {@link VersionedObject#lock locked} the row, which moved its version.
     */
    static void update(Connection c, VersionedObject kind, long id, String title, String description,
                       String longDescription, String utype, String doi, String licenseSpdx, String licenseLabel,
                       String licenseUrl, Boolean published, String dataAccess, String metadataAccess) throws SQLException {
        new PartialUpdate().text("title", title).text("description", description)
            .text("long_description", longDescription).text("utype", utype).text("doi", doi)
            .text("license_spdx", licenseSpdx).text("license_label", licenseLabel).text("license_url", licenseUrl)
            .value("published", published).value("data_access", dataAccess).value("metadata_access", metadataAccess)
            .apply(c, kind, id);
    }
}
