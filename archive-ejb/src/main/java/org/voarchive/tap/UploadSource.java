package org.voarchive.tap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The parts of a multipart request that {@code UPLOAD=name,param:part} can refer to. */
@FunctionalInterface
public interface UploadSource {

    UploadSource NONE = part -> Optional.empty();

    /** The content of the named part, if the request has one. */
    Optional<InputStream> open(String part) throws IOException;
}
