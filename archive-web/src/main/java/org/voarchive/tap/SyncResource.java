package org.voarchive.tap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliService;
import org.voarchive.dali.DaliParameters;
import org.voarchive.database.Cancellation;
import org.voarchive.database.ReadRouting;
import org.voarchive.web.CallerName;
import org.voarchive.usage.UsageKind;
import org.voarchive.usage.UsageStatistics;
import org.voarchive.web.ClientAddresses;
import org.voarchive.web.ClientConnections;

/**
 * TAP synchronous queries (TAP 1.1 section 2.3.1): GET, POST with a form, or
 * POST multipart with inline uploads. Errors found before the first row
 * (parameters, ADQL, uploads, the database refusing the query) are DALI
 * error documents with their status; the rows stream from the cursor, on a replica where one may serve the
 * query ({@link ReadRouting}).
 * One instance serves every request, as {@link org.voarchive.scs.ConeSearchResource}: a request-scoped resource
 * cost a tenth of a small query's server time to create and inject.
 */
@Path("tap/sync")
@ApplicationScoped
@DaliService
public class SyncResource {


    @Inject
    QueryService queries;

    @Inject
    TapLimits limits;

    @Inject
    ClientConnections connections;

    @Inject
    ClientAddresses clients;

    @Inject
    UsageStatistics usage;

    @GET
    public Response get(@Context UriInfo uri, @Context SecurityContext security, @Context HttpServletRequest http)
            throws DaliException {
        return run(DaliParameters.of(uri.getQueryParameters()), UploadSource.NONE, security, http);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@Context UriInfo uri, @Context SecurityContext security, @Context HttpServletRequest http,
                         MultivaluedMap<String, String> form) throws DaliException {
        return run(DaliParameters.of(uri.getQueryParameters(), form), UploadSource.NONE, security, http);
    }

    /** Parts with a file name are uploads for {@code UPLOAD=name,param:part}; the others are parameters. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response postMultipart(@Context UriInfo uri, @Context SecurityContext security,
                                  @Context HttpServletRequest http, List<EntityPart> parts) throws DaliException {
        TapMultipart request = TapMultipart.of(uri.getQueryParameters(), parts);
        return run(request.parameters(), request.uploads(), security, http);
    }

    private Response run(DaliParameters parameters, UploadSource uploads, SecurityContext security,
                         HttpServletRequest http) throws DaliException {
        TapRequest request = TapRequest.parse(parameters, limits.queryMaxLength());
        String caller = CallerName.of(security);
        RunningQuery query;
        Cancellation cancellation = new Cancellation();
        // until the first row, nothing is written that would fail when the client leaves: watch its connection
        try (ClientConnections.Watch watch = connections.watch(http, cancellation::cancel)) {
            query = queries.start(request, caller, uploads, limits.syncTimeoutSeconds(), cancellation,
                queries.origin("/tap/sync", parameters, request.query()), Optional.of(ReadRouting.Read.SYNC));
        } // a failure goes to web.UnexpectedErrors, which answers a DALI error document (@DaliService)
        // counted once the query runs, off the request's path (usage.UsageStatistics)
        usage.count(UsageKind.TAP_SYNC, query.sourceTables(), clients.of(http));
        StreamingOutput body = query::writeTo;
        return Response.ok(body, query.contentType()).build();
    }
}
