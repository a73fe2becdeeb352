package org.voarchive.usage;

/** What a counted request did (the values of archive.usage_daily.kind). */
public enum UsageKind {
    TAP_SYNC, TAP_ASYNC, CONE_SEARCH, RESULT_DOWNLOAD, FILE_DOWNLOAD
}
