package org.voarchive.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;

/** The archive's own files ({@code /files/<path>}), which its datalinks point to; HEAD comes with GET. */
@Path("files/{path: .+}")
@RequestScoped
public class FilesResource {

    @Inject
    ArchiveFiles files;

    @GET
    public Response get(@PathParam("path") String path) throws IOException {
        java.nio.file.Path file = files.file(path).orElseThrow(() -> new NotFoundException("no file " + path));
        return Response.ok(file.toFile(), ArchiveFiles.contentType(file)).header("Content-Length", Files.size(file)).build();
    }
}
