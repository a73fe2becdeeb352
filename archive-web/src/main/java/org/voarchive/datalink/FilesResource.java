package org.voarchive.datalink;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.dali.DaliException;
import org.voarchive.usage.UsageKind;
import org.voarchive.usage.UsageStatistics;
import org.voarchive.web.CallerName;
import org.voarchive.web.ClientAddresses;

/**
 * The archive's own files ({@code /files/<path>}), which its datalinks point to, at the data access level of
 * the tables whose rows link them ({@link ArchiveFiles}); HEAD comes with GET. A file the caller may not have
 * is a 404, as an unknown one is: a 401 or 403 would tell anyone which restricted files exist. Clients of
 * restricted data send their credentials with the request (pyvo, TOPCAT and curl can).
 */
@Path("files/{path: .+}")
@RequestScoped
public class FilesResource {

    private static final Logger LOG = Logger.getLogger(FilesResource.class.getName());

    @Inject
    ArchiveFiles files;

    @Inject
    DatalinkService links;

    @Context
    SecurityContext security;

    @Inject
    UsageStatistics usage;

    @Inject
    ClientAddresses clients;

    @Context
    HttpServletRequest request;

    @GET
    // @Encoded: the path as the request spelled it, so that one file has one URL (ArchiveFiles refuses '%')
    public Response get(@Encoded @PathParam("path") String path) throws IOException, DaliException {
        String caller = CallerName.of(security);
        ArchiveFiles.Served served;
        try {
            served = files.file(path, links.context(caller)).orElseThrow(() -> new NotFoundException("no file " + path));
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "reading the datalink rows of a file failed", e);
            throw new DaliException(503, "TransientFault: the file cannot be served now; the service log has the details");
        }
        java.nio.file.Path file = served.file();
        usage.count(UsageKind.FILE_DOWNLOAD, served.tables(), clients.of(request));
        Response.ResponseBuilder response = Response.ok(file.toFile(), ArchiveFiles.contentType(file))
            .header("Content-Length", Files.size(file));
        // what one caller may have, a shared cache must not hand to the next
        return (caller == null ? response : response.header("Cache-Control", "private")).build();
    }
}
