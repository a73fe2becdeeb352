package org.voarchive.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.tap.KeptResultPages;
import org.voarchive.tap.ResultPageRequest;
import org.voarchive.tap.RunningQuery;
import org.voarchive.web.CallerAuthentication;
import org.voarchive.web.CallerName;

/**
 * An async TAP job's result kept as a table ({@link KeptResultPages}), for the portal's Results page:
 * <ul>
 * <li>{@code GET /portal/results/{job}?offset=0&limit=100&sort=column&order=asc|desc}: a page as JSON
 * ({@code job, rows, overflow, offset, limit, sort, order, query, sourceTables, columns, data}); limit at most
 * 1000.</li>
 * <li>{@code GET /portal/results/{job}/download?FORMAT=votable|votable/td|binary2|csv|tsv|fits|json|...} (with
 * sort and order if wanted): the whole result in that TAP output format, as an attachment
 * {@code job_<id>.<extension>}.</li>
 * </ul>
 * Who may read it is who may read the UWS job. Refusals are JSON {@code {"error": ...}}: 400 (offset, limit,
 * sort, order, FORMAT), 401 and 403 as UWS answers them (401 with the sign-in form's challenge, not Basic: a
 * browser would answer Basic with its own login dialog), 404 (no such job, or no kept result), 409 (the job has
 * not COMPLETED).
 */
@Path(ResultsResource.PATH)
@RequestScoped
public class ResultsResource {

    static final String PATH = "portal/results";

    @Inject
    KeptResultPages results;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Path("{job}")
    public Response page(@PathParam("job") String job) {
        try {
            byte[] page = results.page(job, CallerName.of(security),
                ResultPageRequest.parse(DaliParameters.of(uri.getQueryParameters())));
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
        } catch (DaliException e) {
            return refusal(e);
        }
    }

    @GET
    @Path("{job}/download")
    public Response download(@PathParam("job") String job) {
        RunningQuery result;
        try {
            result = results.download(job, CallerName.of(security), DaliParameters.of(uri.getQueryParameters()));
        } catch (DaliException e) {
            return refusal(e);
        }
        StreamingOutput body = result::writeTo;
        return Response.ok(body, result.contentType())
            .header("Content-Disposition", "attachment; filename=\"" + KeptResultPages.fileName(job, result.format()) + "\"")
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    private static Response refusal(DaliException e) {
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
            .entity(Json.createObjectBuilder().add("error", e.getMessage()).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (e.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, CallerAuthentication.SESSION_CHALLENGE);
        }
        return r.build();
    }
}
