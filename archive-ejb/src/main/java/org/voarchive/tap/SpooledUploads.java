package org.voarchive.tap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.dali.DaliException;
import org.voarchive.fetch.FetchException;
import org.voarchive.fetch.PublicUrlFetcher;

/**
 * The uploads of one request as temporary files, made before the query takes
 * a database connection: a slow or hostile source holds a thread for at most
 * the fetch deadline, never a connection. Multipart parts and fetched URLs go
 * through the same copy, which counts their bytes against the limit for the
 * whole request. Closing deletes the files, whatever happened.
 */
final class SpooledUploads implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpooledUploads.class.getName());

    /** An upload's name under TAP_UPLOAD and its bytes on disk. */
    record Spooled(String name, Path file) {
    }

    private final List<Spooled> files = new ArrayList<>();
    private final long maxBytes;
    private long bytesLeft;

    private SpooledUploads(long maxBytes) {
        this.maxBytes = maxBytes;
        this.bytesLeft = maxBytes;
    }

    /**
     * @param maxBytes for all uploads together
     * @throws DaliException 400 for a missing part, a URL that cannot be fetched (one message for every reason,
     *                       which is logged) or uploads over the limit
     * @throws IOException   if the temporary files cannot be written
     */
    static SpooledUploads spool(List<Upload> uploads, UploadSource parts, PublicUrlFetcher fetcher, long maxBytes)
            throws DaliException, IOException {
        SpooledUploads spooled = new SpooledUploads(maxBytes);
        try {
            for (Upload upload : uploads) {
                spooled.add(upload, parts, fetcher);
            }
            return spooled;
        } catch (DaliException | IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    List<Spooled> files() {
        return List.copyOf(files);
    }

    private void add(Upload upload, UploadSource parts, PublicUrlFetcher fetcher) throws DaliException, IOException {
        Path file = Files.createTempFile("tap-upload-", ".dat");
        files.add(new Spooled(upload.name(), file)); // before anything can fail: close() deletes it
        if (upload.part() != null) {
            copy(upload.name(), parts.open(upload.part()).orElseThrow(() -> DaliException.badRequest("UPLOAD "
                + upload.name() + " refers to param:" + upload.part() + ", but the request has no such multipart part")),
                file);
            return;
        }
        try {
            copy(upload.name(), fetcher.open(upload.url()), file);
        } catch (FetchException e) {
            // the reason tells open, closed and refused targets apart: for the log, not for the client
            LOG.log(Level.INFO, "UPLOAD " + upload.name() + ": " + upload.url() + " not fetched: " + e.getMessage());
            LOG.log(Level.FINE, "UPLOAD " + upload.name() + ": the fetch's failure", e);
            throw DaliException.badRequest("UPLOAD " + upload.name() + ": could not fetch " + upload.url());
        }
    }

    /** Copies an upload to disk, counting its bytes against the limit for the whole request. */
    private void copy(String name, InputStream content, Path file) throws IOException, DaliException {
        try (InputStream in = content; var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytesLeft -= n;
                if (bytesLeft < 0) {
                    throw DaliException.badRequest("UPLOAD " + name + ": the uploads of this request exceed the limit of "
                        + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Deletes the files. */
    @Override
    public void close() {
        for (Spooled s : files) {
            try {
                Files.deleteIfExists(s.file());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "a temporary upload file could not be deleted: " + s.file(), e);
            }
        }
        files.clear();
    }
}
