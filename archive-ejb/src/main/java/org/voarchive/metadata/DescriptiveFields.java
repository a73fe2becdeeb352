package org.voarchive.metadata;

import java.util.Set;
import java.util.regex.Pattern;

/** The rules for the descriptive fields schemas and tables share; a bad value is an {@link InvalidField}. */
final class DescriptiveFields {

    private static final Set<String> ACCESS_LEVELS = Set.of("PUBLIC", "INTERNAL", "PRIVATE");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final int MAX_SHORT_TEXT = 1000;

    private DescriptiveFields() {
    }

    /** Null values are "unchanged" and pass; the version is required (optimistic locking). */
    static void check(Integer version, String dataAccess, String metadataAccess, String doi, String licenseUrl,
                      String title, String utype, String licenseLabel) {
        if (version == null) {
            throw new InvalidField("version", "the version you read is required (optimistic locking)");
        }
        checkAccess(dataAccess, metadataAccess);
        if (doi != null && !DOI.matcher(doi).matches()) {
            throw new InvalidField("doi", "must be a DOI such as 10.1234/abc (without https://doi.org/), not '" + doi + "'");
        }
        if (licenseUrl != null && !licenseUrl.matches("https?://\\S+")) {
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
}
