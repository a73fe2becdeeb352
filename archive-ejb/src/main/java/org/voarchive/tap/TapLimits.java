package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's limits on TAP queries, declared in the capabilities so that
 * clients know them before they ask. Each key's default is written here, the
 * one place it is read (archive.tap.maxrec.default is ARCHIVE_TAP_MAXREC_DEFAULT).
 */
@ApplicationScoped
public class TapLimits {

    @Inject
    @ConfigProperty(name = "archive.tap.maxrec.default", defaultValue = "100000")
    long defaultMaxrec;

    @Inject
    @ConfigProperty(name = "archive.tap.maxrec.hard", defaultValue = "20000000")
    long hardMaxrec;

    @Inject
    @ConfigProperty(name = "archive.tap.sync.timeout-seconds", defaultValue = "300")
    int syncTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "archive.tap.upload.max-rows", defaultValue = "1000000")
    long uploadMaxRows;

    @Inject
    @ConfigProperty(name = "archive.tap.upload.max-bytes", defaultValue = "104857600")
    long uploadMaxBytes;

    @Inject
    @ConfigProperty(name = "archive.tap.fetch-size", defaultValue = "5000")
    int fetchSize;

    @Inject
    @ConfigProperty(name = "archive.tap.query.max-length", defaultValue = "100000")
    int queryMaxLength;

    /** Rows returned when the request gives no MAXREC. */
    public long defaultMaxrec() {
        return defaultMaxrec;
    }

    /** The most rows any request may ask for. */
    public long hardMaxrec() {
        return hardMaxrec;
    }

    /** Execution time of a synchronous query, enforced by PostgreSQL's statement_timeout. */
    public int syncTimeoutSeconds() {
        return syncTimeoutSeconds;
    }

    public long uploadMaxRows() {
        return uploadMaxRows;
    }

    /** For all uploads of one request together; for an async job, all its stored inline parts too (those added later included). */
    public long uploadMaxBytes() {
        return uploadMaxBytes;
    }

    /**
     * The most characters a QUERY may have: parsing and checking cost grows with the text (a
     * 3.5 MB query took 14 s of CPU), and no hand-written or generated query needs more.
     */
    public int queryMaxLength() {
        return queryMaxLength;
    }

    /** Rows per round trip of the server-side cursor. */
    public int fetchSize() {
        return fetchSize;
    }
}
