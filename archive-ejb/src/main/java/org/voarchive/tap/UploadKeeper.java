package org.voarchive.tap;

import java.nio.file.Path;
import org.voarchive.dali.DaliException;
import org.voarchive.metadata.Caller;

/**
 * Keeps a TAP upload as a personal table ({@code KEEP_UPLOAD=upload[:table]}, design §1.9): the upload created
 * and loaded as {@code table} in the caller's own schema, committed on its own before the query runs. Declared
 * here and implemented by {@code usertables}, which depends on {@code tap}: {@code tap} must not depend on it.
 */
public interface UploadKeeper {

    /**
     * @param upload the upload's name under TAP_UPLOAD (for messages)
     * @param table  the table's name, in the caller's schema or qualified with it
     * @param file   the upload as {@code tap} spooled it, within the upload limits
     * @throws DaliException 401 anonymous, 400 a bad name or row, 403 the tables limit, 409 the table exists,
     *                       413 over the storage quota: each naming the upload
     */
    void keep(Caller caller, String upload, String table, Path file) throws DaliException;
}
